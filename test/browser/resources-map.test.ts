import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { ListResponse, ResourceView } from '@muster/contracts';
import { ConsoleBrowser, demoToken, requireBuiltConsole, screenshot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** A commander looks for resources on the map: clusters, a type filter, zooming in, what is near. */
describe('resources on the map', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let page: Page;
  let resources: ResourceView[];

  /** Markers standing alone plus the resources inside cluster bubbles: everything shown. */
  const shownOnMap = () =>
    page.evaluate(() => {
      const single = document.querySelectorAll('.leaflet-marker-pane .resource-marker').length;
      const clusters = [...document.querySelectorAll('.leaflet-marker-pane .resource-cluster')];
      const inClusters = clusters.reduce((sum, c) => sum + Number(c.textContent), 0);
      const largest = Math.max(0, ...clusters.map((c) => Number(c.textContent)));
      return { single, clusters: clusters.length, total: single + inClusters, largest };
    });

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    const accessToken = await demoToken(server.baseUrl, 'commander@muster.test');
    resources = [];
    for (let p = 1; ; p++) {
      const res = await fetch(`${server.baseUrl}/api/resources?pageSize=500&page=${p}`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      const body = (await res.json()) as ListResponse<ResourceView>;
      resources.push(...body.items);
      if (resources.length >= body.total) break;
    }
    expect(resources.length).toBeGreaterThan(300);

    ui = await ConsoleBrowser.launch(server.baseUrl);
    page = await ui.openPage('commander');
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('opens the resource map with every resource in clusters', async () => {
    await ui.signIn(page, 'commander@muster.test');
    await page.getByTestId('nav-resources').click();
    await page.waitForURL('**/resources');
    await page.locator('.resource-cluster').first().waitFor({ timeout: 20_000 });

    const shown = await shownOnMap();
    // At the zone-wide zoom a few hundred resources are held in a few dozen bubbles.
    expect(shown.clusters).toBeGreaterThan(0);
    expect(shown.total).toBe(resources.length);
    expect(await page.getByTestId('resource-shown-count').textContent()).toContain(String(resources.length));
    // The zone's own credit where Leaflet's name and flag used to be.
    const attribution = page.locator('.leaflet-control-attribution');
    await attribution.getByText('杜集经济开发区 · Muster 应急指挥').waitFor();
    expect(await attribution.textContent()).not.toContain('Leaflet');
    expect(await attribution.locator('svg').count()).toBe(0);
    await screenshot(page, 'resources-map-clusters');
    // In English the zone is named in English too.
    await page.getByTestId('language-switcher').selectOption('en');
    await attribution.getByText('Duji Economic Development Zone · Muster emergency command').waitFor();
    await page.getByTestId('language-switcher').selectOption('zh-CN');
    await attribution.getByText('杜集经济开发区 · Muster 应急指挥').waitFor();
  }, 60_000);

  it('filters by type: only warehouses remain', async () => {
    await page.getByRole('button', { name: '全不选' }).click();
    await page.getByTestId('filter-type-warehouse').check();
    const warehouses = resources.filter((r) => r.type === 'warehouse').length;
    expect(warehouses).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => {
        const single = document.querySelectorAll('.leaflet-marker-pane .resource-marker').length;
        const inClusters = [...document.querySelectorAll('.leaflet-marker-pane .resource-cluster')].reduce(
          (sum, c) => sum + Number(c.textContent),
          0,
        );
        return single + inClusters === n;
      },
      warehouses,
      { timeout: 10_000 },
    );
    const glyphs = await page
      .locator('.leaflet-marker-pane .resource-marker .resource-pin')
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(glyphs.every((g) => g === '库')).toBe(true);
    await screenshot(page, 'resources-map-warehouses');
  }, 30_000);

  it('splits clusters into single markers when zooming in', async () => {
    await page.getByRole('button', { name: '全选', exact: true }).click({ timeout: 5_000 });
    await page.waitForFunction(() => document.querySelectorAll('.resource-cluster').length > 0, undefined, {
      timeout: 10_000,
    });
    const before = await shownOnMap();
    // Zoom in two steps on the map's centre (the middle of the zone).
    for (let i = 0; i < 2; i++) {
      await page.locator('.leaflet-control-zoom-in').click({ timeout: 5_000 });
      // Let the zoom and the cluster split animations finish before counting.
      await page.waitForTimeout(1500);
    }
    const after = await shownOnMap();
    // Bubbles break up: more resources stand on their own and the largest bubble is smaller.
    expect(after.single).toBeGreaterThan(before.single);
    expect(after.largest).toBeLessThan(before.largest);
    await screenshot(page, 'resources-map-zoomed');
  }, 30_000);

  it('folds the filter panel away and back, and opens a popup with the full record', async () => {
    const panel = page.getByTestId('resources-panel');
    const open = (await panel.boundingBox())!;
    await page.getByTestId('resources-panel-toggle').click();
    await page.getByTestId('filter-type-warehouse').waitFor({ state: 'hidden' });
    const folded = (await panel.boundingBox())!;
    expect(folded.height * folded.width).toBeLessThan((open.height * open.width) / 4);
    await screenshot(page, 'resources-map-panel-folded');
    await page.getByTestId('resources-panel-toggle').click();
    await page.getByTestId('filter-type-warehouse').waitFor();

    await page.locator('.leaflet-marker-pane .resource-marker').first().dispatchEvent('click');
    const popup = page.getByTestId('resource-popup');
    await popup.waitFor();
    const names = new Set(resources.map((r) => r.name));
    const shownName = (await popup.locator('strong').first().textContent())!;
    expect(names.has(shownName)).toBe(true);
    await page.locator('.leaflet-popup-close-button').click();
  }, 30_000);

  it('lists what is near a clicked point, nearest first, with distances', async () => {
    await page.getByTestId('near-here').click();
    const map = await page.getByTestId('zone-map').boundingBox();
    await page.mouse.click(map!.x + map!.width / 2, map!.y + map!.height / 2);
    const list = page.getByTestId('nearest-list');
    await list.waitFor({ timeout: 10_000 });
    const distances = await list.locator('li strong').evaluateAll((els) =>
      els.map((e) => {
        const [v, unit] = (e.textContent ?? '').split(' ');
        return Number(v) * (unit === 'km' ? 1000 : 1);
      }),
    );
    expect(distances.length).toBe(10);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    await screenshot(page, 'resources-map-near-here');
    ui.expectNoPageErrors();
  }, 30_000);
});
