import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, PAST_LOGIN, requireBuiltConsole, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** The demo enterprise whose ledger has hazards closed within the last half year. */
const COALCHEM = '淮北华晟煤化工有限公司';

/**
 * An inspector plans a monthly zone inspection with its scope and checklist and edits it; then
 * draws a spot check and re-inspects the sampled enterprise's closed hazards, one of which has
 * recurred and goes back into the ledger.
 */
describe('inspection plans and spot checks in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let inspector: Page;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    inspector = await ui.openPage('inspector', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(inspector, 'inspector@muster.test', PAST_LOGIN);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('creates an inspection plan with schedule, scope and checklist, and edits it', async () => {
    const page = inspector;
    await page.goto(`${server.baseUrl}/inspections`);
    await page.getByRole('link', { name: '新建排查计划' }).click();
    await page.waitForURL(/\/inspections\/plans\/new$/);
    await page.getByLabel('计划名称').fill('危化企业月度专项检查');
    await page.getByLabel('周期').selectOption('monthly');
    await page.getByLabel('开始日期').fill('2026-01-31');
    const scope = page.getByTestId('enterprise-picker');
    await scope.getByLabel(COALCHEM).check();
    await scope.getByLabel('淮北龙山精细化工有限公司').check();
    await page.getByLabel('第1项检查内容').fill('储罐区可燃气体报警仪完好并与切断阀联锁');
    await page.getByRole('button', { name: '添加检查项' }).click();
    await page.getByLabel('第2项检查内容').fill('动火作业票证齐全');
    // A checklist item's category is chosen per row.
    await page.getByTestId('plan-checklist').getByLabel('类别').nth(1).selectOption('hot_work');
    await page.getByRole('button', { name: '保存计划' }).click();
    await page.waitForURL(/\/inspections$/);
    const row = page.locator('.plain-list__item', { hasText: '危化企业月度专项检查' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2 项');

    await row.getByRole('link', { name: '编辑' }).click();
    await page.waitForURL(/\/inspections\/plans\/[0-9a-f-]{36}\/edit$/);
    expect(await page.getByLabel('第2项检查内容').inputValue()).toBe('动火作业票证齐全');
    expect(await page.getByTestId('enterprise-picker').getByLabel(COALCHEM).isChecked()).toBe(true);
    await page.getByLabel('计划名称').fill('危化企业月度专项检查（含动火）');
    await page.getByRole('button', { name: '删除第1项' }).click();
    await page.getByRole('button', { name: '保存计划' }).click();
    await page.waitForURL(/\/inspections$/);
    const edited = page.locator('.plain-list__item', { hasText: '危化企业月度专项检查（含动火）' });
    await edited.waitFor();
    expect(await edited.textContent()).toContain('1 项');
  }, 60_000);

  it('draws a spot check and re-inspects the closed hazards of the sampled enterprise', async () => {
    const page = inspector;
    await page.goto(`${server.baseUrl}/inspections`);
    await page.getByRole('link', { name: '园区抽查' }).click();
    await page.waitForURL(/\/inspections\/spot-checks$/);
    await page.getByLabel('抽取企业数').fill('1');
    await page.getByTestId('enterprise-picker').getByLabel(COALCHEM).check();
    await page.getByRole('button', { name: '开始抽查' }).click();
    const drawn = page.getByTestId('spot-drawn');
    await drawn.waitFor();
    expect(await drawn.textContent()).toContain('已抽取 1 家企业');
    expect(await drawn.textContent()).toContain(COALCHEM);
    await drawn.getByRole('link', { name: '开始检查' }).click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);

    const rechecks = page.getByTestId('rechecks');
    await rechecks.waitFor();
    const groups = rechecks.getByRole('radiogroup');
    const n = await groups.count();
    expect(n).toBeGreaterThan(0);
    await groups.nth(0).getByLabel('反弹').check();
    await page.getByLabel('反弹情况').fill('报警探头再次失效，联锁被旁路');
    for (let i = 1; i < n; i++) await groups.nth(i).getByLabel('整改保持').check();
    await page.getByRole('button', { name: '完成检查', exact: true }).click();
    await rechecks.getByRole('link', { name: '已登记为隐患' }).waitFor();
    await screenshot(page, 'spot-check-completed', true);

    await page.goto(`${server.baseUrl}/inspections/spot-checks`);
    const record = page.locator('tbody tr', { hasText: COALCHEM }).first();
    await record.waitFor();
    const cells = await record.locator('td').allTextContents();
    expect(cells[2]).toBe('已完成');
    expect(cells[4]).toBe('1');
    ui.expectNoPageErrors();
  }, 60_000);
});
