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
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const o = { base: undefined, notice: undefined, name: undefined, employer: undefined, series: undefined,
  level: undefined, hidden: undefined, objector: undefined, contact: undefined, text: undefined,
  out: 'target/ui-screenshots', timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`notice-objection: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
for (const k of ['base', 'notice', 'name', 'employer', 'series', 'level', 'hidden', 'objector', 'contact', 'text']) {
  if (!o[k]) { console.error(`notice-objection: --${k} is required`); process.exit(2); }
}
o.base = o.base.replace(/\/+$/, '');

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };
const log = (message) => console.log(`[notice-objection] ${message}`);

let browser;
let page;
let shots = 0;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `notice-${++shots}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
async function expectText(text, where = 'main') {
  const body = await page.locator(where).innerText();
  if (!body.includes(text)) fail(`${page.url()}: "${text}" not on the page:\n${body.slice(0, 1500)}`);
}
async function expectAbsent(text, what) {
  const html = await page.content();
  if (html.includes(text)) fail(`${page.url()}: ${what} (${text}) is on the page`);
}

async function run() {
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
}

try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(Number(o.timeout));
  page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await run();
  if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
  log('OK');
} catch (e) {
  if (page) await shot('failure').catch(() => {});
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
