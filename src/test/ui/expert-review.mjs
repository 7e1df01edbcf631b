#!/usr/bin/env node
// An expert's staff page of an evaluation session in a real browser (Debian's chromium driven by playwright-core):
// the expert signs in to Tasklist, opens /staff/sessions/{id}/review (the link of the 在线评审 task), saves an
// opinion and votes 同意 on every application shown, then sees 已投票 for each. Run by EvaluationSessionIT; also
// usable against a running demo:
//
//   node src/test/ui/expert-review.mjs --base http://localhost:8080 --user hr-expert02 --password demo \
//        --session PS2025-… [--out target/ui-screenshots]
//
// Exit 0 on success; 1 with "FAIL: ..." otherwise; 2 on bad arguments. Prints "voted: N" for the votes cast.
import { fail, parseArgs, runSignedIn } from './staff-page.mjs';

const o = parseArgs('expert-review', { base: undefined, user: undefined, password: undefined, session: undefined },
  ['base', 'user', 'password', 'session']);

await runSignedIn('expert-review', o, { width: 1000, height: 1000 }, async (page, log, shot) => {
  const review = `${o.base}/staff/sessions/${o.session}/review`;
  const response = await page.goto(review);
  if (response.status() !== 200) fail(`${review}: HTTP ${response.status()}`);
  await page.getByRole('heading', { name: '在线评审与表决' }).waitFor();
  const sections = page.locator('section');
  const count = await sections.count();
  if (count === 0) fail('no application on the page');
  await shot('before');

  // an opinion, saved through the page's form
  const first = sections.first();
  const pseudonym = (await first.locator('h2').innerText()).trim();
  await first.getByRole('textbox', { name: '评审意见' }).fill('业绩突出，符合申报条件（界面测试）');
  await first.getByRole('button', { name: '保存评审意见' }).click();
  await page.getByText('已保存评审意见。').waitFor();
  log(`opinion saved for ${pseudonym}`);

  let voted = 0;
  for (let i = 0; i < count; i++) {
    const s = page.locator('section').nth(i);
    if (await s.getByText('已投票').count()) continue;
    await s.getByLabel('同意', { exact: true }).check();
    await s.getByRole('button', { name: '投票' }).click();
    await page.getByText('已记录您的表决（无记名）。').waitFor();
    voted++;
  }
  const done = await page.locator('section', { hasText: '已投票' }).count();
  if (done !== count) fail(`${done} of ${count} applications show 已投票`);
  await shot('after');
  console.log(`voted: ${voted}`);
});
