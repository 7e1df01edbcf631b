#!/usr/bin/env node
// The applicant downloads the printable forms of a submitted application in a real browser (Debian's chromium driven
// by playwright-core): portal login, /portal/applications/{id}, a click on each of the links 专业技术职称评审表（PDF）
// and 专业技术职称送审表（PDF）, each caught as a download and saved to --downloads.
//
//   node print-forms.mjs --base URL --id USER --password PW --application CF2025-… --downloads DIR [--out DIR]
//
// Prints "saved <form> <file> as <suggested file name>" for each form (form: review-form, submission-form); the test
// opens the files. Screenshots go to --out as print-forms-*.png. Exit 0 on success; 1 with "FAIL: ..." otherwise; 2 on
// bad arguments.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const FORMS = [['review-form', '专业技术职称评审表（PDF）'], ['submission-form', '专业技术职称送审表（PDF）']];

const o = { base: undefined, id: undefined, password: undefined, application: undefined, downloads: undefined,
  out: 'target/ui-screenshots', timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`print-forms: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
for (const k of ['base', 'id', 'password', 'application', 'downloads']) {
  if (!o[k]) { console.error(`print-forms: --${k} is required`); process.exit(2); }
}
o.base = o.base.replace(/\/+$/, '');

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };
const log = (message) => console.log(`[print-forms] ${message}`);

let browser;
let page;
let shots = 0;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `print-forms-${++shots}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
async function expectText(text, where = 'main') {
  const body = await page.locator(where).innerText();
  if (!body.includes(text)) fail(`${page.url()}: "${text}" not on the page:\n${body.slice(0, 1500)}`);
}

async function run() {
  await page.goto(`${o.base}/portal/login`);
  await page.locator('#username').fill(o.id);
  await page.locator('#password').fill(o.password);
  await Promise.all([page.waitForURL('**/portal/home'), page.locator('main button[type=submit]').first().click()]);
  log(`logged in as ${o.id}`);
  await page.goto(`${o.base}/portal/applications/${o.application}`);
  await expectText(o.application);
  await expectText('评审表和送审表', '#forms');
  await shot('application');
  fs.mkdirSync(o.downloads, { recursive: true });
  for (const [form, text] of FORMS) {
    const link = page.locator('#forms a', { hasText: text });
    if ((await link.count()) !== 1) fail(`no single link ${text} on the application's page`);
    const href = await link.getAttribute('href');
    if (href !== `/portal/applications/${o.application}/forms/${form}.pdf`) fail(`the link ${text} goes to ${href}`);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const failure = await download.failure();
    if (failure) fail(`the download of ${text} failed: ${failure}`);
    const file = path.join(o.downloads, `${form}.pdf`);
    await download.saveAs(file);
    const size = fs.statSync(file).size;
    if (size < 1000) fail(`${text} saved as ${size} bytes only`);
    log(`${text}: ${size} bytes`);
    console.log(`saved ${form} ${file} as ${download.suggestedFilename()}`);
  }
  // a download leaves the page where it was
  if (!page.url().endsWith(`/portal/applications/${o.application}`)) fail(`after the downloads the page is ${page.url()}`);
}

try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', acceptDownloads: true });
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
