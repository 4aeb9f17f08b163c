import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, requireBuiltConsole, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const PAST_LOGIN = (url: URL) => !url.pathname.startsWith('/login');
const PLAN = '淮北华晟煤化工有限公司生产安全事故综合应急预案';

/**
 * The records MEM Order 2 asks of a plan, entered from the console: the enterprise's size and
 * Art. 35 category (zone admin), and a version's filing (Art. 26) with its review, signature and
 * neighbour notice (Art. 21, 24) shown beside it.
 */
describe('plan regulations in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('Art. 35: the zone admin records an enterprise’s size and category', async () => {
    const page = await ui.openPage('admin', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(page, 'admin@muster.test', PAST_LOGIN);
    await page.goto(`${server.baseUrl}/enterprises`);
    const row = page.getByTestId('enterprise-table').locator('tr', { hasText: '安徽杜集新材料科技有限公司' });
    const duties = row.getByTestId('enterprise-duties');
    expect(await duties.textContent()).toContain('中型 · 使用危险化学品达到国家规定数量的化工企业');
    await duties.getByRole('button', { name: '修改' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('企业规模').selectOption('large');
    await dialog.getByLabel('第三十五条类别').selectOption('other');
    await shot(page, 'plan-regulations-enterprise-duties');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="enterprise-duties"]')].some((c) =>
          c.textContent?.includes('大型 · 以上均不是'),
        ),
      undefined,
      { timeout: 10_000 },
    );

    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await duties.textContent()).toContain('Large · None of these');
    await shot(page, 'plan-regulations-enterprise-duties-en');
    ui.expectNoPageErrors();
  }, 60_000);

  it('Art. 26: the officer records the filing; Art. 21 and 24: the review and signature are shown', async () => {
    const page: Page = await ui.openPage('officer', { viewport: { width: 1440, height: 1100 } });
    await ui.signIn(page, 'officer1@muster.test', PAST_LOGIN);
    await page.goto(`${server.baseUrl}/plans`);
    await page.getByRole('link', { name: PLAN }).click();
    const paperwork = page.getByTestId('plan-paperwork');
    await paperwork.waitFor();
    const text = (await paperwork.textContent()) ?? '';
    expect(text).toContain('专家评审 · 2026-01-15');
    expect(text).toContain('刘振华（安徽省安全生产专家库（化工））');
    expect(text).toContain('王建国 · 2026-01-15');
    expect(text).toContain('下风向村（居）委会');

    const filing = page.getByTestId('plan-filing');
    expect(await filing.textContent()).toContain('未登记备案');
    await filing.getByRole('button', { name: '登记备案' }).click();
    const dialog = page.getByRole('dialog');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await dialog.getByLabel('备案日期').fill(today);
    await dialog.getByLabel('受理部门').fill('淮北市杜集区应急管理局');
    await dialog.getByLabel('备案编号').fill('DJYJ-2026-031');
    await shot(page, 'plan-regulations-filing');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="plan-filing"]')?.textContent?.includes('DJYJ-2026-031'),
      undefined,
      { timeout: 10_000 },
    );
    expect(await filing.textContent()).toContain(
      `${today} · 淮北市杜集区应急管理局 · 备案编号 DJYJ-2026-031`,
    );
    await paperwork.scrollIntoViewIfNeeded();
    await shot(page, 'plan-regulations-paperwork');

    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await paperwork.textContent()).toContain('Expert review · 2026-01-15');
    expect(await filing.textContent()).toContain('receipt DJYJ-2026-031');
    await shot(page, 'plan-regulations-paperwork-en');
    ui.expectNoPageErrors();
  }, 60_000);
});
