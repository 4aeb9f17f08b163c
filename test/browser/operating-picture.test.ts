import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { EnterpriseView, ListResponse } from '@muster/contracts';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

/** A PNG's signature and its IHDR width and height. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * The common operating picture on both maps: one layer control with a legend per layer, search
 * that flies to what it finds, measuring, the pointer's coordinates, full screen, an image
 * export and a print sheet; and on the room's map, a responder's shared position with its age,
 * live, as soon as they share it from the call-out link.
 */
describe('the common operating picture', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commanderContext: BrowserContext;
  let page: Page;
  let enterprise: EnterpriseView;
  let incidentId = '';

  const frame = () => page.locator('.cop').first();
  const toggle = (id: string) => page.getByTestId(`layer-toggle-${id}`);

  /** Where the map is centred, as the frame records it after every move. */
  async function centre(): Promise<[number, number]> {
    const value = (await frame().getAttribute('data-center')) ?? '';
    const [lat, lng] = value.split(',').map(Number);
    return [lat!, lng!];
  }

  async function exportPng(): Promise<Buffer> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-png').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-\d{8}-\d{4}\.png$/);
    return readFile((await download.path())!);
  }

  /** Two clicks in the lower left of the view, clear of the panels; pins and areas let a click through while measuring. */
  async function measureDistance(map: Locator): Promise<string> {
    const box = (await map.boundingBox())!;
    await page.getByTestId('measure-distance').click();
    // The drawing tool loads on first use: clicks count once it says so.
    await page.getByTestId('measure-hint').waitFor();
    await page.mouse.click(box.x + box.width * 0.08, box.y + box.height * 0.82);
    await page.mouse.dblclick(box.x + box.width * 0.3, box.y + box.height * 0.82);
    const result = page.getByTestId('measure-result');
    await result.waitFor();
    return (await result.textContent()) ?? '';
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    commanderContext = await ui.newContext();
    const commander = await stack.t.token('commander');
    const list = await stack.t.http
      .get('/api/enterprises?pageSize=200')
      .set('Authorization', `Bearer ${commander}`);
    const items = (list.body as ListResponse<EnterpriseView>).items;
    // A site whose name no other site's contains, so the search has one best answer.
    enterprise = items.find((e) => items.every((o) => o === e || !o.name.includes(e.name)))!;
    const officer = await stack.t.token('enterprise_officer');
    const filed = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(incidentReport());
    expect(filed.status).toBe(201);
    incidentId = filed.body.id;
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('lists the layers of the zone map with a legend each, and shows and hides their features', async () => {
    page = await ui.newPage(commanderContext, 'commander');
    await ui.signIn(page, 'commander@muster.test');
    await page.getByTestId('layer-panel').waitFor();
    await page.locator('.enterprise-marker').first().waitFor();
    for (const id of ['incidents', 'responders', 'teams', 'resources', 'enterprises', 'hazards']) {
      expect({ id, listed: await toggle(id).count() }).toEqual({ id, listed: 1 });
    }
    // The room's own drawings belong to the room's map only.
    expect(await toggle('scene-features').count()).toBe(0);
    expect(await page.getByTestId('risk-legend').textContent()).toContain('重大风险');

    // Off: its features and legend go; on: they are back.
    await toggle('enterprises').uncheck();
    await page.locator('.enterprise-marker').first().waitFor({ state: 'detached' });
    expect(await page.getByTestId('layer-legend-enterprises').count()).toBe(0);
    await toggle('enterprises').check();
    await page.locator('.enterprise-marker').first().waitFor();

    // Hazards are circle markers in their own pane (Leaflet gives a path no class of ours).
    const hazards = page.locator('.leaflet-open-hazards-pane path');
    await toggle('hazards').check();
    await hazards.first().waitFor();
    expect(await page.getByTestId('legend-hazards').textContent()).toContain('重大隐患');
    await toggle('hazards').uncheck();
    await hazards.first().waitFor({ state: 'detached' });

    await toggle('teams').check();
    await page.locator('.team-marker').first().waitFor();
    expect(await page.getByTestId('legend-teams').textContent()).toContain('待命');
    await toggle('resources').check();
    await page.locator('.resource-marker, .resource-cluster').first().waitFor();
    expect(await page.getByTestId('legend-resources').textContent()).toContain('消火栓');
    await screenshot(page, 'cop-zone-layers');
    await toggle('resources').uncheck();
  }, 60_000);

  it('flies to an enterprise found by name, and to a road found by an address', async () => {
    await page.getByTestId('map-search').fill(enterprise.name);
    const result = page.locator(`[data-testid="map-search-result"][data-key="enterprise:${enterprise.id}"]`);
    await result.waitFor();
    await screenshot(page, 'cop-search');
    await result.click();
    await page.waitForFunction(
      ([lat, lng]) => {
        const [a, b] = (document.querySelector('.cop')?.getAttribute('data-center') ?? '0,0')
          .split(',')
          .map(Number);
        return Math.abs(a! - lat) < 0.0005 && Math.abs(b! - lng) < 0.0005;
      },
      [enterprise.location.lat, enterprise.location.lng] as const,
    );
    expect(Number(await frame().getAttribute('data-zoom'))).toBeGreaterThanOrEqual(16);

    const [before] = await centre();
    await page.getByTestId('map-search').fill('凤凰山路88号');
    const road = page.locator('[data-testid="map-search-result"][data-key^="road:"]').first();
    await road.waitFor();
    expect(await road.textContent()).toContain('凤凰山路');
    await road.click();
    await page.waitForFunction((lat) => {
      const a = Number((document.querySelector('.cop')?.getAttribute('data-center') ?? '0').split(',')[0]);
      return Math.abs(a - lat) > 0.0005;
    }, before);
  }, 30_000);

  it('measures a distance and an area, and reads out the pointer position', async () => {
    await page.getByRole('button', { name: '回到园区全貌' }).click();
    // Clicks while the view still moves land elsewhere than aimed: wait for it to settle.
    await page.waitForFunction(() => document.querySelector('.cop')?.getAttribute('data-zoom') === '14');
    const map = page.getByTestId('zone-map');
    const text = await measureDistance(map);
    expect(text).toMatch(/^长度 [\d.]+ (m|km)$/);
    // The line stays on the map with its figure until cleared.
    await page.locator('.cop-measure-tooltip').waitFor();

    const box = (await map.boundingBox())!;
    await page.getByTestId('measure-area').click();
    await page.getByTestId('measure-hint').waitFor();
    await page.mouse.click(box.x + box.width * 0.08, box.y + box.height * 0.7);
    await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.7);
    await page.mouse.click(box.x + box.width * 0.18, box.y + box.height * 0.78);
    await page.mouse.click(box.x + box.width * 0.08, box.y + box.height * 0.7);
    await page.getByTestId('measure-result').filter({ hasText: '面积' }).waitFor();
    expect(await page.getByTestId('measure-result').textContent()).toMatch(
      /^面积 [\d.]+ (m²|ha|km²)，周长 [\d.]+ (m|km)$/,
    );
    await screenshot(page, 'cop-measure');

    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
    await page
      .getByTestId('coordinate-readout')
      .filter({ hasText: /^\d+\.\d{6}°N \d+\.\d{6}°E$/ })
      .waitFor();
  }, 30_000);

  it('takes the map with its panels to full screen', async () => {
    await page.locator('.leaflet-control-zoom-fullscreen').click();
    await page.waitForFunction(() => document.fullscreenElement?.classList.contains('cop') === true);
    await page.locator('.leaflet-control-zoom-fullscreen').click();
    await page.waitForFunction(() => document.fullscreenElement === null);
  }, 20_000);

  it('exports the view as a PNG and makes a print sheet with title, time, north arrow, scale and legend', async () => {
    const png = await exportPng();
    const size = pngSize(png);
    expect(size).not.toBeNull();
    expect(size!.width).toBeGreaterThan(500);
    expect(size!.height).toBeGreaterThan(300);
    // A picture of the map, not an empty canvas: a blank PNG of this size compresses to a few KB.
    expect(png.length).toBeGreaterThan(40_000);

    await page.getByTestId('print-open').click();
    const sheet = page.getByTestId('print-sheet');
    await sheet.getByTestId('print-map').waitFor();
    expect(await sheet.getByTestId('print-title').textContent()).toContain('应急一张图');
    expect(await sheet.getByTestId('print-time').textContent()).toMatch(/^制图时间：/);
    expect(await sheet.getByTestId('print-north').count()).toBe(1);
    expect(await sheet.getByTestId('print-scale').textContent()).toMatch(/\d+ (m|km)/);
    const legend = (await sheet.getByTestId('print-legend').textContent()) ?? '';
    expect(legend).toContain('企业（风险等级）');
    expect(legend).toContain('救援队伍');
    await page.getByTestId('print-paper').selectOption('A3');
    expect(await sheet.getAttribute('data-paper')).toBe('A3');
    await page.getByTestId('print-title-input').fill('氯气泄漏演练 态势图');
    expect(await sheet.getByTestId('print-title').textContent()).toBe('氯气泄漏演练 态势图');
    await page.getByTestId('print-paper').selectOption('A4');
    await screenshot(page, 'cop-print-sheet');
    await page.getByTestId('print-close').click();
    await sheet.waitFor({ state: 'detached' });
  }, 60_000);

  it('shows a responder on the room map with the age of the position they share, live', async () => {
    await page.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    const map = page.getByTestId('room-map');
    await map.locator('[data-testid="incident-marker"]').waitFor();
    // The room's map carries the same control, its panel opened from the toolbar.
    await map.getByTestId('layer-panel-toggle').click();
    await map.getByTestId('layer-panel').waitFor();
    expect(await map.getByTestId('legend-responders').textContent()).toContain('暂无人员共享位置');

    const commander = await stack.t.token('commander');
    const contacts = await stack.t.http
      .get(`/api/contacts?q=${encodeURIComponent('丁杰')}`)
      .set('Authorization', `Bearer ${commander}`);
    const dingjie = contacts.body.items.find((c: { name: string }) => c.name === '丁杰');
    const phone = new Phone(stack.emulator, dingjie.phones[0]);
    const callout = await stack.t.http
      .post(`/api/incidents/${incidentId}/callouts`)
      .set('Authorization', `Bearer ${commander}`)
      .send({ contactIds: [dingjie.id], message: '液氯泄漏，请到东门集合' });
    expect(callout.status).toBe(201);
    const link = /https?:\/\/\S+\/r\/\S+/.exec((await phone.expectSms()).body)![0];

    const phoneContext = await ui.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      geolocation: { latitude: 33.9981, longitude: 116.8102 },
      permissions: ['geolocation'],
    });
    try {
      const responder = await ui.newPage(phoneContext, 'responder');
      await responder.goto(link);
      await responder.getByTestId('responder-accept').click();
      await responder.locator('[data-testid="responder-state"][data-state="acknowledged"]').waitFor();
      await responder.getByTestId('responder-share-location').click();
      await responder.locator('[data-testid="responder-location-state"][data-state="shared"]').waitFor();
    } finally {
      await phoneContext.close();
    }

    // No reload: the room's log brings the position, with its age.
    const marker = map.locator('[data-testid="responder-marker"]');
    await marker.waitFor({ timeout: 15_000 });
    expect(await marker.textContent()).toBe('丁杰 · 刚刚');
    expect(await map.getByTestId('responder-count').textContent()).toBe('1 人');
    await screenshot(page, 'cop-room-responder');

    // The room's drawings are a layer like the others.
    expect(await map.getByTestId('legend-scene-features').textContent()).toContain('警戒区');
    const text = await measureDistance(map);
    expect(text).toMatch(/^长度 [\d.]+ (m|km)$/);
    const png = await exportPng();
    expect(pngSize(png)!.width).toBeGreaterThan(300);
    expect(png.length).toBeGreaterThan(20_000);
  }, 90_000);

  it('reads the same in English', async () => {
    await page.getByTestId('language-switcher').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const map = page.getByTestId('room-map');
    expect(await map.getByTestId('layer-panel').textContent()).toContain("Responders' positions");
    expect(await map.locator('[data-testid="responder-marker"]').textContent()).toBe('丁杰 · just now');
    await screenshot(page, 'cop-room-en');
    await page.getByTestId('nav-map').click();
    await page.getByTestId('layer-panel').waitFor();
    await page.locator('.enterprise-marker').first().waitFor();
    expect(await page.getByTestId('risk-legend').textContent()).toContain('Major');
    await screenshot(page, 'cop-zone-en');
    await page.getByTestId('print-open').click();
    await page.getByTestId('print-map').waitFor();
    expect(await page.getByTestId('print-title').textContent()).toContain('operating picture');
    await screenshot(page, 'cop-print-sheet-en');
    await page.getByTestId('print-close').click();
  }, 60_000);

  it('drew it all without a page error or a request leaving the console', () => {
    ui.expectCleanRun();
  });
});
