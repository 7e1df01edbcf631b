#!/usr/bin/env node
// Reviews one application in the real Camunda Tasklist, in Chinese, with Debian's chromium driven by
// playwright-core — what a county reviewer does by hand. Run by TasklistUiIT (`mvn -B verify`); also usable
// against a running demo (`mvn spring-boot:run`, users' password `demo`):
//
//   node src/test/ui/tasklist-review.mjs --base http://localhost:8080 --user ningcheng-hr --password demo \
//        --application CF2025-XXXXXXXXXXXX [--task <taskId>] [--mode review|absent] [--out target/ui-screenshots]
//
// Every option may also come from the environment: TASKLIST_BASE_URL, TASKLIST_USER, TASKLIST_PASSWORD,
// TASKLIST_APPLICATION_ID, TASKLIST_TASK_ID, TASKLIST_MODE, TASKLIST_SCREENSHOTS, CHROMIUM (browser binary).
//
// mode review (default): log in, open the filter 本单位待办, open the application's task (the list item linking
//   to --task, else the item whose form shows 申报编号：<application>), check the page is Chinese, claim it
//   (认领), try 退回修改 without a comment (the server's Chinese refusal must show as it is, the task stays), then
//   choose 通过, tick 内容属实, click 完成 and wait until the task has left the list.
// mode absent: log in and check that the user can NOT see the application's task: it is not in 本单位待办, and
//   opening it by its address (needs --task) shows no form of the application.
//
// Exit 0 on success; 1 with a message "FAIL: ..." on stderr otherwise; 2 on bad arguments. Screenshots (also of
// a failure) go to --out.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const FILTER = '本单位待办';
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function options(argv) {
  const o = {
    base: process.env.TASKLIST_BASE_URL,
    user: process.env.TASKLIST_USER,
    password: process.env.TASKLIST_PASSWORD,
    application: process.env.TASKLIST_APPLICATION_ID,
    task: process.env.TASKLIST_TASK_ID,
    mode: process.env.TASKLIST_MODE || 'review',
    out: process.env.TASKLIST_SCREENSHOTS || 'target/ui-screenshots',
    timeout: Number(process.env.TASKLIST_TIMEOUT_MS || 30000),
  };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in o)) usage(`unknown argument ${argv[i]}`);
    o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
    if (o[m[1]] === undefined) usage(`--${m[1]} needs a value`);
  }
  o.timeout = Number(o.timeout);
  for (const k of ['base', 'user', 'password', 'application']) if (!o[k]) usage(`--${k} is required`);
  if (!['review', 'absent'].includes(o.mode)) usage(`--mode must be review or absent, not ${o.mode}`);
  if (o.mode === 'absent' && !o.task) usage('--mode absent needs --task');
  o.base = o.base.replace(/\/+$/, '');
  return o;
}

function usage(message) {
  console.error(`tasklist-review: ${message}\nusage: node tasklist-review.mjs --base URL --user ID --password PW `
      + '--application ID [--task TASK_ID] [--mode review|absent] [--out DIR]');
  process.exit(2);
}

class Failure extends Error {}
const fail = (message) => { throw new Failure(message); };
const started = Date.now();
const log = (message) => console.log(`[tasklist-review] +${((Date.now() - started) / 1000).toFixed(1)}s ${message}`);

const o = options(process.argv.slice(2));
const tasklist = `${o.base}/camunda/app/tasklist/default/`;
const shotPrefix = `${o.mode}-${o.user}-${o.application}`.replace(/[^A-Za-z0-9-]+/g, '_');
let page;
let shotNo = 0;

async function shot(step) {
  if (!page) return;
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `${shotPrefix}-${++shotNo}-${step}.png`);
  try {
    await page.screenshot({ path: file });
    log(`screenshot ${file}`);
  } catch (e) {
    log(`screenshot ${file} failed: ${e.message.split('\n')[0]}`);
  }
}

