#!/usr/bin/env node
// The applicant's journey on the portal in a real browser (Debian's chromium driven by playwright-core), one step per
// run so that the test between steps can read the e-mail from the SMTP server and act as the reviewers:
//
//   node portal-journey.mjs --base URL --step register --name 周晓梅 --id 1504… --phone 139… --email x@… --password …
//   node portal-journey.mjs --base URL --step confirm  --link /portal/confirm/… --id … --password …
//   node portal-journey.mjs --base URL --step apply    --id … --password … --employer CODE
//   node portal-journey.mjs --base URL --step resubmit --application CF2025-… --id … --password …
//   node portal-journey.mjs --base URL --step answer   --application CF2025-… --id … --password …
//
// register: the registration form on a phone-sized screen; confirm: the e-mail's link, login by 身份证号; apply: the
// application form on a phone-sized screen, the draft with its what-if, an upload with its progress, the submission
// (accepting the confirmation), the status; resubmit: the returned application's reason, its form, the resubmission;
// answer: the correction notice, an upload, the answer. Prints "application: <id>" after apply. Screenshots go to
// --out as portal-<step>-*.png. Exit 0 on success; 1 with "FAIL: ..." otherwise; 2 on bad arguments.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const o = { base: undefined, step: undefined, name: '周晓梅', id: undefined, phone: undefined, email: undefined,
  password: undefined, link: undefined, employer: undefined, application: undefined, out: 'target/ui-screenshots',
  timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`portal-journey: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
if (!o.base || !o.step) {
  console.error('usage: node portal-journey.mjs --base URL --step register|apply|resubmit|answer …');
  process.exit(2);
}
o.base = o.base.replace(/\/+$/, '');

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };
const log = (message) => console.log(`[portal-journey] ${message}`);

let browser;
let page;
let shots = 0;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `portal-${o.step}-${++shots}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
async function expectText(text, where = 'main') {
  const body = await page.locator(where).innerText();
  if (!body.includes(text)) fail(`${page.url()}: "${text}" not on the page:\n${body.slice(0, 1500)}`);
}
async function login() {
  await page.goto(`${o.base}/portal/login`);
  await page.locator('#username').fill(o.id);
  await page.locator('#password').fill(o.password);
  await Promise.all([page.waitForURL('**/portal/home'), page.locator('main button[type=submit]').first().click()]);
  log('logged in by 身份证号');
}
function samplePdf(name) {
  const file = path.join(os.tmpdir(), name);
  fs.writeFileSync(file, '%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n' + ' '.repeat(200000));
  return file;
}
async function upload(item, fileName) {
  await page.locator('#item').selectOption(item);
  await page.locator('#file').setInputFiles(samplePdf(fileName));
  await expectText('已选择：' + fileName);
  await page.locator('#materials button[type=submit]').click();
  await page.getByText('已上传：' + fileName).waitFor();
  log(`uploaded ${fileName} with progress`);
}

const steps = {
  async register(context) {
    await page.setViewportSize(PHONE);
    await page.goto(`${o.base}/portal/register`);
    await page.locator('#name').fill(o.name);
    await page.locator('#idNumber').fill(o.id);
    await page.locator('#phone').fill(o.phone);
    await page.locator('#email').fill(o.email);
    await page.locator('#password').fill(o.password);
    await page.locator('#passwordConfirm').fill(o.password);
    await shot('form');
    await page.locator('main button[type=submit]').click();
    await expectText('确认邮件已发送到');
    await shot('sent');
  },
  async confirm() {
    await page.goto(`${o.base}${o.link}`);
    await expectText('邮箱已确认');
    await shot('confirmed');
    await login();
  },
  async apply() {
    await login();
    await page.setViewportSize(PHONE);
    await page.goto(`${o.base}/portal/apply`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > PHONE.width + 1) fail(`the form is wider than the phone: ${width}px`);
    if ((await page.locator('#name').inputValue()) !== o.name) fail('the form does not carry the registered name');
    await page.locator('#education').selectOption('BACHELOR');
    await page.locator('#graduationDate').fill('2008-07-01');
    await page.locator('#workStartDate').fill('2010-08-01');
    await page.locator('#employer').selectOption(o.employer);
    await page.locator('#series').selectOption('ARTS_AND_CRAFTS');
    await page.locator('#specialty').fill('工艺美术设计');
    await page.locator('#targetLevel').selectOption('INTERMEDIATE');
    await page.locator('#currentLevel').selectOption('ASSISTANT');
    // a wrong date first: the server's message stands next to the field
    await page.locator('#currentTitleDate').fill('2030-01-01');
    await page.locator('main form button[type=submit]').click();
    const message = await page.locator('.field.invalid .error').first().innerText();
    log(`field message: ${message}`);
    await shot('field-message');
    await page.locator('#currentTitleDate').fill('2015-01-01');
    await Promise.all([page.waitForURL(/\/portal\/applications\/CF/), page.locator('main form button[type=submit]').click()]);
    await expectText('草稿（未提交）');
    await expectText('申报资格预审');
    await expectText('提交前还须上传');
    const id = /\/portal\/applications\/(CF[0-9A-Z-]+)/.exec(page.url())[1];
    await shot('draft');
    await page.setViewportSize(DESKTOP);
    await upload('WORKS', '代表作品.pdf');
    page.once('dialog', (d) => { log(`confirm: ${d.message()}`); d.accept(); });
    await page.locator('#actions button', { hasText: '提交申报' }).click();
    await page.waitForLoadState('load');
    await expectText('申报已提交');
    await expectText('单位审核（当前）');
    const status = (await page.locator('#status').innerText()).trim();
    if (status !== '审核中') fail(`status after submission: ${status}`);
    await shot('submitted');
    log(`status: ${status}`);
    console.log(`application: ${id}`);
  },
  async resubmit() {
    await login();
    await page.goto(`${o.base}/portal/applications/${o.application}`);
    await expectText('已退回修改');
    log(`reason: ${(await page.locator('#status-reason').innerText()).trim()}`);
    await shot('returned');
    await page.locator('#actions a', { hasText: '修改并重新提交' }).click();
    if (!(await page.locator('#series').isDisabled())) fail('the series can be changed after a return');
    await page.locator('#specialty').fill('陶瓷艺术设计');
    await shot('form');
    await page.locator('main form button[type=submit]').click();
    await expectText('已修改并重新提交');
    const status = (await page.locator('#status').innerText()).trim();
    if (status !== '审核中') fail(`status after resubmission: ${status}`);
    await shot('resubmitted');
    log(`status: ${status}`);
  },
  async answer() {
    await login();
    await page.goto(`${o.base}/portal/applications/${o.application}`);
    await expectText('一次性补正告知');
    await shot('notice');
    await upload('CONTINUING_EDUCATION', '继续教育审验卡.pdf');
    await page.locator('#answer').fill('已补充加盖公章的继续教育审验卡');
    await page.locator('#correction button[type=submit]').click();
    await expectText('补正材料已提交');
    await shot('answered');
    log(`status: ${(await page.locator('#status').innerText()).trim()}`);
  },
};

try {
  if (!steps[o.step]) { console.error(`portal-journey: unknown step ${o.step}`); process.exit(2); }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(Number(o.timeout));
  page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await steps[o.step](context);
  if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
  log('OK');
} catch (e) {
  if (page) await shot('failure').catch(() => {});
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
