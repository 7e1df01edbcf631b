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
import { fail, parseArgs, runSignedIn } from './staff-page.mjs';

const o = parseArgs('session-plan', { base: undefined, user: undefined, password: undefined, committee: undefined,
  application: undefined, series: undefined, level: undefined, specialty: undefined, date: undefined },
  ['base', 'user', 'password', 'committee', 'application', 'series', 'level', 'specialty', 'date']);

await runSignedIn('session-plan', o, { width: 1000, height: 1200 }, async (page, log, shot) => {
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
  await shot('filed');
  console.log(`filed: ${id[1]}`);
});
