#!/usr/bin/env node
// A reviewer's day in Tasklist and on the workbench, in a real browser (Debian's chromium driven by playwright-core):
// sign in to Tasklist, read a task card (applicant's name and 申报编号 on it), open the task and its 申报详情 tab,
// open the application's page in a new tab before claiming, go to 审核工作台 from Tasklist's header, and approve
// two applications in one 批量审核 with 内容属实. Run by WorkbenchUiIT; also usable against a running demo:
//
//   node src/test/ui/workbench.mjs --base http://localhost:8080 --user unit-nc-hospital --password demo \
//        --application CF2026-… --name 张三 --batch CF2026-…,CF2026-… [--out target/ui-screenshots]
//
// Prints "approved: N". Exit 0 on success; 1 with
// "FAIL: ..." otherwise; 2 on bad arguments.
import { fail, parseArgs, runSignedIn } from './staff-page.mjs';

const o = parseArgs('workbench', { base: undefined, user: undefined, password: undefined, application: undefined,
  name: undefined, batch: undefined }, ['base', 'user', 'password', 'application', 'name', 'batch']);

await runSignedIn('workbench', o, { width: 1400, height: 1000 }, async (page, log, shot) => {
  // the card: found by its 申报编号, showing the applicant's name
  await page.locator('.task-filter', { hasText: '本单位待办' }).first().click();
  const card = page.locator('[cam-tasks] ol.tasks-list > li.task', { hasText: o.application });
  await card.first().waitFor();
  const text = await card.first().innerText();
  if (!text.includes(o.name)) fail(`the card of ${o.application} does not name ${o.name}: ${text}`);
  if (!text.includes('申报编号')) fail(`the card has no 申报编号 label: ${text}`);
  log(`card: ${text.replace(/\s+/g, ' ')}`);
  await shot('card');
  if (await page.locator('li.start-process-action, li.create-task-action').count()) {
    if (await page.locator('li.start-process-action').isVisible()) fail('启动流程 is offered to a reviewer');
  }

  // the task's 申报详情 tab and the application's page in a new tab, before claiming
  await card.first().locator('h4.task a').click();
  const tab = page.locator('.task-details .nav-tabs a', { hasText: '申报详情' });
  await tab.waitFor();
  await tab.click();
  const [detail] = await Promise.all([page.context().waitForEvent('page'),
    page.locator('a', { hasText: '在新窗口打开申报详情和材料' }).click()]);
  await detail.waitForLoadState();
  await detail.getByRole('heading', { name: `${o.name} · 申报详情` }).waitFor();
  if (!(await detail.locator('#summary', { hasText: o.application }).count())) fail('the detail page lacks the id');
  await detail.screenshot({ path: `${o.out}/workbench-detail.png`, fullPage: true });
  log(`detail page: ${detail.url()}`);
  await detail.close();
  if (await page.locator('.task-details button.claim').count() === 0) log('(no claim button shown)');

  // 审核工作台 from Tasklist's header, then 批量审核
  const [home] = await Promise.all([page.context().waitForEvent('page'),
    page.locator('a', { hasText: '审核工作台' }).first().click()]);
  await home.waitForLoadState();
  await home.getByRole('heading', { name: '审核工作台' }).waitFor();
  await home.locator('a', { hasText: '批量审核' }).first().click();
  await home.getByRole('heading', { name: '批量审核' }).waitFor();
  const ids = o.batch.split(',');
  for (const id of ids) {
    const box = home.locator(`input[aria-label="选择 ${id}"]`);
    if (!(await box.count())) fail(`${id} is not listed for the batch`);
    await box.check();
  }
  await home.getByLabel(/内容属实/).check();
  await home.screenshot({ path: `${o.out}/workbench-batch.png`, fullPage: true });
  await home.getByRole('button', { name: '通过所选申报' }).click();
  await home.getByRole('heading', { name: '批量审核结果' }).waitFor();
  const approved = Number(await home.locator('#approved').innerText());
  await home.screenshot({ path: `${o.out}/workbench-batch-done.png`, fullPage: true });
  if (approved !== ids.length) fail(`approved ${approved} of ${ids.length}: ${await home.locator('#outcomes').innerText()}`);
  console.log(`approved: ${approved}`);
});
