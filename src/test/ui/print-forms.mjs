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
import fs from 'node:fs';
import path from 'node:path';
import { fail, parseArgs, run } from './browser.mjs';

const FORMS = [['review-form', '专业技术职称评审表（PDF）'], ['submission-form', '专业技术职称送审表（PDF）']];

const o = parseArgs('print-forms', { base: undefined, id: undefined, password: undefined, application: undefined,
  downloads: undefined }, ['base', 'id', 'password', 'application', 'downloads']);

await run('print-forms', o, { acceptDownloads: true }, async (page, { log, shot, expectText }) => {
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
});
