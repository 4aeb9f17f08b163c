import { expect } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import type { LoginResponse } from '@muster/contracts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEST_RESULTS = path.join(ROOT, 'test-results');
const SCREENSHOTS = path.join(TEST_RESULTS, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the page should land after signing in: a glob, a pattern or a test of the URL. */
export type Landing = Parameters<Page['waitForURL']>[0];

/** For users whose home page depends on their role. */
export const PAST_LOGIN: Landing = (url) => !url.pathname.startsWith('/login');

/**
 * Fails before any server starts when the console has not been built: the test server serves
 * web/dist, and a missing bundle would otherwise show up as an unexplained blank page.
 */
export async function requireBuiltConsole(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: build the console first (npm run build -w web)');
  }
  await mkdir(SCREENSHOTS, { recursive: true });
}

/** A demo user's access token, for asking the API what the screen ought to show. */
export async function demoToken(baseUrl: string, email: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'muster-demo' }),
  });
  expect(login.status).toBe(200);
  return ((await login.json()) as LoginResponse).accessToken;
}

/** A screenshot of the page as it stands. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** A screenshot of the page from its top (the console scrolls inside <main>), optionally taller. */
export async function shot(page: Page, name: string, height?: number): Promise<void> {
  const viewport = page.viewportSize();
  if (height && viewport) await page.setViewportSize({ width: viewport.width, height });
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await screenshot(page, name);
  if (height && viewport) await page.setViewportSize(viewport);
}

/**
 * Waits until an element has kept its place for `quietMs`. A Leaflet popup pans the map to fit
 * itself once its content is drawn, and on a loaded machine that pan can start after Playwright
 * found the popup's button still: the click then lands on the map, which closes the popup.
 */
export async function untilStill(locator: Locator, quietMs = 300, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = JSON.stringify(await locator.boundingBox());
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) throw new Error(`${String(locator)} kept moving for ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
    const now = JSON.stringify(await locator.boundingBox());
    if (now !== last) [last, since] = [now, Date.now()];
  }
}

/**
 * Debian's Chromium driving the console served at `baseUrl`. Every page it opens records its
 * uncaught errors and any request that would leave the test server, so a test can end by
 * showing that nothing failed unseen and nothing was fetched from elsewhere.
 */
export class ConsoleBrowser {
  readonly pageErrors: string[] = [];
  readonly foreignRequests: string[] = [];

  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  static async launch(baseUrl: string): Promise<ConsoleBrowser> {
    // launch() gives every run a fresh temporary profile of its own.
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return new ConsoleBrowser(browser, baseUrl);
  }

  /** A browser profile as a user in the zone has it: Chinese, on the zone's time. */
  newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    return this.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...options,
    });
  }

  /** A page whose errors and foreign requests are recorded under `name`. */
  async newPage(context: BrowserContext, name: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(`${name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || process.env.DEBUG_CONSOLE) console.log(`[${name}] ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = request.url();
      // data: and blob: URLs are made inside the page; they never reach the network.
      if (!url.startsWith(this.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        this.foreignRequests.push(url);
      }
    });
    return page;
  }

  /** A page of its own profile, for a user who works alone in the test. */
  async openPage(name: string, options: BrowserContextOptions = {}): Promise<Page> {
    return this.newPage(await this.newContext(options), name);
  }

  /** Signs in through the login form with the demo password. */
  async signIn(page: Page, email: string, landing: Landing = '**/map'): Promise<void> {
    await page.goto(`${this.baseUrl}/login`);
    await page.getByLabel('电子邮箱').fill(email);
    await page.getByLabel('密码').fill('muster-demo');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(landing);
  }

  expectNoPageErrors(): void {
    expect(this.pageErrors).toEqual([]);
  }

  /** No page raised an error and nothing was requested from anywhere but the test server. */
  expectCleanRun(): void {
    expect(this.pageErrors).toEqual([]);
    expect(this.foreignRequests).toEqual([]);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
