// What the browser scripts share: arguments, Debian's chromium in a Chinese context, screenshots, a few page
// checks, CSP violations as failures, and the exit code (0 done, 1 "FAIL: ...", 2 bad arguments).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export class Failure extends Error {}
export const fail = (message) => { throw new Failure(message); };

/** --name value or --name=value into a copy of the defaults; exits 2 on an unknown or missing argument. */
export function parseArgs(script, defaults, required) {
  const o = { out: 'target/ui-screenshots', timeout: 30000, ...defaults };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in o)) { console.error(`${script}: unknown argument ${argv[i]}`); process.exit(2); }
    o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  }
  for (const k of required) {
    if (!o[k]) { console.error(`${script}: --${k} is required`); process.exit(2); }
  }
  o.base = o.base.replace(/\/+$/, '');
  return o;
}

/**
 * Opens a Chinese browser page and runs steps(page, tools); tools: log, shot(name) (a numbered full-page screenshot
 * <prefix>-N-name.png in o.out), expectText(text, where = 'main'), expectAbsent(text, what). A CSP violation fails
 * the run. Sets the exit code: 0 on success, 1 with "FAIL: ..." (and a screenshot) otherwise.
 */
export async function run(script, o, { viewport = { width: 1280, height: 900 }, acceptDownloads = false,
  prefix = script } = {}, steps) {
  const log = (m) => console.log(`[${script}] ${m}`);
  let browser;
  let page;
  let shots = 0;
  const shot = async (name) => {
    fs.mkdirSync(o.out, { recursive: true });
    const file = path.join(o.out, `${prefix}-${++shots}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`screenshot ${file}`);
  };
  const expectText = async (text, where = 'main') => {
    const body = await page.locator(where).innerText();
    if (!body.includes(text)) fail(`${page.url()}: "${text}" not on the page:\n${body.slice(0, 1500)}`);
  };
  const expectAbsent = async (text, what) => {
    if ((await page.content()).includes(text)) fail(`${page.url()}: ${what} (${text}) is on the page`);
  };
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      acceptDownloads });
    context.setDefaultTimeout(Number(o.timeout));
    page = await context.newPage();
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await steps(page, { log, shot, expectText, expectAbsent });
    if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
    log('OK');
  } catch (e) {
    if (page) await shot('failure').catch(() => {});
    console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
  }
}
