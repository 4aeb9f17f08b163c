import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { AccountabilityCandidatesView, FindingSummary, SpotCheckTaskDetail } from '@muster/contracts';
import { ConsoleBrowser, PAST_LOGIN, demoToken, requireBuiltConsole, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The zone's supervision in the console: the administrative committee defines a double random
 * spot check, draws it, sees the pairs and the seed and has the draw verified; then the
 * accountability register shows a record made for an overdue major hazard.
 */
describe('the double random draw and accountability in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let admin: Page;

  async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${await demoToken(server.baseUrl, 'admin@muster.test')}`,
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
    ui = await ConsoleBrowser.launch(server.baseUrl);
    admin = await ui.openPage('admin@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(admin, 'admin@muster.test', PAST_LOGIN);
    await api('/api/users', {
      method: 'POST',
      body: {
        email: 'draw-ui@muster.test',
        name: '陈静 (安监检查员)',
        role: 'inspector',
        password: 'muster-demo-pass',
      },
    });
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('defines a task, draws it and sees the pairs, the seed and the verification', async () => {
    await admin.goto(`${server.baseUrl}/spot-checks`);
    await admin.getByText('新建抽查任务').click();
    await admin.getByLabel('任务名称').fill('2026年第四季度危化企业双随机抽查');
    await admin.getByLabel('检查开始日期').fill('2026-12-10');
    await admin.getByLabel('检查截止日期').fill('2026-12-31');
    await admin.getByLabel('抽取企业数').fill('3');
    await admin.getByLabel('每家检查人员数').fill('2');
    await admin.getByLabel('重大风险').check();
    await admin.getByLabel('较大风险').check();
    await admin.getByLabel('检查内容（每行一项）').fill('安全生产责任制落实情况\n重大危险源监测监控');
    await admin.getByRole('button', { name: '创建任务' }).click();
    await admin.getByRole('link', { name: '2026年第四季度危化企业双随机抽查' }).click();

    await admin.getByTestId('spot-check-candidates').waitFor();
    await expect(admin.getByTestId('spot-check-candidates').getByText('仓储物流')).toBeTruthy();
    await shot(admin, 'spot-check-candidates-zh', 1100);

    await admin.getByRole('button', { name: '随机抽取' }).click();
    await admin.getByTestId('spot-check-pairs').waitFor();
    const id = admin.url().split('/').pop()!;
    const task = await api<SpotCheckTaskDetail>(`/api/spot-checks/${id}`);
    const draw = task.draws[0]!;
    expect(draw.pairs).toHaveLength(3);
    expect(await admin.getByTestId('draw-seed').textContent()).toBe(draw.seed);
    const rows = admin.getByTestId('spot-check-pairs').locator('tbody tr');
    await expect(rows.count()).resolves.toBe(3);
    for (const [i, p] of draw.pairs.entries()) {
      const text = await rows.nth(i).textContent();
      expect(text).toContain(p.enterpriseName);
      for (const x of p.inspectors) expect(text).toContain(x.name);
    }
    await admin.getByRole('button', { name: '复核抽取结果' }).click();
    await expect(admin.getByTestId('verify-result').textContent()).resolves.toContain('复核一致');
    await shot(admin, 'spot-check-drawn-zh', 1100);

    await admin.getByRole('button', { name: '公开抽查结果' }).click();
    await admin.getByText('抽查结果已在政务公开页面公布').waitFor();

    await admin.getByTestId('language-switcher').selectOption('en');
    await admin.getByRole('button', { name: 'Verify the draw' }).click();
    await expect(admin.getByTestId('verify-result').textContent()).resolves.toContain('Verified');
    await shot(admin, 'spot-check-drawn-en', 1100);
    await admin.getByTestId('language-switcher').selectOption('zh-CN');
  });

  it('records accountability for an overdue major hazard and shows it in the register', async () => {
    const [hazard] = await api<FindingSummary[]>('/api/accountability/findings?kind=hazard');
    expect(hazard).toBeDefined();
    await admin.goto(`${server.baseUrl}/accountability`);
    await admin.getByText('登记责任追究').click();
    const form = admin.getByTestId('accountability-form');
    await form.getByLabel('事由类别').selectOption('hazard');
    await form.getByLabel('追责事由').selectOption(hazard!.id);
    const candidates = await api<AccountabilityCandidatesView>(
      `/api/accountability/candidates?findingKind=hazard&findingId=${hazard!.id}`,
    );
    const first = candidates.candidates.find((c) => c.list === 'enterprise')!;
    await admin
      .getByTestId('accountability-candidates')
      .getByText(first.holder ?? first.unit)
      .first()
      .click();
    await form
      .getByLabel('事实和未履行的职责')
      .fill('重大事故隐患超过整改期限仍未完成整改，未采取有效的防范措施');
    await form.getByLabel('追责措施').selectOption('talk');
    await shot(admin, 'accountability-new-zh', 1100);
    await admin.getByRole('button', { name: '登记', exact: true }).click();
    await admin.getByTestId('accountability-record').waitFor();
    expect(await admin.getByTestId('accountability-persons').textContent()).toContain(
      first.holder ?? first.unit,
    );

    await admin.getByLabel('决定日期').fill('2026-12-01');
    await admin.getByLabel('落实期限').fill('2026-12-05');
    await admin.getByRole('button', { name: '作出追责决定' }).click();
    await admin.getByText('逾期未落实').first().waitFor();
    await shot(admin, 'accountability-record-zh', 1000);
    await admin.getByTestId('language-switcher').selectOption('en');
    await admin.getByText('Overdue').first().waitFor();
    await shot(admin, 'accountability-record-en', 1000);
    await admin.getByTestId('language-switcher').selectOption('zh-CN');

    await admin.goto(`${server.baseUrl}/accountability`);
    await admin.getByTestId('accountability-records').getByText(hazard!.title).first().waitFor();
    await shot(admin, 'accountability-register-zh', 900);
    ui.expectCleanRun();
  });
});
