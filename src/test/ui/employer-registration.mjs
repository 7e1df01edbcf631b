#!/usr/bin/env node
// A unit's registration in a real browser (Debian's chromium driven by playwright-core), one step per run so that the
// test between the steps can find the review task:
//
//   node employer-registration.mjs --base URL --step register --name 宁城县… --code 1215… --email clerk@…
//   node employer-registration.mjs --base URL --step approve  --user ningcheng-hr --password … --task TASK_ID \
//        --name 宁城县… --code 1215…
//
// register: without a login, the form /portal/employers/register (a public institution of 宁城县, competent
//   department 宁城县教育局, the clerk's name, mobile and e-mail), its submission, the confirmation page naming the
//   reviewing bureau.
// approve: the county HR bureau in the real Tasklist, in Chinese: login, the task 单位注册审核, its form
//   (from 本单位待办 when it is on the list's first page) showing the unit's name, 统一社会信用代码, county and
//   competent department, claimed (认领), 通过 chosen, 完成, the task gone from the page.
//
// Screenshots go to --out as employer-<step>-*.png. Exit 0 on success; 1 with "FAIL: ..." otherwise; 2 on bad
// arguments.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const o = { base: undefined, step: undefined, name: undefined, code: undefined, email: undefined, user: undefined,
  password: undefined, task: undefined, out: 'target/ui-screenshots', timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`employer-registration: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
if (!o.base || !o.step || !o.name || !o.code) {
  console.error('usage: node employer-registration.mjs --base URL --step register|approve --name NAME --code CODE …');
  process.exit(2);
}
o.base = o.base.replace(/\/+$/, '');

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };
const log = (message) => console.log(`[employer-registration] ${message}`);

let browser;
let page;
let shots = 0;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `employer-${o.step}-${++shots}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}
async function expectText(text, where = 'main') {
  const body = await page.locator(where).innerText();
  if (!body.includes(text)) fail(`${page.url()}: "${text}" not on the page:\n${body.slice(0, 1500)}`);
}
async function notifications() {
  return (await page.locator('.page-notifications .alert-danger').allInnerTexts())
      .map((t) => t.replace(/\s*×\s*/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

const steps = {
  async register() {
    await page.goto(`${o.base}/portal/employers/register`);
    await expectText('用人单位注册');
    if (await page.locator('#username').count()) fail('the registration page asks for a login');
    await page.locator('#name').fill(o.name);
    await page.locator('#code').fill(o.code);
    await page.locator('#type').selectOption('PUBLIC_INSTITUTION');
    await page.locator('#level').selectOption('COUNTY');
    await page.locator('#county').selectOption('ningcheng');
    await page.locator('#competentDepartment').selectOption('ningcheng-edu');
    const department = await page.locator('#competentDepartment option:checked').innerText();
    if (department.trim() !== '宁城县教育局') fail(`the competent department chosen reads ${department}`);
    await page.locator('#clerkName').fill('刘建国');
    await page.locator('#clerkPhone').fill('13904761234');
    await page.locator('#clerkEmail').fill(o.email);
    await shot('form');
    await page.locator('main form button[type=submit]').click();
    await page.waitForLoadState('load');
    if (await page.locator('.field.invalid').count()) {
      await shot('field-messages');
      fail(`the form was refused: ${(await page.locator('.field.invalid .error').allInnerTexts()).join(' | ')}`);
    }
    await expectText('注册已提交，等待审核', 'h1');
    await expectText(o.name);
    await expectText('宁城县人力资源和社会保障局');
    await expectText(o.code);
    await expectText(o.email);
    await shot('sent');
    log(`registration sent: ${(await page.locator('main .notice.ok').innerText()).trim()}`);
  },
  async approve() {
    const tasklist = `${o.base}/camunda/app/tasklist/default/`;
    await page.goto(tasklist);
    // the login page focuses its user field once loaded: typing before that may land in the wrong field
    const username = page.locator('input[ng-model="username"]');
    const password = page.locator('input[ng-model="password"]');
    for (let i = 0; ; i++) {
      await username.fill(o.user);
      await password.fill(o.password);
      if ((await username.inputValue()) === o.user && (await password.inputValue()) === o.password) break;
      if (i === 4) fail('the Tasklist login fields do not keep what was typed');
      log('the login fields lost what was typed; typing again');
      await page.waitForTimeout(500);
    }
    await page.locator('button[type="submit"]').click();
    await page.locator('.task-filter').first().waitFor();
    log(`logged in to Tasklist as ${o.user}`);
    await page.locator('.task-filter', { hasText: '本单位待办' }).first().click();
    const listed = page.locator(`[cam-tasks] ol.tasks-list > li.task h4.task a[href="#/?task=${o.task}"]`);
    await listed.waitFor({ timeout: 5000 }).catch(() => {});
    if (await listed.count()) {
      log('the task is listed in 本单位待办; opening it');
      await listed.click();
    } else {
      // the list shows one page and every task of the tests is created at the same fixed time
      log(`the task is not on the first page of 本单位待办; opening #/?task=${o.task}`);
      await page.goto(`${tasklist}#/?task=${o.task}`);
    }
    const form = page.locator('[cam-tasklist-form-camunda]');
    await form.locator('.fjs-form-field-text', { hasText: '用人单位注册审核' }).waitFor();
    const code = form.getByRole('textbox', { name: '统一社会信用代码', exact: true });
    await code.waitFor();
    const shownCode = await code.inputValue();
    const shownName = await form.getByRole('textbox', { name: '单位名称', exact: true }).inputValue();
    const shownCounty = await form.getByRole('textbox', { name: '所在旗县区', exact: true }).inputValue();
    const shownDepartment = await form.getByRole('textbox', { name: '主管部门', exact: true }).inputValue();
    log(`form shows ${shownName} ${shownCode} ${shownCounty} ${shownDepartment}`);
    if (shownCode !== o.code) fail(`the form shows 统一社会信用代码 ${shownCode}, expected ${o.code}`);
    if (shownName !== o.name) fail(`the form shows 单位名称 ${shownName}, expected ${o.name}`);
    if (shownCounty !== '宁城县' || shownDepartment !== '宁城县教育局') {
      fail(`the form shows ${shownCounty} / ${shownDepartment}, expected 宁城县 / 宁城县教育局`);
    }
    if (!(await page.locator('.task-details .nav-tabs', { hasText: '表单' }).isVisible())) {
      fail('Tasklist is not in Chinese: no tab 表单');
    }
    await shot('opened');

    const claim = page.locator('.task-details button.claim');
    if (await claim.isVisible()) {
      await claim.click();
      await claim.waitFor({ state: 'detached' });
      log('claimed the task (认领)');
      await page.waitForLoadState('networkidle', { timeout: 10000 }).catch(() => {});
      await code.waitFor();
    }
    const approve = form.getByRole('radio', { name: '通过', exact: true });
    await approve.check();
    if (await form.getByRole('textbox', { name: /^不予通过的理由/ }).count()) {
      fail('the field 不予通过的理由 shows with 通过 chosen');
    }
    await shot('filled');
    if (!(await approve.isChecked())) fail('the form lost 通过 before 完成');
    await page.locator('.form-actions button.btn-primary', { hasText: '完成' }).click();
    // Tasklist shows no notification on success: it closes the task's form
    const gone = code.waitFor({ state: 'detached' }).then(() => true);
    const error = page.locator('.page-notifications .alert-danger').first().waitFor().then(() => false);
    const ok = await Promise.race([gone, error]).catch(() => false);
    const problems = await notifications();
    if (!ok || problems.length) {
      await shot('complete-failed');
      fail(`completing the task (完成) failed: ${problems.join(' | ') || 'the form is still shown'}`);
    }
    await shot('completed');
    log('completed (完成) with 通过');
  },
};

try {
  if (!steps[o.step]) { console.error(`employer-registration: unknown step ${o.step}`); process.exit(2); }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(Number(o.timeout));
  page = await context.newPage();
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await steps[o.step]();
  if (o.step === 'register' && violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
  log('OK');
} catch (e) {
  if (page) await shot('failure').catch(() => {});
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
