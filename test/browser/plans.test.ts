import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The "done when", from the console alone: which plan and level apply to a chemical leak
 * at an enterprise, what that level sets in motion, and whom it pages in what order.
 */
describe('plans in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let page: Page;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    page = await ui.openPage('commander', { viewport: { width: 1440, height: 1000 } });
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('answers which plan and level apply to a chlorine leak at 龙山精细化工', async () => {
    await ui.signIn(page, 'commander@muster.test');

    await page.getByTestId('nav-plans').click();
    await page.waitForURL('**/plans');
    await page.getByTestId('plan-table').waitFor();

    await page.getByLabel('事故类别').selectOption('hazardous_chemical_leak');
    await page.getByLabel('事发企业').selectOption({ label: '淮北龙山精细化工有限公司' });
    await page.getByLabel('事故等级').selectOption('relatively_serious');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    const suggestion = page.getByTestId('plan-suggestion');
    await suggestion.waitFor();
    const first = suggestion.locator('li').first();
    expect(await first.textContent()).toContain('企业专项预案');
    expect(await first.textContent()).toContain('淮北龙山精细化工有限公司液氯泄漏专项应急预案');
    expect(await first.textContent()).toContain('一级响应');
    await screenshot(page, 'plans-suggestion', true);
  }, 60_000);

  it('opens the plan at that level: its checklist and the tiers its policy pages, in order', async () => {
    await page.getByTestId('plan-suggestion').locator('li').first().getByRole('link').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]+\?version=.+&level=.+/);
    const detail = page.getByTestId('level-detail');
    await detail.waitFor();

    const checklist = page.getByTestId('level-checklist');
    const rows = await checklist.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('启动碱液吸收装置');
    expect(rows[0]).toContain('液氯岗位操作工');
    expect(rows[0]).toContain('2 分钟');
    expect(rows.some((r) => r.includes('龙山精细化工微型消防站'))).toBe(true);

    const tiers = page.getByTestId('policy-tiers').locator(':scope > li');
    await tiers.first().waitFor();
    expect(await tiers.count()).toBe(2);
    const tier1 = (await tiers.nth(0).textContent()) ?? '';
    const tier2 = (await tiers.nth(1).textContent()) ?? '';
    expect(tier1).toContain('第 1 梯队');
    expect(tier1).toContain('孟凡');
    expect(tier1).toContain('赵立新');
    expect(tier1).toContain('短信 → 语音电话');
    expect(tier2).toContain('第 2 梯队');
    expect(tier2).toContain('6 分钟后开始');
    expect(tier2).toContain('陈海峰');
    expect(tier2).toContain('龙山精细化工微型消防站');
    await detail.scrollIntoViewIfNeeded();
    await screenshot(page, 'plans-level', true);
  }, 60_000);

  it('prints the disposal cards of an on-site disposal plan', async () => {
    await page.getByTestId('nav-plans').click();
    await page.getByRole('link', { name: '液氯钢瓶泄漏现场处置方案' }).click();
    await page.getByRole('link', { name: '打印处置卡' }).click();
    await page.waitForURL(/\/cards$/);
    const card = page.getByTestId('cards-print').getByTestId('disposal-card').first();
    await card.waitFor();
    expect(await card.textContent()).toContain('液氯钢瓶泄漏应急处置卡');
    expect(await card.textContent()).toContain('严禁向液氯钢瓶直接喷水');
    // No console frame on paper.
    expect(await page.locator('.shell__nav').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'plans-cards-print', true);
    ui.expectNoPageErrors();
  }, 60_000);

  it("lets the zone admin rename a plan from its page, and keeps the commander's page read-only", async () => {
    const OLD = '液氯钢瓶泄漏现场处置方案';
    const NEW = '液氯钢瓶泄漏现场处置方案（2027 年修订）';
    // The commander reads plans but does not write them: no rename offered.
    await page.goto(`${server.baseUrl}/plans`);
    await page.getByRole('link', { name: OLD }).click();
    await page.getByRole('heading', { name: OLD }).waitFor();
    expect(await page.getByTestId('plan-title-edit').count()).toBe(0);

    const admin = await ui.openPage('admin', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(admin, 'admin@muster.test', (url) => !url.pathname.startsWith('/login'));
    await admin.goto(page.url());
    await admin.getByRole('heading', { name: OLD }).waitFor();
    await admin.getByTestId('plan-title-edit').click();
    const dialog = admin.getByRole('dialog');
    const field = dialog.getByLabel('预案名称');
    expect(await field.inputValue()).toBe(OLD);
    await field.fill(NEW);
    await screenshot(admin, 'plans-rename');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await admin.getByRole('heading', { name: NEW }).waitFor();

    // Saved, not just shown: after a reload and in the list.
    await admin.reload();
    await admin.getByRole('heading', { name: NEW }).waitFor();
    await admin.getByTestId('nav-plans').click();
    await admin.getByTestId('plan-table').getByRole('link', { name: NEW }).waitFor();
    ui.expectNoPageErrors();
  }, 60_000);
});
