import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { SafetyOrgView } from '@muster/contracts';
import { ConsoleBrowser, PAST_LOGIN, demoToken, requireBuiltConsole, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The plan's organisation pillar in the console: the zone's office assigns a decision at a
 * meeting of the leading group and follows it on the 督办 board; an enterprise officer reports
 * the safety office and its registered engineer, and the zone's flag for the enterprise clears.
 */
describe('the leading group and enterprises’ safety offices in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let zone: Page;

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const inDays = (n: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    zone = await ui.openPage('admin@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(zone, 'admin@muster.test', PAST_LOGIN);
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('the zone assigns a decision at a meeting and sees it on the 督办 board', async () => {
    await zone.goto(`${server.baseUrl}/leading-group`);
    await zone.getByTestId('group-members').getByText('张建军').waitFor();
    expect(await zone.getByTestId('group-members').getByRole('row').nth(1).textContent()).toContain('组长');
    await shot(zone, 'leading-group-members-zh');

    await zone.getByRole('link', { name: '会议与纪要' }).click();
    await zone.getByRole('link', { name: /危险化学品安全专项整治部署/ }).click();
    await zone.getByTestId('meeting-facts').waitFor();
    await zone.getByLabel('督办事项').fill('组织园区企业开展受限空间作业应急演练');
    await zone.getByLabel('责任人').selectOption({ label: '沈伟（杜集经开区管委会综合办公室）' });
    await zone.getByLabel('责任部门').fill('综合办公室');
    await zone.getByLabel('办结时限').fill(inDays(14));
    await zone.getByRole('button', { name: '交办', exact: true }).click();
    await zone.getByTestId('meeting-decisions').getByText('组织园区企业开展受限空间作业应急演练').waitFor();
    await shot(zone, 'leading-group-meeting-zh', 1300);

    await zone.getByRole('link', { name: '返回会议列表' }).click();
    await zone.getByRole('link', { name: '督办事项' }).click();
    const board = zone.getByTestId('decision-board');
    await board.getByText('组织园区企业开展受限空间作业应急演练').waitFor();
    // The demo meeting's second decision is past its deadline: flagged on the board and its department.
    await board.getByTestId('decision-overdue').first().waitFor();
    await zone
      .getByTestId('board-departments')
      .getByRole('button', { name: /综合办公室/ })
      .click();
    await expect(board.getByRole('row').count()).resolves.toBe(2);
    await shot(zone, 'leading-group-board-zh');

    await board.getByRole('link', { name: '组织园区企业开展受限空间作业应急演练' }).click();
    await zone.getByLabel('本次进展').fill('已制定演练方案，定于下周组织');
    await zone.getByRole('button', { name: '报告进展' }).click();
    await zone.getByTestId('decision-status').getByText('办理中').waitFor();
    await zone.getByTestId('decision-updates').getByText('已制定演练方案，定于下周组织').waitFor();

    await zone.getByTestId('language-switcher').selectOption('en');
    await zone.waitForFunction(() => document.documentElement.lang === 'en');
    await zone.getByTestId('decision-status').getByText('In progress').waitFor();
    await shot(zone, 'leading-group-decision-en');
    await zone.getByRole('link', { name: 'Back to decisions' }).click();
    await zone.getByTestId('decision-board').getByText('Overdue').first().waitFor();
    await shot(zone, 'leading-group-board-en');
    await zone.getByTestId('language-switcher').selectOption('zh-CN');
    await zone.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  }, 120_000);

  it('an officer fills in the safety organisation and the zone’s flag clears', async () => {
    const officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
    const me = await (
      await fetch(`${server.baseUrl}/api/auth/me`, {
        headers: { Authorization: `Bearer ${await demoToken(server.baseUrl, 'officer1@muster.test')}` },
      })
    ).json();
    const enterpriseId = (me as { enterpriseId: string }).enterpriseId;

    // Not reported yet: a dangerous goods unit without an office, managers or registered engineer.
    await zone.goto(`${server.baseUrl}/safety-orgs`);
    const row = zone.locator(`[data-enterprise="${enterpriseId}"]`);
    await row.getByTestId('org-flag').getByText('未设管理机构且无专职安全管理人员').waitFor();
    await row.getByText('注册安全工程师不足').waitFor();
    await shot(zone, 'safety-orgs-flagged-zh');

    await officer.goto(`${server.baseUrl}/safety-orgs/${enterpriseId}`);
    await officer.getByTestId('safety-org-form').waitFor();
    await officer.getByLabel('从业人员数').fill('860');
    await officer.getByLabel('已设置安全生产管理机构').check();
    await officer.getByLabel('机构名称').fill('安全环保部');
    await officer.getByRole('button', { name: '增加人员' }).click();
    await officer.getByLabel('人员（本企业通讯录）').selectOption({ label: '李志强（安全负责人）' });
    await officer.getByLabel('专职/兼职').selectOption('full_time');
    await officer.getByLabel('注册安全工程师').check();
    await officer.getByLabel('注册证书编号').fill('ZA-2023-34060011');
    await officer.getByLabel('专业类别').selectOption('chemical');
    await officer.getByLabel('级别').selectOption('intermediate');
    await officer.getByRole('button', { name: '保存' }).click();
    await officer.getByTestId('org-status').getByText('符合要求').waitFor();
    await shot(officer, 'safety-org-form-zh', 1200);

    await zone.reload();
    await row.getByText('符合要求').waitFor();
    expect(await row.getByTestId('org-flag').count()).toBe(0);
    await zone.getByLabel('显示').selectOption('flagged');
    // The filter applies once the page has re-rendered: wait for the row to go, not for a count.
    await zone.locator(`[data-enterprise="${enterpriseId}"]`).waitFor({ state: 'detached', timeout: 10_000 });
    await zone.getByTestId('safety-orgs').getByText('注册安全工程师不足').first().waitFor();
    await shot(zone, 'safety-orgs-flagged-only-zh');
    await zone.getByTestId('language-switcher').selectOption('en');
    await zone.waitForFunction(() => document.documentElement.lang === 'en');
    await zone.getByLabel('Show').selectOption('all');
    await zone.locator(`[data-enterprise="${enterpriseId}"]`).getByText('Meets the requirement').waitFor();
    await shot(zone, 'safety-orgs-en');

    const res = await fetch(`${server.baseUrl}/api/safety-orgs/${enterpriseId}`, {
      headers: { Authorization: `Bearer ${await demoToken(server.baseUrl, 'admin@muster.test')}` },
    });
    expect((await res.json()) as SafetyOrgView).toMatchObject({
      headcount: 860,
      hasOffice: true,
      officeName: '安全环保部',
      status: { met: true, problems: [], qualifyingEngineers: 1 },
    });
    ui.expectCleanRun();
  }, 120_000);
});
