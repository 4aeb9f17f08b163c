import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** An enterprise officer's directory: their own contacts only, and who is on call this week. */
describe('directory and on-call in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let page: Page;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    page = await ui.openPage('officer');
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it("lists the officer's own contacts with E.164 phones", async () => {
    await ui.signIn(page, 'officer1@muster.test');
    await page.getByTestId('nav-directory').click();
    const table = page.getByTestId('contact-table');
    await table.locator('tbody tr').first().waitFor();
    const organizations = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(organizations.length).toBeGreaterThan(3);
    // Officer 1 works for 华晟煤化工: no zone or other enterprise's people are listed.
    expect(new Set(organizations)).toEqual(new Set(['淮北华晟煤化工有限公司']));
    const phones = await table.locator('tbody a[href^="tel:"]').allTextContents();
    expect(phones.every((p) => /^\+86\d{10,11}$/.test(p))).toBe(true);
    await screenshot(page, 'directory-contacts');
  }, 60_000);

  it('shows who is on call now and a week of shifts computed by the API', async () => {
    await page.getByRole('link', { name: '值班表' }).click();
    await page.waitForURL('**/directory/rotations');
    const card = page.getByTestId('rotation-card').first();
    await card.waitFor();
    const now = card.getByTestId('on-call-now');
    await now.locator('a[href^="tel:"]').waitFor();
    const days = card.getByTestId('week-grid').locator('.week-grid__day');
    expect(await days.count()).toBe(7);
    await card.locator('.week-grid__slot').first().waitFor();
    // Two 12-hour shifts a day plus the stretch over midnight: every day has people on it.
    for (let i = 0; i < 7; i++)
      expect(await days.nth(i).locator('.week-grid__slot').count()).toBeGreaterThan(0);
    await screenshot(page, 'directory-rotation-week');
    ui.expectNoPageErrors();
  }, 30_000);
});
