import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** An enterprise officer's directory: their own contacts only, and who is on call this week. */
describe('directory and on-call in the web console', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
      throw new Error('web/dist is missing: build the console first (npm run build -w web)');
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lists the officer's own contacts with E.164 phones", async () => {
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('电子邮箱').fill('officer1@muster.test');
    await page.getByLabel('密码').fill('muster-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/map');
    await page.getByTestId('nav-directory').click();
    const table = page.getByTestId('contact-table');
    await table.locator('tbody tr').first().waitFor();
    const organizations = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(organizations.length).toBeGreaterThan(3);
    // Officer 1 works for 华晟煤化工: no zone or other enterprise's people are listed.
    expect(new Set(organizations)).toEqual(new Set(['淮北华晟煤化工有限公司']));
    const phones = await table.locator('tbody a[href^="tel:"]').allTextContents();
    expect(phones.every((p) => /^\+86\d{10,11}$/.test(p))).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'directory-contacts.png') });
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
    await page.screenshot({ path: path.join(SCREENSHOTS, 'directory-rotation-week.png') });
    expect(pageErrors).toEqual([]);
  }, 30_000);
});
