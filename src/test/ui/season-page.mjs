#!/usr/bin/env node
// The season at a glance on the workbench, in a real browser (Debian's chromium driven by playwright-core): sign in
// to Tasklist, open /staff/season/{year}, read the totals and each bar of the two charts (its number, and its drawn
// width against the longest bar's). Run by SeasonOverviewIT, which compares the numbers with the API's JSON; also
// usable against a running demo:
//
//   node src/test/ui/season-page.mjs --base http://localhost:8080 --user city-hr --password demo --year 2025
//
// Prints "numbers: {totals, stage, county}" as JSON. Exit 0 on success; 1 with "FAIL: ..." otherwise (a bar whose
// width does not follow its number, a CSP violation); 2 on bad arguments.
import { fail, parseArgs, runSignedIn } from './staff-page.mjs';

const o = parseArgs('season-page', { base: undefined, user: undefined, password: undefined, year: undefined },
  ['base', 'user', 'password', 'year']);

await runSignedIn('season-page', o, { width: 1200, height: 1400 }, async (page, log, shot) => {
  const response = await page.goto(`${o.base}/staff/season/${o.year}`);
  if (response.status() !== 200) fail(`season page: HTTP ${response.status()}`);
  await page.getByRole('heading', { name: `${o.year}年度职称评审进度一览` }).waitFor();
  const numbers = await page.evaluate(() => {
    const out = { totals: {}, stage: {}, county: {}, widths: [] };
    document.querySelectorAll('[data-total]').forEach((td) => { out.totals[td.dataset.total] = Number(td.textContent); });
    document.querySelectorAll('[data-chart]').forEach((bar) => {
      const count = Number(bar.querySelector('[data-count]').textContent);
      out[bar.dataset.chart][bar.dataset.code] = count;
      const fill = bar.querySelector('span > span');
      out.widths.push({ chart: bar.dataset.chart, code: bar.dataset.code, count,
        fill: fill.getBoundingClientRect().width, track: fill.parentElement.getBoundingClientRect().width });
    });
    return out;
  });
  for (const chart of ['stage', 'county']) {
    const bars = numbers.widths.filter((w) => w.chart === chart);
    const most = Math.max(0, ...bars.map((w) => w.count));
    for (const w of bars) {
      const expected = most === 0 ? 0 : w.track * w.count / most;
      // the page rounds each width to a whole percent
      if (Math.abs(w.fill - expected) > w.track * 0.005 + 1) {
        fail(`${chart} bar ${w.code}: ${w.count} drawn ${w.fill.toFixed(1)}px of ${w.track.toFixed(1)}px, expected ${expected.toFixed(1)}px`);
      }
    }
    log(`${chart}: ${bars.length} bars, widths follow the numbers`);
  }
  await shot('season');
  delete numbers.widths;
  console.log(`numbers: ${JSON.stringify(numbers)}`);
});
