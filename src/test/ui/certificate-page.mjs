#!/usr/bin/env node
// Opens the public verification page of result certificates in a real browser (Debian's chromium driven by
// playwright-core), as a verifier who scanned the QR code does: no login. Run by CertificatePageUiIT; also usable
// against a running demo:
//
//   node src/test/ui/certificate-page.mjs --base http://localhost:8080 --valid ZS2025-… [--forged ZS2025-…] \
//        [--out target/ui-screenshots]
//
// Checks: /certificates/{valid} shows 真实有效 and the holder's table, with no script on the page and no cookie set;
// /certificates/{forged} shows 未查到（可能伪造）; typing the valid number in lower case into the page's form and
// submitting it lands on the valid page. Screenshots of each go to --out.
// Exit 0 on success; 1 with "FAIL: ..." on stderr otherwise; 2 on bad arguments.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const o = { base: undefined, valid: undefined, forged: 'ZS2025-0000000000000000000A', out: 'target/ui-screenshots',
  timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`certificate-page: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
if (!o.base || !o.valid) {
  console.error('usage: node certificate-page.mjs --base URL --valid NUMBER [--forged NUMBER] [--out DIR]');
  process.exit(2);
}
o.base = o.base.replace(/\/+$/, '');

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };
const log = (message) => console.log(`[certificate-page] ${message}`);

let browser;
let page;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `certificate-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}

async function statusOf(url, expectedHttp) {
  const response = await page.goto(url);
  if (response.status() !== expectedHttp) fail(`${url}: HTTP ${response.status()}, expected ${expectedHttp}`);
  return (await page.locator('#status').innerText()).trim();
}

try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', javaScriptEnabled: true });
  context.setDefaultTimeout(Number(o.timeout));
  page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });

  const valid = await statusOf(`${o.base}/certificates/${o.valid}`, 200);
  await shot('valid');
  if (valid !== '真实有效') fail(`valid certificate shows "${valid}", expected 真实有效`);
  const table = await page.locator('table').innerText();
  if (!table.includes(o.valid)) fail(`the page's table does not show the number ${o.valid}: ${table}`);
  if (await page.locator('script').count() !== 0) fail('the page holds a script');
  const cookies = await context.cookies();
  if (cookies.length) fail(`the page set cookies: ${cookies.map((c) => c.name).join(', ')}`);
  // the style element is allowed by its hash: had the CSP blocked it, the status would have no background
  const background = await page.locator('#status').evaluate((e) => getComputedStyle(e).backgroundColor);
  if (background === 'rgba(0, 0, 0, 0)') fail('the page\'s style was blocked (status without background)');
  log(`valid: ${valid}, background ${background}`);

  const forged = await statusOf(`${o.base}/certificates/${o.forged}`, 404);
  await shot('forged');
  if (forged !== '未查到（可能伪造）') fail(`forged number shows "${forged}", expected 未查到（可能伪造）`);
  log(`forged: ${forged}`);

  await page.locator('input[name=number]').fill(o.valid.toLowerCase());
  await Promise.all([page.waitForURL(`**/certificates/${o.valid}`), page.locator('button[type=submit]').click()]);
  const typed = (await page.locator('#status').innerText()).trim();
  if (typed !== '真实有效') fail(`the number typed into the form shows "${typed}"`);
  log(`typed in lower case: ${typed}`);
  if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
  log('OK');
} catch (e) {
  if (page) await shot('failure').catch(() => {});
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
