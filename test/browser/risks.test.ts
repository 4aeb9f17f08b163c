import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { EnterpriseView, ListResponse, RiskPointView } from '@muster/contracts';
import {
  ConsoleBrowser,
  PAST_LOGIN,
  demoToken,
  requireBuiltConsole,
  screenshot,
  shot,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Dual prevention in the console: an enterprise officer assesses a risk point, the enterprise's
 * colour on the zone map follows its worst point, and the post's risk card prints.
 */
describe('risk register in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let enterprise: EnterpriseView;
  let gasifier: RiskPointView;

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
    enterprise = (await api<ListResponse<EnterpriseView>>('/api/enterprises')).items[0]!;
    gasifier = (await api<ListResponse<RiskPointView>>('/api/risks/points?q=气化炉')).items[0]!;
    ui = await ConsoleBrowser.launch(server.baseUrl);
    officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  const marker = () => officer.locator(`.enterprise-marker[data-enterprise-id="${enterprise.id}"]`);

  it('an officer reassesses the worst risk point and the zone map colour follows (zh-CN)', async () => {
    expect(enterprise).toMatchObject({ riskClass: 'major', riskClassSource: 'risk_points' });
    expect(gasifier.grade).toBe('major');
    await officer.goto(`${server.baseUrl}/map`);
    await marker().waitFor();
    expect(await marker().getAttribute('data-risk-class')).toBe('major');

    await officer.getByTestId('nav-risks').click();
    await officer.getByTestId('risk-point-table').waitFor();
    await shot(officer, 'risks-register-zh', 1300);
    await officer.getByRole('link', { name: '气化炉装置' }).click();
    await officer.getByTestId('risk-assess').waitFor();
    await officer.getByLabel('评估方法').selectOption('lec');
    await officer.getByLabel('可能性 L').selectOption('1');
    await officer.getByLabel('暴露频率 E').selectOption('6');
    await officer.getByLabel('后果 C').selectOption('15');
    expect(await officer.getByTestId('risk-assess-preview').textContent()).toBe('D/R = 90，一般风险');
    await officer.getByLabel('评估说明').fill('气化炉联锁改造完成，重新评估');
    await officer.getByRole('button', { name: '提交评估' }).click();
    await officer.getByText('已评估为一般风险').waitFor();
    expect(await officer.getByTestId('risk-point-grade').textContent()).toContain('一般风险');
    expect(await officer.getByTestId('risk-history').textContent()).toContain('气化炉联锁改造完成');
    await shot(officer, 'risk-point-assessed-zh', 1500);

    // The worst point is now the methanol tank farm (较大): the site turns orange.
    await officer.goto(`${server.baseUrl}/map?focus=${enterprise.id}`);
    await marker().waitFor();
    await officer.waitForFunction(
      (id) =>
        document
          .querySelector(`.enterprise-marker[data-enterprise-id="${id}"]`)
          ?.getAttribute('data-risk-class') === 'high',
      enterprise.id,
    );
    // Zoomed in on the site, its risk points are drawn in their grades' colours.
    await officer.locator('.risk-point-marker--high').first().waitFor();
    expect(await officer.locator('.risk-point-marker').count()).toBe(3);
    expect(await officer.locator('.risk-point-marker--medium').count()).toBe(2);
    await screenshot(officer, 'risk-map-site-zh');
    const after = await api<EnterpriseView>(`/api/enterprises/${enterprise.id}`);
    expect(after.riskClass).toBe('high');
  }, 120_000);

  it('prints the post risk notification card, zh-CN and en', async () => {
    await officer.goto(`${server.baseUrl}/risks/${gasifier.id}`);
    // The server's PDF of the same card, to print or send on.
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByTestId('card-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`岗位风险告知卡-${enterprise.name}-气化操作工.pdf`);
    const dir = await mkdtemp(path.join(tmpdir(), 'muster-card-'));
    try {
      const file = path.join(dir, 'card.pdf');
      await download.saveAs(file);
      const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', file, '-']);
      const pdf = stdout.replace(/\s+/g, '');
      for (const part of ['岗位风险告知卡', '岗位：气化操作工', '气化炉装置', enterprise.dutyPhone])
        expect({ part, found: pdf.includes(part) }).toEqual({ part, found: true });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await officer.getByTestId('print-card').click();
    await officer.waitForURL('**/risks/card?**');
    const card = officer.getByTestId('post-card');
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    for (const part of [
      '岗位风险告知卡',
      '气化操作工',
      '气化炉装置',
      '高温高压煤气泄漏',
      '中毒、火灾爆炸',
      '气化炉压力、温度联锁投用',
      '佩戴正压式空气呼吸器后处置',
      enterprise.dutyPhone,
    ])
      expect(text).toContain(part);
    await screenshot(officer, 'risk-post-card-zh', true);

    // The card prints outside the console's frame: the language is chosen in the console.
    await officer.goto(`${server.baseUrl}/risks`);
    await officer.getByTestId('language-switcher').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    await officer.getByTestId('risk-point-table').waitFor();
    await shot(officer, 'risks-register-en', 1300);
    await officer.goto(
      `${server.baseUrl}/risks/card?enterprise=${enterprise.id}&post=${encodeURIComponent('气化操作工')}`,
    );
    await card.waitFor();
    await officer.getByText('Post risk notification card').waitFor();
    expect((await card.textContent()) ?? '').toContain('Hazard factors');
    await screenshot(officer, 'risk-post-card-en', true);

    await officer.emulateMedia({ media: 'print' });
    expect(await officer.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await card.isVisible()).toBe(true);
    await screenshot(officer, 'risk-post-card-print', true);
    await officer.emulateMedia({ media: 'screen' });
    ui.expectCleanRun();
  }, 120_000);
});
