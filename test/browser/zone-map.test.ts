import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { EnterpriseView, ListResponse } from '@muster/contracts';
import { ConsoleBrowser, demoToken, requireBuiltConsole, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** A commander's first look at the zone: sign in, the map with every site, a site's popup, English. */
describe('zone map in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let page: Page;
  let enterprises: EnterpriseView[];

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();

    // What the API says the commander may see: the map must show exactly these sites.
    const accessToken = await demoToken(server.baseUrl, 'commander@muster.test');
    const list = await fetch(`${server.baseUrl}/api/enterprises?pageSize=200`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    const body = (await list.json()) as ListResponse<EnterpriseView>;
    enterprises = body.items;
    expect(body.total).toBe(enterprises.length);
    expect(enterprises.length).toBeGreaterThan(0);

    ui = await ConsoleBrowser.launch(server.baseUrl);
    // The offline basemap is bundled: nothing may be fetched from anywhere but the console.
    page = await ui.openPage('commander');
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('refuses wrong credentials with the reason, in Chinese by default', async () => {
    await page.goto(`${server.baseUrl}/`);
    await page.waitForURL('**/login');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');

    await page.getByLabel('电子邮箱').fill('commander@muster.test');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('邮箱或密码不正确');
    await screenshot(page, 'login-error');
  }, 30_000);

  it('signs the commander in to the zone map with a marker for every enterprise site', async () => {
    await page.getByLabel('密码').fill('muster-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/map');

    await page.getByTestId('zone-map').waitFor();
    await page.waitForFunction(
      (expected) => document.querySelectorAll('.enterprise-marker').length === expected,
      enterprises.length,
      { timeout: 15_000 },
    );
    const shownIds = await page
      .locator('.enterprise-marker')
      .evaluateAll((elements) => elements.map((e) => (e as HTMLElement).dataset.enterpriseId));
    expect(shownIds.sort()).toEqual(enterprises.map((e) => e.id).sort());

    const header = page.getByTestId('current-user');
    expect(await header.textContent()).toContain('应急指挥员');
    expect(await page.getByTestId('nav-map').textContent()).toBe('园区地图');
    // A commander has no user management or audit log.
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
  }, 30_000);

  it("opens a site's popup with its name, who answers for it and the duty phone", async () => {
    const site = enterprises.find((e) => e.riskClass === 'major') ?? enterprises[0]!;
    await page.locator(`.enterprise-marker[data-enterprise-id="${site.id}"]`).click();
    const popup = page.getByTestId('enterprise-popup');
    await popup.waitFor();
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain(site.name);
    expect(text).toContain(site.legalRepresentative);
    expect(text).toContain(site.dutyPhone);
    expect(text).toContain('值班电话');
    const phone = popup.getByTestId('enterprise-duty-phone');
    expect(await phone.getAttribute('href')).toBe(`tel:${site.dutyPhone.replace(/[^\d+]/g, '')}`);

    // Let the popup finish fading in, so the screenshot shows it as a user sees it.
    await page.waitForFunction(() => {
      const element = document.querySelector('.leaflet-popup');
      return element !== null && getComputedStyle(element).opacity === '1';
    });

    await screenshot(page, 'zone-map');
  }, 30_000);

  it('switches the console to English and keeps the choice', async () => {
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.getByTestId('nav-map').textContent()).toBe('Zone map');
    // The risk key is the enterprise layer's legend, under the layer's name.
    expect(await page.getByTestId('layer-panel').textContent()).toContain('Enterprises (risk class)');
    expect(await page.getByTestId('risk-legend').textContent()).toContain('Major risk');
    expect(await page.getByTestId('enterprise-popup').textContent()).toContain('Duty phone');
    await screenshot(page, 'zone-map-en');

    await page.reload();
    await page.getByTestId('zone-map').waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByTestId('nav-enterprises').textContent()).toBe('Enterprises');
  }, 30_000);

  it('drew it all without a page error or a request leaving the console', () => {
    ui.expectCleanRun();
  });
});
