#!/usr/bin/env node
// The committee office's staff page to file a session's plan, in a real browser (Debian's chromium driven by
// playwright-core): sign in to Tasklist, open /staff/committees/{committee}/sessions/new (linked from the
// 评委会办事机构复核 form), fill the plan in, tick the application, file it, and land on the session's page.
// Run by EvaluationSessionIT; also usable against a running demo:
//
//   node src/test/ui/session-plan.mjs --base http://localhost:8080 --user cmte-health-region --password demo \
//        --committee cmte-health-region --application CF2026-… --series HEALTH --level ASSOCIATE_SENIOR \
//        --specialty 临床医学 --date 2026-12-10 [--out target/ui-screenshots]
//
// Prints "filed: <session id>". Exit 0 on success; 1 with "FAIL: ..." otherwise; 2 on bad arguments.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const o = { base: undefined, user: undefined, password: undefined, committee: undefined, application: undefined,
  series: undefined, level: undefined, specialty: undefined, date: undefined, out: 'target/ui-screenshots',
  timeout: 30000 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
  if (!m || !(m[1] in o)) { console.error(`session-plan: unknown argument ${argv[i]}`); process.exit(2); }
  o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
}
for (const k of ['base', 'user', 'password', 'committee', 'application', 'series', 'level', 'specialty', 'date']) {
  if (!o[k]) { console.error(`session-plan: --${k} is required`); process.exit(2); }
}
o.base = o.base.replace(/\/+$/, '');
const log = (m) => console.log(`[session-plan] ${m}`);
class Failure extends Error {}
const fail = (m) => { throw new Failure(m); };
let browser;
let page;
async function shot(name) {
  fs.mkdirSync(o.out, { recursive: true });
  const file = path.join(o.out, `session-plan-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  log(`screenshot ${file}`);
}

try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ viewport: { width: 1000, height: 1200 }, locale: 'zh-CN',
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

  const response = await page.goto(`${o.base}/staff/committees/${o.committee}/sessions/new`);
  if (response.status() !== 200) fail(`new plan page: HTTP ${response.status()}`);
  await page.getByRole('heading', { name: '报送评审会议方案' }).waitFor();
  await page.getByLabel('职称系列').selectOption(o.series);
  await page.getByLabel('评审层级').selectOption(o.level);
  await page.getByLabel('评审专业').fill(o.specialty);
  await page.getByLabel('会议日期').fill(o.date);
  await page.getByLabel('会议地点').fill('评委会会议室（界面测试）');
  await page.getByLabel('评审工作程序').fill('专家在线评审、会议评议、无记名投票');
  await page.getByLabel('工作措施（纪律、保密、回避）').fill('评审纪律、保密和回避制度');
  const item = page.locator('label.item', { hasText: o.application });
  if (!(await item.count())) fail(`the application ${o.application} is not listed as waiting`);
  await item.locator('input[type=checkbox]').check();
  await shot('filled');
  await page.getByRole('button', { name: '报送评审方案' }).click();
  await page.getByText('方案已报送待审批').waitFor();
  const id = /\/staff\/sessions\/([^/?#]+)/.exec(page.url());
  if (!id) fail(`not on a session page: ${page.url()}`);
  if (violations.length) fail(`CSP violations: ${violations.join(' | ')}`);
  await shot('filed');
  console.log(`filed: ${id[1]}`);
  await browser.close();
  process.exit(0);
} catch (e) {
  if (page) await shot('failure').catch(() => {});
  console.error(`FAIL: ${e instanceof Failure ? e.message : e.stack}`);
  if (browser) await browser.close().catch(() => {});
  process.exit(1);
}
