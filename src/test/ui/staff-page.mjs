// What the staff-page scripts share (expert-review.mjs, session-plan.mjs): arguments, Debian's chromium, the
// Tasklist login whose session the staff pages use, screenshots, and the run that turns a failure into exit 1.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { Failure, fail } from './browser.mjs';

export { Failure, fail, parseArgs } from './browser.mjs';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/**
 * Opens a Chinese browser, signs in to Tasklist as o.user and runs steps(page, log, shot); a page's CSP violation
 * fails the run. Exit 0 on success, 1 with "FAIL: ..." (and a screenshot) otherwise.
 */
export async function runSignedIn(script, o, viewport, steps) {
  const log = (m) => console.log(`[${script}] ${m}`);
  let browser;
  let page;
  const shot = async (name) => {
    fs.mkdirSync(o.out, { recursive: true });
    const file = path.join(o.out, `${script}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`screenshot ${file}`);
  };
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(Number(o.timeout));
    page = await context.newPage();
    const violations = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
    await page.goto(`${o.base}/camunda/app/tasklist/default/`);
    // the login page focuses its user field once loaded: what was typed before may land in the wrong field
    const username = page.locator('input[ng-model="username"]');
    const password = page.locator('input[ng-model="password"]');
    for (let i = 0; ; i++) {
      await username.fill(o.user);
      await password.fill(o.password);
      if ((await username.inputValue()) === o.user && (await password.inputValue()) === o.password) break;
      if (i === 4) fail('the login fields do not keep what was typed');
      await page.waitForTimeout(300);
    }
    await page.locator('button[type="submit"]').click();
    await page.locator('.task-filter').first().waitFor();
    log(`signed in to Tasklist as ${o.user}`);
    await steps(page, log, shot);
    if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
    await browser.close();
    process.exit(0);
  } catch (e) {
    if (page) await shot('failure').catch(() => {});
    console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
    if (browser) await browser.close().catch(() => {});
    process.exit(1);
  }
}
