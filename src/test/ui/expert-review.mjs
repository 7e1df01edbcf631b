#!/usr/bin/env node
// An expert's staff page of an evaluation session in a real browser (Debian's chromium driven by playwright-core):
// the expert signs in to Tasklist, opens /staff/sessions/{id}/review (the link of the 在线评审 task), saves an
// opinion and votes 同意 on every application shown, then sees 已投票 for each. Run by EvaluationSessionIT; also
// usable against a running demo:
//
//   node src/test/ui/expert-review.mjs --base http://localhost:8080 --user hr-expert02 --password demo \
//        --session PS2025-… [--out target/ui-screenshots]
//
// Exit 0 on success; 1 with "FAIL: ..." otherwise; 2 on bad arguments. Prints "voted: N" for the votes cast.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const o = { base: undefined, user: undefined, password: undefined, session: undefined, out: 'target/ui-screenshots',
  timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`expert-review: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
for (const k of ['base', 'user', 'password', 'session']) {
  if (!o[k]) { console.error(`expert-review: --${k} is required`); process.exit(2); }
}
o.base = o.base.replace(/\/+$/, '');
const log = (m) => console.log(`[expert-review] ${m}`);
class Failure extends Error {}
const fail = (m) => { throw new Failure(m); };
let browser;
let page;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `expert-review-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}

try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(Number(o.timeout));
  page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });

  await page.goto(`${o.base}/camunda/app/tasklist/default/`);
  await page.locator('input[ng-model="username"]').fill(o.user);
  await page.locator('input[ng-model="password"]').fill(o.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('.task-filter').first().waitFor();
  log(`signed in to Tasklist as ${o.user}`);

  const review = `${o.base}/staff/sessions/${o.session}/review`;
  const response = await page.goto(review);
  if (response.status() !== 200) fail(`${review}: HTTP ${response.status()}`);
  await page.getByRole('heading', { name: '在线评审与表决' }).waitFor();
  const sections = page.locator('section');
  const count = await sections.count();
  if (count === 0) fail('no application on the page');
  await shot('before');

  // an opinion, saved through the page's form
  const first = sections.first();
  const pseudonym = (await first.locator('h2').innerText()).trim();
  await first.getByRole('textbox', { name: '评审意见' }).fill('业绩突出，符合申报条件（界面测试）');
  await first.getByRole('button', { name: '保存评审意见' }).click();
  await page.getByText('已保存评审意见。').waitFor();
  log(`opinion saved for ${pseudonym}`);

  let voted = 0;
  for (let i = 0; i < count; i++) {
    const s = page.locator('section').nth(i);
    if (await s.getByText('已投票').count()) continue;
    await s.getByLabel('同意', { exact: true }).check();
    await s.getByRole('button', { name: '投票' }).click();
    await page.getByText('已记录您的表决（无记名）。').waitFor();
    voted++;
  }
  const done = await page.locator('section', { hasText: '已投票' }).count();
  if (done !== count) fail(`${done} of ${count} applications show 已投票`);
  if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
  await shot('after');
  console.log(`voted: ${voted}`);
  await browser.close();
  process.exit(0);
} catch (e) {
  if (page) await shot('failure').catch(() => {});
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
  if (browser) await browser.close().catch(() => {});
  process.exit(1);
}