/** Texts of the red notifications (bottom right) currently shown. */
async function errors() {
  return (await page.locator('.page-notifications .alert-danger').allInnerTexts())
      .map((t) => t.replace(/\s*×\s*/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
}

async function login() {
  await page.goto(tasklist);
  // the login page focuses its user field once loaded: typing before that may land in the wrong field (seen under
  // load: the password typed into the user field), so check what the fields hold and type again
  const username = page.locator('input[ng-model="username"]');
  const password = page.locator('input[ng-model="password"]');
  for (let i = 0; ; i++) {
    await username.fill(o.user);
    await password.fill(o.password);
    if ((await username.inputValue()) === o.user && (await password.inputValue()) === o.password) break;
    if (i === 4) fail('the login fields do not keep what was typed');
    log('the login fields lost what was typed; typing again');
    await page.waitForTimeout(500);
  }
  await page.locator('button[type="submit"]').click();
  const filter = page.locator('.task-filter', { hasText: FILTER });
  const loginError = page.locator('.page-notifications .alert-danger');
  await Promise.race([filter.first().waitFor(), loginError.first().waitFor()]).catch(() => {});
  if (!(await filter.count())) {
    await shot('login');
    fail(`login as ${o.user} failed or the filter ${FILTER} is missing: ${(await errors()).join(' | ') || 'no filter list'}`);
  }
  log(`logged in as ${o.user}`);
}

/** Opens the filter and waits until its task list has loaded; returns the list items. */
async function openFilter() {
  const filter = page.locator('.task-filter', { hasText: FILTER }).first();
  await filter.click();
  await page.locator('.task-filter.active', { hasText: FILTER }).waitFor();
  const items = page.locator('[cam-tasks] ol.tasks-list > li.task');
  const empty = page.locator('[cam-tasks]', { hasText: '未找到符合过滤条件的任务' });
  await Promise.race([items.first().waitFor(), empty.waitFor()]);
  log(`filter ${FILTER}: ${await items.count()} task(s) listed`);
  return items;
}

const taskLink = (id) => page.locator(`[cam-tasks] ol.tasks-list > li.task h4.task a[href="#/?task=${id}"]`);
const formHeading = () => page.locator('[cam-tasklist-form-camunda] .fjs-form-field-text', { hasText: '申报编号' }).first();

/** The application id shown by the form now open, or null when no task form shows one within the wait. */
async function openFormApplication(timeout = o.timeout) {
  try {
    await formHeading().waitFor({ timeout });
  } catch {
    return null;
  }
  const m = /申报编号[：:]\s*(\S+)/.exec(await formHeading().innerText());
  return m ? m[1] : null;
}

async function openTask(items) {
  if (o.task) {
    const link = taskLink(o.task);
    if (await link.count()) {
      log(`task ${o.task} is in the list; opening it`);
      await link.click();
    } else {
      // the list shows one page; the task may be further down it
      log(`task ${o.task} is not on the first page of the list; opening #/?task=${o.task}`);
      await page.goto(`${tasklist}#/?task=${o.task}`);
    }
    const shown = await openFormApplication();
    if (shown !== o.application) {
      await shot('wrong-task');
      fail(`the form of task ${o.task} shows application ${shown ?? '(none)'}, expected ${o.application}; `
          + `notifications: ${(await errors()).join(' | ') || 'none'}`);
    }
    return;
  }
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    await items.nth(i).locator('h4.task a').click();
    await page.locator('[cam-tasks] ol.tasks-list > li.task.active').nth(0).waitFor();
    const shown = await openFormApplication();
    log(`task ${i + 1}/${n} shows application ${shown}`);
    if (shown === o.application) return;
  }
  await shot('not-found');
  fail(`no task of application ${o.application} among the ${n} task(s) of ${FILTER} for ${o.user}`);
}

async function checkChinese() {
  const lang = await page.evaluate(() => navigator.language);
  if (!lang.startsWith('zh')) fail(`the browser language is ${lang}, not zh-CN`);
  const checks = [
    ['form label 审核结论', page.locator('[cam-tasklist-form-camunda] .fjs-form-field-label', { hasText: /^审核结论/ })],
    ['Tasklist tab 表单 (locale zh)', page.locator('.task-details .nav-tabs', { hasText: '表单' })],
    ['Tasklist button 完成 (locale zh)', page.locator('.form-actions button.btn-primary', { hasText: '完成' })],
    ['the trail table 审核记录 with the unit\'s decision', page.locator('[cam-tasklist-form-camunda] .fjs-table-td',
      { hasText: '单位审核' })],
  ];
  for (const [what, locator] of checks) {
    if (!(await locator.first().isVisible())) {
      await shot('not-chinese');
      fail(`the page is not in Chinese: ${what} is not visible`);
    }
  }
  log(`page is in Chinese (navigator.language ${lang})`);
}

async function claim() {
  const claimButton = page.locator('.task-details button.claim');
  if (await claimButton.isVisible()) {
    await claimButton.click();
    // Tasklist reloads the task once claimed: the button 认领 goes, the list item shows the assignee
    await Promise.race([claimButton.waitFor({ state: 'detached' }),
      page.locator('.page-notifications .alert-danger').first().waitFor()]).catch(() => {});
    if (await claimButton.count() || (await errors()).length) {
      await shot('claim-failed');
      fail(`claiming the task (认领) failed: ${(await errors()).join(' | ') || 'the button 认领 is still there'}`);
    }
    log('claimed the task (认领)');
    // the task and its form are reloaded after the claim: let that settle before filling the form in
    await page.waitForLoadState('networkidle', { timeout: 10000 }).catch(() => {});
  }
  // make sure the (re-rendered) form still shows our application
  const shown = await openFormApplication();
  if (shown !== o.application) fail(`after claiming, the form shows ${shown}, expected ${o.application}`);
}

/**
 * A completion the server refuses: 退回修改 without a comment. Tasklist must show the server's Chinese rule as it is
 * (no engine codes, no English wrapper), and the task stays open.
 */
async function refusedCompletion() {
  const form = page.locator('[cam-tasklist-form-camunda]');
  await form.getByRole('radio', { name: '退回修改', exact: true }).check();
  await form.getByRole('textbox', { name: /^审核意见/ }).fill('');
  await page.locator('.form-actions button.btn-primary', { hasText: '完成' }).click();
  await page.locator('.page-notifications .alert-danger').first().waitFor();
  const shown = await errors();
  await shot('refused');
  const rule = '审核结论为“退回修改”时必须填写审核意见';
  if (!shown.some((t) => t.includes(rule))) fail(`a refused completion shows ${shown.join(' | ')}, not "${rule}"`);
  if (shown.some((t) => /ENGINE-|Cannot (submit|complete)|Exception/.test(t))) {
    fail(`a refused completion shows engine text: ${shown.join(' | ')}`);
  }
  log(`refused completion shown as: ${shown.join(' | ')}`);
  // dismiss the notification (its close button may be hidden; do not wait for it to become clickable)
  for (const close of await page.locator('.page-notifications .alert-danger button.close').all()) {
    if (await close.isVisible()) await close.click({ timeout: 2000 }).catch(() => {});
  }
  await page.locator('.page-notifications .alert-danger').first().waitFor({ state: 'detached', timeout: 10000 })
      .catch(() => {});
}

async function approve() {
  const form = page.locator('[cam-tasklist-form-camunda]');
  const approveRadio = form.getByRole('radio', { name: '通过', exact: true });
  await approveRadio.check();
  const attested = form.getByRole('checkbox', { name: /^内容属实/ });
  await attested.waitFor(); // shown only once 通过 is chosen
  await attested.check();
  await form.getByRole('textbox', { name: /^审核意见/ }).fill('同意上报（界面测试）');
  log('chose 通过, ticked 内容属实');
  await shot('filled');

  if (!(await approveRadio.isChecked()) || !(await attested.isChecked())) {
    await shot('not-filled');
    fail('the form lost 通过 / 内容属实 before 完成 (was it reloaded?)');
  }
  const complete = page.locator('.form-actions button.btn-primary', { hasText: '完成' });
  await complete.waitFor();
  if (await complete.isDisabled()) {
    await shot('complete-disabled');
    fail('the button 完成 is disabled after filling in the form');
  }
  const id = o.task || await taskIdOfActiveItem();
  if (!id) fail('cannot tell the id of the open task from the list');
  await complete.click();
  // Tasklist shows no notification on success: it drops the task from the list and closes its form
  const gone = Promise.all([taskLink(id).waitFor({ state: 'detached' }),
    formHeading().waitFor({ state: 'detached' })]).then(() => true);
  const error = page.locator('.page-notifications .alert-danger').first().waitFor().then(() => false);
  const ok = await Promise.race([gone, error]).catch(() => false);
  const problems = await errors();
  if (!ok || problems.length) {
    await shot('complete-failed');
    fail(`completing the task (完成) failed: ${problems.join(' | ') || `task ${id} is still in the list`}`);
  }
  log(`completed (完成); task ${id} left the list`);
  await shot('completed');
}

async function taskIdOfActiveItem() {
  const href = await page.locator('[cam-tasks] ol.tasks-list > li.task.active h4.task a').first()
      .getAttribute('href').catch(() => null);
  const m = /task=([^&]+)/.exec(href || '');
  return m ? m[1] : null;
}

async function absent(items) {
  if (await taskLink(o.task).count()) {
    await shot('visible');
    fail(`${o.user} sees task ${o.task} of application ${o.application} in ${FILTER}`);
  }
  const n = await items.count();
  for (let i = 0; i < n; i++) {
    await items.nth(i).locator('h4.task a').click();
    const shown = await openFormApplication(10000);
    if (shown === o.application) {
      await shot('visible');
      fail(`${o.user} sees a task of application ${o.application} in ${FILTER}`);
    }
  }
  log(`${o.user} has ${n} task(s) in ${FILTER}, none of application ${o.application}`);
  await shot('list');
  await page.goto(`${tasklist}#/?task=${o.task}`);
  // Tasklist answers an unknown task with a notification: once it shows, the form is not coming
  const refusal = page.locator('.page-notifications .alert-danger').first();
  await Promise.race([formHeading().waitFor({ timeout: 5000 }), refusal.waitFor({ timeout: 5000 })]).catch(() => {});
  const shown = await openFormApplication(500);
  if (shown) {
    await shot('visible');
    fail(`${o.user} opens task ${o.task} by its address and sees the form of application ${shown}`);
  }
  log(`opening #/?task=${o.task} shows no form (${(await errors()).join(' | ') || 'no notification'})`);
  await shot('direct');
}

const watchdog = setTimeout(() => {
  console.error(`FAIL: tasklist-review did not finish within ${6 * o.timeout} ms`);
  process.exit(1);
}, 6 * o.timeout);

let browser;
let status = 0;
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(o.timeout);
  page = await context.newPage();
  log(`${o.mode} ${o.application} as ${o.user} at ${tasklist}`);
  await login();
  const items = await openFilter();
  if (o.mode === 'review') {
    await openTask(items);
    await checkChinese();
    await shot('opened');
    await claim();
    await refusedCompletion();
    await approve();
  } else {
    await absent(items);
  }
  log('OK');
} catch (e) {
  status = 1;
  if (!(e instanceof Failure)) await shot('error');
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack || e}`);
} finally {
  await browser?.close().catch(() => {});
  clearTimeout(watchdog);
}
process.exit(status);
