import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import type { IncidentView, InstallationExposure, RunView } from '@muster/contracts';
import { CHLORINE_TITLE } from '../../server/src/demo/drills-demo.js';
import { ConsoleBrowser, demoToken, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The demo chlorine drill: the commander runs the plume model in the drill room, and the
 * footprint appears on the open room map of the enterprise's officer, live, with its legend and
 * what the model says at a point the officer clicks. Seen in Chinese and in English. Then the
 * commander takes the source from the enterprise's major hazard register: the chlorine store.
 */
describe('consequence models in the demo chlorine drill room', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let commanderContext: BrowserContext;
  let officerContext: BrowserContext;
  let commander: Page;
  let officer: Page;
  let incidentId = '';

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    const viewport = { width: 1440, height: 960 };
    commanderContext = await ui.newContext({ viewport });
    officerContext = await ui.newContext({ viewport });
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  const api = async <T>(method: string, path: string): Promise<T> => {
    const token = await demoToken(server.baseUrl, 'commander@muster.test');
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.ok).toBe(true);
    return (await res.json()) as T;
  };

  it("starts the demo drill and opens its room on the officer's and the commander's screens", async () => {
    const runs = await api<{ items: RunView[] }>('GET', '/api/drills/runs?status=scheduled');
    const run = runs.items.find((r) => r.title === CHLORINE_TITLE)!;
    const started = await api<RunView>('POST', `/api/drills/runs/${run.id}/start`);
    incidentId = started.incidentId!;

    officer = await ui.newPage(officerContext, 'officer');
    await ui.signIn(officer, 'officer2@muster.test');
    await officer.goto(`${server.baseUrl}/incidents/${incidentId}`);
    await officer.getByTestId('room-map').waitFor();
    await officer.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    expect(await officer.locator('.threat-zone').count()).toBe(0);

    commander = await ui.newPage(commanderContext, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${server.baseUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
  }, 60_000);

  it('lets the commander run the chlorine plume with a suggested stability class', async () => {
    await commander.getByRole('tab', { name: '后果模型' }).click();
    const panel = commander.getByTestId('consequence-panel');
    await panel.waitFor();
    expect(await commander.getByTestId('consequence-limits').textContent()).toContain('重气');
    await panel.getByLabel('模型').selectOption('plume');
    await panel.getByLabel('物质').selectOption('chlorine');
    await panel.getByLabel('泄漏速率（kg/s）').fill('0.5');
    await panel.getByLabel('持续时间（秒）').fill('900');
    await panel.getByLabel('风速（m/s，10 m 高）').fill('3.5');
    // From the north-east: the gas drifts south-west.
    await panel.getByLabel('风向（来向，度，北为 0）').fill('45');
    // A cloudy night (5/8) at 3.5 m/s: Pasquill's table gives D.
    await panel.getByLabel('夜间').check();
    await panel.getByLabel('云量（0–8 成）').fill('5');
    expect(await panel.getByTestId('stability-suggestion').textContent()).toContain('推荐 D');
    await panel.getByRole('button', { name: '采用' }).click();
    expect(await panel.getByLabel('大气稳定度').inputValue()).toBe('D');
    await panel.getByRole('button', { name: '计算并标绘' }).click();

    const run = panel.getByTestId('consequence-run').first();
    await run.waitFor({ timeout: 15_000 });
    expect(await run.textContent()).toContain('氯气连续泄漏 0.5 kg/s，900 秒（烟羽模型）');
    const levels = await run
      .getByTestId('threat-zone-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-level')));
    expect(levels).toEqual(['AEGL-3', 'AEGL-2', 'AEGL-1']);
    await commander.locator('.threat-zone').first().waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(commander, 'consequence-panel-zh');
  }, 60_000);

  it("draws the footprint on the officer's open map, live, with the reading at a clicked point", async () => {
    await officer.locator('.threat-zone').nth(2).waitFor({ timeout: 15_000 });
    expect(await officer.locator('.threat-zone').count()).toBe(3);
    const legend = officer.getByTestId('threat-legend');
    expect(await legend.textContent()).toContain('AEGL-3 危及生命');
    // The middle of the AEGL-2 footprint: on the plume's axis, south-west of the source, clear
    // of the markers crowding the source.
    const second = officer.locator('.threat-zone--rank-2');
    const box = (await second.boundingBox())!;
    await officer.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const readout = officer.getByTestId('threat-readout');
    await readout.waitFor();
    const text = (await readout.textContent()) ?? '';
    expect(text).toContain('ppm');
    expect(text).toContain('到达');
    expect(text).toContain('位于：AEGL-2');
    // The popup fades in; the screenshot is for people to look at.
    await officer.waitForTimeout(400);
    await shot(officer, 'consequence-officer-map-zh');

    await officer.getByTestId('language-switcher').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await legend.textContent()).toContain('AEGL-3 life-threatening');
    await shot(officer, 'consequence-officer-map-en');
    await commander.getByTestId('language-switcher').selectOption('en');
    await commander.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await commander.getByTestId('consequence-limits').textContent()).toContain('neutral buoyancy');
    await commander.getByTestId('consequence-panel').scrollIntoViewIfNeeded();
    await screenshot(commander, 'consequence-panel-en');
    expect(ui.pageErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  }, 60_000);

  it("prefills the source from the enterprise's registered chlorine store and runs the puff model", async () => {
    const incident = await api<IncidentView>('GET', `/api/incidents/${incidentId}`);
    const register = await api<InstallationExposure[]>(
      'GET',
      `/api/installations/exposure/${incident.enterpriseId}`,
    );
    const store = register.find((i) => i.code === 'CL2-STORE')!;
    const panel = commander.getByTestId('consequence-panel');
    // Still in English from the step before.
    await panel.getByLabel('Model', { exact: true }).selectOption('puff');
    const installation = panel.getByLabel('Installation (from the major hazard register)');
    const option = installation.locator('option', { hasText: '液氯钢瓶储存库' });
    expect(await option.textContent()).toBe(`液氯钢瓶储存库 (grade ${store.grade}) · 液氯 30 t`);
    await installation.selectOption((await option.getAttribute('value'))!);

    expect(await panel.getByLabel('Substance').inputValue()).toBe('chlorine');
    expect(await panel.getByLabel('Mass released (kg)').inputValue()).toBe('30000');
    expect(Number(await panel.getByLabel('Latitude').inputValue())).toBe(store.location!.lat);
    expect(Number(await panel.getByLabel('Longitude').inputValue())).toBe(store.location!.lng);
    expect(await panel.getByTestId('installation-hint').textContent()).toContain('maximum quantity of 30 t');
    await panel.getByTestId('consequence-form').scrollIntoViewIfNeeded();
    await screenshot(commander, 'consequence-installation-en');

    const before = await panel.getByTestId('consequence-run').count();
    await panel.getByRole('button', { name: 'Run and draw' }).click();
    await panel.getByTestId('consequence-run').nth(before).waitFor({ timeout: 15_000 });
    const run = panel.getByTestId('consequence-run').first();
    expect(await run.getAttribute('data-model')).toBe('puff');
    expect(await run.textContent()).toContain('Chlorine instantaneous release 30000 kg (puff)');

    await commander.getByTestId('language-switcher').selectOption('zh-CN');
    await commander.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    const grade = ['一级', '二级', '三级', '四级'][store.grade! - 1];
    expect(
      await panel.getByLabel('危险源（取自重大危险源登记）').locator('option:checked').textContent(),
    ).toBe(`液氯钢瓶储存库（${grade}）· 液氯 30 t`);
    await panel.getByTestId('consequence-form').scrollIntoViewIfNeeded();
    await screenshot(commander, 'consequence-installation-zh');

    // The same register tells the commander which suggested plan the store calls for.
    const calledFor = commander
      .getByTestId('plan-panel')
      .getByTestId('plan-suggestion')
      .filter({ hasText: '液氯泄漏专项应急预案' })
      .getByTestId('plan-called-for');
    expect(await calledFor.textContent()).toBe(`适用于重大危险源 液氯钢瓶储存库（${grade}）`);
    await commander.getByTestId('plan-panel').scrollIntoViewIfNeeded();
    await screenshot(commander, 'plan-called-for-zh');
    expect(ui.pageErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  }, 60_000);
});
