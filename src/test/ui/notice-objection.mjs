#!/usr/bin/env node
// The public notice board in a real browser (Debian's chromium driven by playwright-core), without a login: the board
// /portal/notices, one notice opened from it, its published row, and a real-name objection filed on its page.
//
//   node notice-objection.mjs --base URL --notice PUBLICATION_ID --name 韩雪梅 --employer 宁城县中心医院 \
//        --series 工程 --level 中级 --hidden 150402… --objector 孙立新 --contact 137… --text '…'
//
// The notice must be listed on the board with its link; its page must show a row with --name, --employer, --series
// and --level, and no --hidden text anywhere in its HTML (the ID number); the objection (the row of --name, about the
// materials, the text, the objector's name and contact) is submitted and the page must say 异议已受理 without showing
// the objector's name or contact. Screenshots go to --out as notice-*.png. Exit 0 on success; 1 with "FAIL: ..."
// otherwise; 2 on bad arguments.
import { fail, parseArgs, run } from './browser.mjs';

const o = parseArgs('notice-objection', { base: undefined, notice: undefined, name: undefined, employer: undefined,
  series: undefined, level: undefined, hidden: undefined, objector: undefined, contact: undefined, text: undefined },
['base', 'notice', 'name', 'employer', 'series', 'level', 'hidden', 'objector', 'contact', 'text']);

await run('notice-objection', o, { prefix: 'notice' }, async (page, { log, shot, expectText, expectAbsent }) => {
  await page.goto(`${o.base}/portal/notices`);
  if (new URL(page.url()).pathname !== '/portal/notices') fail(`the board redirects to ${page.url()}`);
  await expectText('公示');
  const link = page.locator(`main a[href="/portal/notices/${o.notice}"]`);
  if (!(await link.count())) fail(`the board does not link to the notice ${o.notice}`);
  await shot('board');
  await Promise.all([page.waitForURL(`**/portal/notices/${o.notice}`), link.first().click()]);
  log(`opened ${page.url()} from the board`);

  await expectText('公示期');
  await expectText('公示中');
  const headers = (await page.locator('table.entries thead th').allInnerTexts()).map((t) => t.trim());
  for (const h of ['姓名', '工作单位', '申报系列', '申报专业', '申报级别']) {
    if (!headers.includes(h)) fail(`the notice's table has no column ${h}: ${headers.join(', ')}`);
  }
  const row = page.locator('table.entries tbody tr', { hasText: o.name });
  if ((await row.count()) !== 1) fail(`the notice has ${await row.count()} row(s) of ${o.name}`);
  const cell = async (label) => (await row.locator(`td[data-label="${label}"]`).innerText()).trim();
  const shown = { name: await cell('姓名'), employer: await cell('工作单位'), series: await cell('申报系列'),
    level: await cell('申报级别') };
  log(`row: ${JSON.stringify(shown)}`);
  for (const k of ['name', 'employer', 'series', 'level']) {
    if (shown[k] !== o[k]) fail(`the row shows ${k} ${shown[k]}, expected ${o[k]}`);
  }
  await expectAbsent(o.hidden, 'the ID number');
  await expectAbsent(o.hidden.slice(-8), 'the end of the ID number');
  await expectText('实名反映问题');
  await shot('notice');

  const entry = page.locator('#entry option', { hasText: o.name });
  await page.locator('#entry').selectOption(await entry.getAttribute('value'));
  await page.locator('input[name=about][value=MATERIALS]').check();
  await page.locator('#text').fill(o.text);
  await page.locator('#objectorName').fill(o.objector);
  await page.locator('#objectorContact').fill(o.contact);
  await shot('objection');
  await Promise.all([page.waitForURL(`**/portal/notices/${o.notice}?filed`),
    page.locator('main form button[type=submit]').click()]);
  await expectText('异议已受理', 'main .notice.ok');
  log(`confirmation: ${(await page.locator('main .notice.ok').innerText()).trim()}`);
  await expectAbsent(o.objector, "the objector's name");
  await expectAbsent(o.contact, "the objector's contact");
  await shot('filed');
  console.log('objection filed');
});
