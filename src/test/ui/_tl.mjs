import { chromium } from 'playwright-core';
const [user, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
const page = await ctx.newPage();
page.on('console', m => { if (m.type() === 'error') console.log('console error:', m.text()); });
await page.goto('http://localhost:8080/camunda/app/tasklist/default/');
const u = page.locator('input[ng-model="username"]'), p = page.locator('input[ng-model="password"]');
await u.waitFor();
for (let i = 0; i < 5; i++) { await u.fill(user); await p.fill('demo'); if (await u.inputValue() === user) break; }
await page.click('button[type=submit]');
await page.locator('.task-filters, [cam-tasklist-filters]').first().waitFor();
await page.waitForTimeout(2500);
await page.screenshot({ path: out + '-list.png' });
const card = page.locator('[cam-tasks] ol.tasks-list > li.task h4.task a').first();
if (await card.count()) { await card.click(); await page.waitForTimeout(2500); await page.screenshot({ path: out + '-task.png' });
  const tab = page.locator('.nav-tabs a', { hasText: '申报详情' });
  console.log('tab', await tab.count());
  if (await tab.count()) { await tab.click(); await page.waitForTimeout(800); await page.screenshot({ path: out + '-tab.png' });
    const [popup] = await Promise.all([ctx.waitForEvent('page'), page.locator('a', { hasText: '在新窗口打开申报详情和材料' }).click()]);
    await popup.waitForLoadState(); await popup.screenshot({ path: out + '-detail.png', fullPage: true }); console.log('popup', popup.url(), await popup.title()); }
}
console.log('header', await page.locator('header, [cam-widget-header]').first().innerText());
await browser.close();
