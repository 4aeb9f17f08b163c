import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { ConsoleBrowser, demoToken, requireBuiltConsole, screenshot } from '../support/browser.js';
import { incidentReport } from '../support/incidents.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The browser's Notification API as a page sees it, recording what would pop up. Permission is
 * kept per profile (in localStorage), as the browser keeps it per site, so every tab agrees.
 */
const FAKE_NOTIFICATIONS = `(() => {
  const shown = [];
  class FakeNotification {
    constructor(title, options = {}) {
      shown.push({ title, body: options.body, tag: options.tag });
    }
    close() {}
    static get permission() {
      return localStorage.getItem('test.notificationPermission') || 'default';
    }
    static async requestPermission() {
      localStorage.setItem('test.notificationPermission', 'granted');
      return 'granted';
    }
  }
  window.Notification = FakeNotification;
  window.__shownAlerts = shown;
})();`;

/**
 * The notification centre as a commander lives it: the bell's count rises the moment an
 * enterprise officer files a report, with no reload; the panel opens the incident's room; an
 * urgent notification pops up once on the desktop however many console tabs are open.
 */
describe('notification centre in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let context: BrowserContext;
  let commander: Page;
  let secondTab: Page;

  const count = async (page: Page) => {
    const badge = page.getByTestId('notification-count');
    return (await badge.count()) ? Number(await badge.textContent()) : 0;
  };
  const alerts = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __shownAlerts: { title: string; tag: string }[] }).__shownAlerts,
    );

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    context = await ui.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript(FAKE_NOTIFICATIONS);
    commander = await ui.newPage(context, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('asks once, in the console, before turning desktop alerts on', async () => {
    await commander.getByTestId('notification-bell').click();
    const prompt = commander.getByTestId('notification-panel').getByTestId('desktop-alerts-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('新事故');
    await screenshot(commander, 'notifications-alerts-prompt-zh-CN');
    await prompt.getByRole('button', { name: '开启桌面提醒' }).click();
    await prompt.waitFor({ state: 'detached' });
    await commander.reload();
    await commander.getByTestId('notification-bell').click();
    await commander.getByTestId('notification-panel').waitFor();
    expect(await commander.getByTestId('desktop-alerts-prompt').count()).toBe(0);
    await commander.keyboard.press('Escape');
  });

  it('raises the commander’s bell when an officer files, and the panel opens the incident room', async () => {
    // A second console tab of the same commander, elsewhere in the console.
    secondTab = await ui.newPage(context, 'commander-tab-2');
    await secondTab.goto(`${server.baseUrl}/incidents`);
    await secondTab.getByTestId('notification-bell').waitFor();
    await commander.goto(`${server.baseUrl}/map`);
    await commander.getByTestId('notification-bell').waitFor();
    // Both tabs' sockets have time to connect to /live before the report is filed.
    await new Promise((r) => setTimeout(r, 1500));
    const before = await count(commander);

    const officer = await demoToken(server.baseUrl, 'officer1@muster.test');
    const filed = await fetch(`${server.baseUrl}/api/incidents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${officer}` },
      body: JSON.stringify(incidentReport({ title: '苯储罐呼吸阀泄漏' })),
    });
    expect(filed.status).toBe(201);
    const incident = (await filed.json()) as { id: string };

    for (const page of [commander, secondTab]) {
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="notification-count"]')?.textContent ?? 0) === n,
        before + 1,
        { timeout: 10_000 },
      );
    }
    // One desktop alert, from one of the two tabs.
    await new Promise((r) => setTimeout(r, 500));
    const shown = [...(await alerts(commander)), ...(await alerts(secondTab))];
    expect(shown).toEqual([
      expect.objectContaining({
        title: '新事故报告：苯储罐呼吸阀泄漏',
        tag: expect.stringMatching(/^muster-/),
      }),
    ]);

    await commander.getByTestId('notification-bell').click();
    const panel = commander.getByTestId('notification-panel');
    await panel.waitFor();
    const first = panel.getByTestId('notification-item').first();
    expect(await first.textContent()).toContain('新事故报告：苯储罐呼吸阀泄漏');
    await screenshot(commander, 'notifications-panel-zh-CN');

    await first.click();
    await commander.waitForURL(`**/incidents/${incident.id}`);
    await commander.getByTestId('room-header').waitFor();
    expect(await commander.getByTestId('room-header').textContent()).toContain('苯储罐呼吸阀泄漏');
    // Read here, and the other tab hears of it too.
    for (const page of [commander, secondTab]) {
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid="notification-count"]')?.textContent ?? 0) === n,
        before,
        { timeout: 10_000 },
      );
    }
  });

  it('lists, filters and words every notification on the full page, in both languages', async () => {
    await commander.goto(`${server.baseUrl}/notifications`);
    const list = commander.getByTestId('notification-list');
    await list.locator('li').first().waitFor();
    expect(await list.textContent()).toContain('新事故报告：苯储罐呼吸阀泄漏');
    await commander.getByTestId('notification-kind-filter').selectOption('incident.filed');
    await commander.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="notification-list"] .notification__kind')].every(
        (e) => e.textContent === '新事故报告',
      ),
    );
    await screenshot(commander, 'notifications-page-zh-CN');

    await commander.getByTestId('language-switcher').selectOption('en');
    await commander.waitForFunction(() =>
      document
        .querySelector('[data-testid="notification-list"]')
        ?.textContent?.includes('New incident reported: 苯储罐呼吸阀泄漏'),
    );
    await screenshot(commander, 'notifications-page-en');
    await commander.getByRole('tab', { name: 'Preferences' }).click();
    await commander.getByTestId('notification-quiet').waitFor();
    await screenshot(commander, 'notifications-preferences-en');

    await commander.getByTestId('notification-bell').click();
    await commander.getByTestId('notification-panel').waitFor();
    expect(await commander.getByTestId('notification-panel').textContent()).toContain(
      'New incident reported: 苯储罐呼吸阀泄漏',
    );
    await screenshot(commander, 'notifications-panel-en');
    await commander.keyboard.press('Escape');
    await commander.getByTestId('language-switcher').selectOption('zh-CN');
    ui.expectCleanRun();
  });
});
