import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, demoToken, requireBuiltConsole, screenshot } from '../support/browser.js';
import { incidentReport } from '../support/incidents.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The room's reporting-chain panel: the zone hears of an accident by phone 75 minutes after it
 * happened; the panel shows the enterprise's report missing, the zone's own onward report
 * counting down, and the commander records the report to the city there. The officer then
 * records the enterprise's report in English.
 */
describe('the reporting chain panel in the incident room', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let page: Page;
  let incidentId = '';

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    const api = async (email: string, path: string, init: RequestInit = {}) => {
      const token = await demoToken(server.baseUrl, email);
      const res = await fetch(`${server.baseUrl}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'officer1@muster.test', password: 'muster-demo' }),
    });
    const enterpriseId = ((await login.json()) as { user: { enterpriseId: string } }).user.enterpriseId;
    const filed = await api('commander@muster.test', '/api/incidents', {
      method: 'POST',
      body: JSON.stringify(
        incidentReport({
          enterpriseId,
          source: 'zone',
          occurredAt: new Date(Date.now() - 75 * 60_000).toISOString(),
        }),
      ),
    });
    incidentId = filed.id as string;
    expect(incidentId).toEqual(expect.any(String));
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  /** The page scrolled to the panel (it lies below the room's fold). */
  const panelShot = async (name: string) => {
    await page.getByTestId('reporting-chain').scrollIntoViewIfNeeded();
    await screenshot(page, name);
  };

  const openChain = async (tab: RegExp) => {
    await page.goto(`${server.baseUrl}/incidents/${incidentId}`);
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await page.getByRole('tablist').getByRole('tab', { name: tab }).click();
    await page.getByTestId('reporting-chain').waitFor();
  };

  it('shows each duty with its clock, and lets the commander record the onward report', async () => {
    page = await ui.openPage('commander', { viewport: { width: 1440, height: 1100 } });
    await ui.signIn(page, 'commander@muster.test');
    await openChain(/^报告链/);
    const enterprise = page.getByTestId('duty-enterprise');
    expect(await enterprise.getAttribute('data-state')).toBe('overdue');
    expect(await enterprise.getByTestId('chain-clock').textContent()).toMatch(/^已逾期 1[5-9] 分钟/);
    expect(await enterprise.textContent()).toContain('园区获知');
    // The zone cannot record the enterprise's report: no button for it.
    expect(await enterprise.getByRole('button').count()).toBe(0);

    const city = page.getByTestId('duty-onward-city');
    expect(await city.getAttribute('data-state')).toBe('owed');
    expect(await city.getByTestId('chain-clock').textContent()).toMatch(/^剩余 1 小时|^剩余 \d+ 分钟/);
    expect(await page.getByTestId('chain-next').textContent()).toContain('企业向园区');
    await panelShot('reporting-chain-zh');

    await city.getByRole('button', { name: '登记上报' }).click();
    const form = city.getByRole('form', { name: '登记上报' });
    await form.getByRole('button', { name: '登记' }).click();
    // Required fields are named on the client before anything is sent.
    expect(await form.locator('.field__error').count()).toBe(2);
    await form.getByLabel('接收单位及接报人').fill('淮北市应急管理局值班室 张科长');
    await form.getByLabel('报告方式').selectOption('fax');
    await form.getByLabel('报告人').fill('王主任');
    await form.getByRole('button', { name: '登记' }).click();
    await page.locator('[data-testid="duty-onward-city"][data-state="met"]').waitFor();
    expect(await page.getByTestId('duty-onward-city').textContent()).toContain(
      '王主任 报告 淮北市应急管理局值班室 张科长（传真）',
    );
    // The room's timeline says it in words.
    await page
      .getByTestId('timeline')
      .getByText('已向设区的市级应急管理部门报告（传真，淮北市应急管理局值班室 张科长）')
      .waitFor();
    await panelShot('reporting-chain-zh-recorded');
  }, 60_000);

  it("lets the officer record the enterprise's report, in English", async () => {
    page = await ui.openPage('officer', { viewport: { width: 1440, height: 1100 } });
    await ui.signIn(page, 'officer1@muster.test');
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await openChain(/^Reporting chain/);
    const enterprise = page.getByTestId('duty-enterprise');
    expect(await enterprise.getByTestId('chain-clock').textContent()).toMatch(/^Overdue by 1[5-9] minutes/);
    // The officer does not record the zone's acts.
    expect(await page.getByTestId('duty-onward-city').getByRole('button').count()).toBe(0);
    await enterprise.getByRole('button', { name: "Record the enterprise's report" }).click();
    await enterprise.getByLabel('Sent by').fill('Li Zhiqiang');
    await enterprise.getByRole('button', { name: 'Record', exact: true }).click();
    await page.locator('[data-testid="duty-enterprise"][data-state="met_late"]').waitFor();
    expect(await page.getByTestId('duty-enterprise').getByTestId('chain-clock').textContent()).toMatch(
      /late by 1[5-9] minutes/,
    );
    await panelShot('reporting-chain-en');
    ui.expectCleanRun();
  }, 60_000);
});
