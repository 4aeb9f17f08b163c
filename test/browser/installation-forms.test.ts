import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { EnterpriseView, InstallationView, PointView } from '@muster/contracts';
import { ConsoleBrowser, PAST_LOGIN, demoToken, requireBuiltConsole, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The register kept in the console: an enterprise officer registers a unit with two chemicals
 * and watches it identified and graded as the quantities are typed, adds a sensor point and
 * issues the gateway ingestion key, which then takes a reading.
 */
describe('major hazard installation forms in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let enterprise: EnterpriseView;
  let installationId: string;

  async function api<T>(path: string): Promise<T> {
    const res = await fetch(`${server.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${await demoToken(server.baseUrl, 'officer1@muster.test')}` },
    });
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    const me = await api<{ enterpriseId: string }>('/api/auth/me');
    enterprise = await api<EnterpriseView>(`/api/enterprises/${me.enterpriseId}`);
    ui = await ConsoleBrowser.launch(server.baseUrl);
    officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('registers a unit with two chemicals, identified and graded as they are typed (zh-CN)', async () => {
    await officer.goto(`${server.baseUrl}/installations`);
    await officer.getByTestId('new-installation').click();
    await officer.getByTestId('installation-form').waitFor();
    await officer.getByLabel('编号').fill('CL2-VAP01');
    await officer.getByLabel('单元名称').fill('液氯汽化单元');
    await officer.getByLabel('类型').selectOption('production');
    await officer.getByLabel('厂区外500 m内常住人数').fill('60');

    // Chlorine alone, 3 t of its 5 t: not yet a major hazard installation.
    await officer.locator('#chem-substance-0').selectOption('chlorine');
    expect(await officer.locator('#chem-name-0').inputValue()).toBe('氯（液氯；氯气）');
    expect(await officer.locator('#chem-category-0').isDisabled()).toBe(true);
    await officer.locator('#chem-name-0').fill('液氯');
    await officer.locator('#chem-quantity-0').fill('3');
    const preview = officer.getByTestId('assessment-preview');
    expect(await officer.getByTestId('assessment-ratio').textContent()).toContain('Σ q/Q = 0.6');
    expect(await officer.getByTestId('preview-grade').textContent()).toBe('未构成重大危险源');

    // 10 t of chlorine (2 × β 4) and 20 t of ammonia (2 × β 2), α 1.5 for 60 people: R = 18, 三级.
    await officer.locator('#chem-quantity-0').fill('10');
    await officer.getByTestId('add-chemical').click();
    await officer.locator('#chem-substance-1').selectOption('ammonia');
    await officer.locator('#chem-name-1').fill('液氨');
    await officer.locator('#chem-quantity-1').fill('20');
    expect(await officer.getByTestId('assessment-ratio').textContent()).toContain('Σ q/Q = 4');
    expect(await officer.getByTestId('assessment-r').textContent()).toContain('R = α Σ βq/Q = 18');
    expect(await officer.getByTestId('preview-grade').textContent()).toBe('三级');
    expect(await preview.textContent()).toContain('α = 1.5');

    await officer.getByLabel('主要负责人').fill('张伟');
    await officer.locator('#inst-principal-phone').fill('13905610001');
    await officer.getByLabel('技术负责人').fill('李娜');
    await officer.locator('#inst-technical-phone').fill('13905610002');
    await officer.getByLabel('操作负责人').fill('王强');
    await officer.locator('#inst-operational-phone').fill('13905610003');
    const map = officer.getByTestId('location-picker');
    await map.scrollIntoViewIfNeeded();
    await map.click({ position: { x: 200, y: 140 } });
    expect(await officer.getByTestId('location-text').textContent()).toMatch(
      /^北纬 \d+\.\d{5}，东经 \d+\.\d{5}$/,
    );
    await shot(officer, 'installation-form-zh', 2100);

    await officer.getByRole('button', { name: '保存' }).click();
    await officer.waitForURL(/\/installations\/[0-9a-f-]{36}$/);
    installationId = officer.url().split('/').pop()!;
    expect(await officer.getByTestId('installation-grade').textContent()).toBe('三级');
    expect(await officer.getByTestId('chemicals-table').textContent()).toContain('液氨');
    const saved = await api<InstallationView>(`/api/installations/${installationId}`);
    expect(saved).toMatchObject({
      enterpriseId: enterprise.id,
      kind: 'production',
      peopleExposed: 60,
      responsible: { principal: { name: '张伟', phone: '13905610001' } },
      assessment: { grade: 3, r: 18 },
    });
    expect(saved.location).not.toBeNull();
  }, 120_000);

  it('adds a sensor point with its limits and alarm action, and issues the ingestion key', async () => {
    await officer.getByTestId('add-point').click();
    const form = officer.getByTestId('point-form');
    await form.getByLabel('位号').fill('CL2-AT09');
    await form.getByLabel('名称').fill('汽化器氯气浓度');
    await form.getByLabel('类型').selectOption('gas');
    expect(await form.getByLabel('单位').inputValue()).toBe('ppm');
    await form.getByLabel('量程上限').fill('10');
    await form.getByLabel('高报', { exact: true }).fill('1');
    await form.getByLabel('高高报').fill('3');
    await form.getByLabel('报警时').selectOption('incident');
    await form.getByRole('button', { name: '保存' }).click();
    const row = officer.getByTestId('point-CL2-AT09');
    await row.waitFor();
    expect(await row.textContent()).toContain('H 1 · HH 3 ppm');
    const [point] = await api<PointView[]>(`/api/installations/${installationId}/points`);
    expect(point).toMatchObject({
      code: 'CL2-AT09',
      rangeMax: 10,
      high: 1,
      highHigh: 3,
      onAlarm: 'incident',
    });

    // Issuing replaces any key the demo gave the enterprise: the console asks first.
    officer.once('dialog', (d) => void d.accept());
    const panel = officer.getByTestId('ingest-key');
    await panel.scrollIntoViewIfNeeded();
    expect(await panel.getByTestId('ingest-mqtt-topic').textContent()).toBe(
      `muster/readings/${enterprise.creditCode}/{point}`,
    );
    await officer.getByTestId('issue-key').click();
    const key = (await officer.getByTestId('ingest-key-value').textContent())!;
    expect(key).toMatch(/^mik_[\w-]{43}$/);
    await officer
      .getByTestId('ingest-key-status')
      .filter({ hasText: key.slice(0, 10) })
      .waitFor();
    await shot(officer, 'installation-page-zh', 2000);

    // The key shown is the one the gateway endpoint takes.
    const sent = await fetch(`${server.baseUrl}/ingest/readings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ingest-Key': key },
      body: JSON.stringify({ readings: [{ point: 'CL2-AT09', ts: Date.now(), value: 0.2 }] }),
    });
    expect(sent.status).toBe(202);
    expect(await sent.json()).toEqual({ accepted: 1, rejected: [] });
  }, 120_000);

  it('shows the page and the form in English', async () => {
    await officer.getByTestId('language-switcher').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    await officer.getByText('Data ingestion key of').waitFor();
    expect(await officer.getByTestId('installation-grade').textContent()).toBe('Grade 3');
    await shot(officer, 'installation-page-en', 2000);
    await officer.getByTestId('edit-installation').click();
    await officer.getByTestId('installation-form').waitFor();
    expect(await officer.getByTestId('preview-grade').textContent()).toBe('Grade 3');
    expect(await officer.locator('#chem-category-1').isDisabled()).toBe(true);
    expect(await officer.getByTestId('location-text').textContent()).toMatch(
      /^Latitude \d+\.\d{5}, longitude \d+\.\d{5}$/,
    );
    await shot(officer, 'installation-form-en', 2100);
    ui.expectCleanRun();
  }, 120_000);
});
