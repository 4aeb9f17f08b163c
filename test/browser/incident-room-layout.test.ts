import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { CHLORINE_TITLE } from '../../server/src/demo/drills-demo.js';
import { ConsoleBrowser, demoToken, requireBuiltConsole, screenshot } from '../support/browser.js';
import { incidentReport } from '../support/incidents.js';
import { startTestServer, type TestServer } from '../support/server.js';

type Box = { x: number; y: number; width: number; height: number };

/**
 * The incident room on a commander's 1440×900 screen: the map, the response level and the
 * call-out board together without scrolling, the timeline beside them, the rest behind tabs;
 * in both languages, and on narrower screens without anything spilling sideways.
 */
describe('the incident room laid out for a commander', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let page: Page;
  let incidentId = '';
  let lateIncidentId = '';

  async function api(token: string, path: string, body?: object): Promise<{ id: string }> {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { id: string };
  }

  async function box(testId: string): Promise<Box> {
    const found = await page.getByTestId(testId).first().boundingBox();
    if (!found) throw new Error(`${testId} is not on screen`);
    return found;
  }

  const within = (b: Box, viewport: { width: number; height: number }) =>
    b.x >= 0 && b.y >= 0 && b.x + b.width <= viewport.width && b.y + b.height <= viewport.height;

  /** The page as the commander sees it on opening: nothing scrolled, the live parts loaded. */
  async function openRoom(): Promise<void> {
    await page.goto(`${server.baseUrl}/incidents/${incidentId}`);
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await page.locator('[data-testid="room-map"] [data-testid="incident-marker"]').waitFor();
    await page.getByTestId('plan-suggestion').first().waitFor();
    await page.getByTestId('callout-recipient').first().waitFor();
    await page.locator('[data-testid="timeline"] [data-type="message"]').waitFor();
  }

  async function expectCommanderView(): Promise<void> {
    const viewport = page.viewportSize()!;
    expect(await page.evaluate(() => document.getElementById('main')!.scrollTop)).toBe(0);
    const map = await box('room-map');
    const response = await box('response-panel');
    const board = await box('callout-board');
    const timeline = await box('timeline');
    for (const [name, b] of Object.entries({ map, response, board, timeline })) {
      expect({ name, within: within(b, viewport) }).toEqual({ name, within: true });
    }
    // A map a commander can work on, not a thumbnail.
    expect(map.width).toBeGreaterThan(600);
    expect(map.height).toBeGreaterThan(250);
    // The timeline runs beside the map and the command panels, not under them.
    expect(timeline.x).toBeGreaterThanOrEqual(Math.max(map.x + map.width, board.x + board.width));
    expect(timeline.y).toBeLessThan(map.y + map.height);
    expect(timeline.y + timeline.height).toBeGreaterThan(board.y);
    // The level can be set from where it is shown.
    expect(await page.getByTestId('response-panel').getByTestId('set-level').isVisible()).toBe(true);
    expect(await page.getByTestId('callout-open-dialog').isVisible()).toBe(true);
    // The row of tabs shows below, inviting a click.
    const tabs = await page.getByRole('tablist').boundingBox();
    expect(tabs!.y).toBeLessThan(viewport.height);
  }

  /** Each tab shows its panel and hides the others. */
  async function expectTabs(tabs: [string, string][]): Promise<void> {
    const list = page.getByRole('tablist');
    for (const [label, panel] of tabs) {
      await list.getByRole('tab', { name: new RegExp(`^${label}`) }).click();
      expect(
        await list.getByRole('tab', { name: new RegExp(`^${label}`) }).getAttribute('aria-selected'),
      ).toBe('true');
      await page.getByTestId(panel).waitFor();
      for (const [, other] of tabs) {
        if (other !== panel) expect(await page.getByTestId(other).isVisible()).toBe(false);
      }
    }
  }

  /** What sticks out past the right edge of the page (nothing, when the layout holds). */
  const spillingSideways = () =>
    page.evaluate(() => {
      const main = document.getElementById('main')!;
      const right = main.getBoundingClientRect().right;
      return [...main.querySelectorAll<HTMLElement>('*')]
        .filter((e) => e.getBoundingClientRect().right > right + 1 && e.getClientRects().length > 0)
        .filter((e) => !e.closest('.leaflet-container'))
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5);
    });

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);

    const officer = await demoToken(server.baseUrl, 'officer1@muster.test');
    const commander = await demoToken(server.baseUrl, 'commander@muster.test');
    incidentId = (await api(officer, '/api/incidents', incidentReport())).id;
    // A room in progress: a call-out on the board, a task, a word in the log.
    const contacts = (await api(commander, '/api/contacts?pageSize=3')) as unknown as {
      items: { id: string }[];
    };
    await api(commander, `/api/incidents/${incidentId}/callouts`, {
      contactIds: contacts.items.map((c) => c.id),
      message: '液氯泄漏，请到东门集合',
    });
    await api(commander, `/api/incidents/${incidentId}/tasks`, { title: '关闭二号储罐上游总阀' });
    await api(officer, `/api/incidents/${incidentId}/messages`, { text: '下风向已设警戒' });
    // Filed 1 h 59 min 30 s after the accident: late by 60 minutes, rounded up.
    lateIncidentId = (
      await api(
        officer,
        '/api/incidents',
        incidentReport({
          title: '仓库叉车碰撞',
          category: 'mechanical_injury',
          occurredAt: new Date(Date.now() - (2 * 3_600_000 - 30_000)).toISOString(),
        }),
      )
    ).id;
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('shows map, response level and call-out board at once at 1440×900, the timeline beside them', async () => {
    page = await ui.openPage('commander', { viewport: { width: 1440, height: 900 } });
    await ui.signIn(page, 'commander@muster.test');
    await openRoom();
    await screenshot(page, 'incident-room-1440x900');
    await expectCommanderView();
    await expectTabs([
      ['任务与调派', 'tasks-panel'],
      ['附近资源', 'nearby-resources'],
      ['报告记录', 'reports-panel'],
      ['事故详情', 'incident-details'],
      ['记录', 'records'],
    ]);
    expect(await page.getByTestId('tasks-panel').isVisible()).toBe(false);
    await page.getByRole('tab', { name: /^任务与调派/ }).click();
    expect(await page.getByTestId('tasks-panel').textContent()).toContain('关闭二号储罐上游总阀');
    await screenshot(page, 'incident-room-1440x900-tabs');
  }, 60_000);

  it('keeps the same layout in English', async () => {
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await openRoom();
    await screenshot(page, 'incident-room-1440x900-en');
    await expectCommanderView();
    await expectTabs([
      ['Tasks and dispatch', 'tasks-panel'],
      ['Nearby resources', 'nearby-resources'],
      ['Reports', 'reports-panel'],
      ['Incident details', 'incident-details'],
      ['Records', 'records'],
    ]);
    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  }, 60_000);

  it('stacks the parts in the same order on a narrower screen, with nothing spilling sideways', async () => {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await openRoom();
      expect(await spillingSideways()).toEqual([]);
      const map = await box('room-map');
      const response = await box('response-panel');
      const board = await box('callout-board');
      const timeline = await box('timeline');
      // Map first and a usable size, then the response and the call-outs, then the log.
      expect(map.width).toBeGreaterThan(viewport.width * 0.5);
      expect(map.height).toBeGreaterThanOrEqual(300);
      expect(response.y).toBeGreaterThanOrEqual(map.y + map.height);
      expect(board.y).toBeGreaterThanOrEqual(response.y);
      expect(timeline.y).toBeGreaterThanOrEqual(board.y + board.height);
      await screenshot(page, `incident-room-${viewport.width}x${viewport.height}`, true);
    }
  }, 60_000);

  it('shows the reporting duty as done once the report is in: when, on time or how late, in plain colours', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    const clock = page.getByTestId('room-header').getByTestId('reporting-clock');
    const colour = (selector: string) => clock.locator(selector).evaluate((e) => getComputedStyle(e).color);
    const mutedText = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--text-muted').trim(),
    );
    const asRgb = await page.evaluate((c) => {
      const probe = document.createElement('span');
      probe.style.color = c;
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }, mutedText);

    await page.goto(`${server.baseUrl}/incidents/${incidentId}`);
    await clock.waitFor();
    expect(await clock.getAttribute('data-duty')).toBe('met');
    expect(await clock.textContent()).toMatch(/^已于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} 报告/);
    expect(await clock.textContent()).toContain('按时');
    expect(await clock.getByRole('timer').count()).toBe(0);
    expect(await colour('.reporting-clock__verdict')).toBe(asRgb);

    await page.goto(`${server.baseUrl}/incidents/${lateIncidentId}`);
    await page.getByTestId('room-title').getByText('仓库叉车碰撞').waitFor();
    expect(await clock.textContent()).toContain('迟报 60 分钟');
    expect(await clock.getByRole('timer').count()).toBe(0);
    expect(await clock.getByTestId('late-flag').count()).toBe(0);
    expect(await colour('.reporting-clock__verdict')).toBe(asRgb);
    await screenshot(page, 'incident-room-reported-late');

    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await clock.textContent()).toContain('late by 60 minutes');
    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  }, 60_000);

  it("fits a drill's room the same way, its banner included, and offers only the drill's roster to call out", async () => {
    const commander = await demoToken(server.baseUrl, 'commander@muster.test');
    const runs = (await api(commander, '/api/drills/runs?status=scheduled')) as unknown as {
      items: { id: string; title: string }[];
    };
    const run = runs.items.find((r) => r.title === CHLORINE_TITLE)!;
    const started = (await api(commander, `/api/drills/runs/${run.id}/start`, {})) as unknown as {
      incidentId: string;
      roster: { contacts: { name: string }[]; teams: { name: string }[] };
    };
    expect(started.roster.teams.length).toBeGreaterThan(0);

    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${server.baseUrl}/incidents/${started.incidentId}`);
    await page.getByTestId('drill-watermark').waitFor();
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await page.locator('[data-testid="room-map"] [data-testid="incident-marker"]').waitFor();
    await page.getByTestId('plan-suggestion').first().waitFor();
    await screenshot(page, 'incident-room-drill-1440x900');
    await expectCommanderView();

    await page.getByTestId('callout-open-dialog').click();
    const dialog = page.getByTestId('callout-dialog');
    await dialog.getByTestId('callout-team-option').first().waitFor();
    await dialog.getByTestId('callout-contact-option').first().waitFor();
    const offered = (testId: string) =>
      dialog
        .getByTestId(testId)
        .evaluateAll((options) => options.map((o) => o.querySelector('input + span')?.textContent ?? ''));
    expect((await offered('callout-team-option')).sort()).toEqual(
      started.roster.teams.map((x) => x.name).sort(),
    );
    expect((await offered('callout-contact-option')).sort()).toEqual(
      started.roster.contacts.map((x) => x.name).sort(),
    );
    expect(await dialog.getByTestId('callout-policy').count()).toBe(0);
    await screenshot(page, 'incident-room-drill-callout-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  }, 60_000);

  it('ran without a page error or a request leaving the console', () => {
    ui.expectCleanRun();
  });
});
