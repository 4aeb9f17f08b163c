import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ZONE_WORK_PLAN_SECTIONS, type WorkPlanDetail } from '@muster/contracts';
import { ConsoleBrowser, PAST_LOGIN, demoToken, requireBuiltConsole, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const OFFICER = 'officer.materials@muster.test';

/**
 * The implementation plans in the console: an enterprise fills in its plan from the zone's
 * template and submits it, the zone returns it with a comment on a section, and the comment
 * shows on the enterprise's page.
 */
describe('implementation plans in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let zone: Page;
  let year: number;

  async function api<T>(
    email: string,
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${await demoToken(server.baseUrl, email)}`,
        'Content-Type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    expect({ path, status: res.status }).toEqual({ path, status: init.method === 'POST' ? 201 : 200 });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    // The new-materials company has no plan in the demo zone: its safety officer gets an account.
    const enterprises = await api<{ items: { id: string; name: string }[] }>(
      'admin@muster.test',
      `/api/enterprises?q=${encodeURIComponent('新材料')}`,
    );
    const materials = enterprises.items.find((e) => e.name === '安徽杜集新材料科技有限公司')!;
    await api('admin@muster.test', '/api/users', {
      method: 'POST',
      body: {
        email: OFFICER,
        name: '孙伟 (新材料安全员)',
        role: 'enterprise_officer',
        enterpriseId: materials.id,
        password: 'muster-demo',
      },
    });
    ui = await ConsoleBrowser.launch(server.baseUrl);
    officer = await ui.openPage(OFFICER, { viewport: { width: 1280, height: 900 } });
    officer.on('dialog', (d) => void d.accept());
    await ui.signIn(officer, OFFICER, PAST_LOGIN);
    zone = await ui.openPage('admin@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(zone, 'admin@muster.test', PAST_LOGIN);
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('an enterprise fills in and submits its plan, the zone returns it with a comment, and the enterprise sees it', async () => {
    await officer.goto(`${server.baseUrl}/work-plans`);
    await officer.getByRole('button', { name: '开始编制实施方案' }).click();
    await officer.getByTestId('work-plan-form').waitFor();
    await officer
      .getByLabel('工作目标', { exact: true })
      .fill('全年杜绝较大及以上生产安全事故，重大隐患整改率 100%');
    await officer.getByLabel('资金保障', { exact: true }).fill('足额提取安全生产费用');
    await officer.getByLabel('组织保障', { exact: true }).fill('安全环保部 2 名专职安全管理人员');
    await officer.getByLabel('监督考核', { exact: true }).fill('每季度内部考核');
    for (const task of ZONE_WORK_PLAN_SECTIONS.flatMap((s) => s.tasks)) {
      await officer.getByLabel(`工作措施 · ${task.heading}`).fill(`${task.heading}：按月落实并留存记录`);
      await officer.getByLabel(`责任人 · ${task.heading}`).selectOption({ label: '孙伟 · 安全负责人' });
      await officer.getByLabel(`完成时限 · ${task.heading}`).fill(`${year}-11-30`);
    }
    await shot(officer, 'work-plan-form-zh', 1400);
    await officer.getByRole('button', { name: '报送园区审核' }).click();
    await officer.getByTestId('work-plan-content').waitFor();
    expect(await officer.getByTestId('work-plan-status').first().textContent()).toBe('待审核');
    const planId = officer.url().split('/').pop()!;

    await zone.goto(`${server.baseUrl}/work-plans?year=${year}`);
    const row = zone.locator(`[data-enterprise]`, { hasText: '安徽杜集新材料科技有限公司' });
    await row.getByText('待审核').waitFor();
    // The demo zone's approved plan shows its quarters in the matrix.
    await zone
      .locator('[data-enterprise]', { hasText: '淮北龙山精细化工有限公司' })
      .getByText('审核通过')
      .waitFor();
    await shot(zone, 'work-plans-overview-zh');
    await row.getByRole('link', { name: '安徽杜集新材料科技有限公司' }).click();
    await zone.getByTestId('work-plan-review').waitFor();
    await zone
      .getByLabel('对「加强安全隐患排查治理」的修改意见')
      .fill('隐患排查计划请写明排查频次、范围和方式');
    await zone.getByLabel('总体意见').fill('请修改后重新报送');
    await shot(zone, 'work-plan-review-zh', 1400);
    await zone.getByRole('button', { name: '退回修改' }).click();
    await zone.getByTestId('work-plan-history').getByText('隐患排查计划请写明排查频次、范围和方式').waitFor();

    await officer.reload();
    const comments = officer.getByTestId('work-plan-comments');
    await comments.getByText('隐患排查计划请写明排查频次、范围和方式').waitFor();
    expect(await comments.textContent()).toContain('加强安全隐患排查治理');
    expect(await officer.getByTestId('work-plan-status').first().textContent()).toBe('退回修改');
    await officer.getByText('审核意见：隐患排查计划请写明排查频次、范围和方式').waitFor();
    await shot(officer, 'work-plan-returned-zh');
    await officer.getByTestId('language-switcher').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    await officer.getByText("The zone's comments").waitFor();
    await shot(officer, 'work-plan-returned-en');

    const plan = await api<WorkPlanDetail>(OFFICER, `/api/work-plans/${planId}`);
    expect(plan).toMatchObject({ status: 'returned', versions: 1 });
    expect(plan.history[0]).toMatchObject({
      decision: 'returned',
      comment: '请修改后重新报送',
      sectionComments: [{ sectionKey: 'hazards', comment: '隐患排查计划请写明排查频次、范围和方式' }],
    });

    await zone.getByTestId('language-switcher').selectOption('en');
    await zone.waitForFunction(() => document.documentElement.lang === 'en');
    await zone.goto(`${server.baseUrl}/work-plans?year=${year}`);
    await zone.getByText('Implementation plans').first().waitFor();
    await shot(zone, 'work-plans-overview-en');
    await zone
      .locator('[data-enterprise]', { hasText: '淮北龙山精细化工有限公司' })
      .getByRole('link')
      .click();
    await zone.getByTestId('work-plan-progress').waitFor();
    await shot(zone, 'work-plan-approved-en', 1800);
    await zone.getByTestId('language-switcher').selectOption('zh-CN');
    await zone.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await shot(zone, 'work-plan-approved-zh', 1800);
    ui.expectCleanRun();
  }, 180_000);
});
