import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import type { InstallationView, ListResponse } from '@muster/contracts';
import { MonitoringIngestModule } from '../../server/src/monitoring/monitoring-ingest.module.js';
import { startControl } from '../../tools/sensor-simulator/src/control.js';
import { loadPoints } from '../../tools/sensor-simulator/src/points.js';
import { Simulator } from '../../tools/sensor-simulator/src/simulator.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { MQTT_TEST_URL, topicPrefix } from '../support/monitoring.js';
import { freePort } from '../support/processes.js';

/**
 * The demo as a duty officer lives it: the sensor simulator publishes the demo installations'
 * readings over MQTT, a person drifts the chlorine store's gas detector out of band, and the
 * alarm appears on the zone's alarm board and turns the store red on the map without a reload;
 * the commander on duty acknowledges it and records what was done.
 */
describe('live monitoring in the console', () => {
  let t: TestApp;
  let ui: ConsoleBrowser;
  let sim: Simulator;
  let control: Server;
  let controlUrl: string;
  const prefix = topicPrefix();

  beforeAll(async () => {
    await requireBuiltConsole();
    t = await createTestApp({
      web: true,
      imports: [MonitoringIngestModule],
      env: {
        MQTT_URL: MQTT_TEST_URL,
        MQTT_TOPIC_PREFIX: prefix,
        MQTT_CLIENT_ID: `muster-${prefix.split('/')[0]}`,
      },
    });
    sim = await Simulator.connect(
      MQTT_TEST_URL,
      prefix,
      await loadPoints(t.baseUrl, 'admin@muster.test', 'muster-demo'),
    );
    sim.start(500);
    const port = await freePort();
    control = await startControl(sim, port, '127.0.0.1');
    controlUrl = `http://127.0.0.1:${port}`;
    ui = await ConsoleBrowser.launch(t.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await sim?.close();
    await new Promise((r) => control?.close(r));
    await t?.close();
  });

  const drift = async (point: string, to: string) => {
    const res = await fetch(`${controlUrl}/drift`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ point, drift: to }),
    });
    expect(res.status).toBe(200);
  };

  it('shows the drifted chlorine alarm live on the board and the map, and the duty officer handles it', async () => {
    const board = await ui.openPage('board', { viewport: { width: 1440, height: 900 } });
    await ui.signIn(board, 'commander@muster.test');
    const map: Page = await ui.newPage(board.context(), 'map');
    await map.goto(`${t.baseUrl}/map`);
    await map.locator('path.installation-marker').first().waitFor();
    await board.goto(`${t.baseUrl}/alarms`);
    await board.getByTestId('live-status').filter({ hasText: '实时' }).waitFor();
    expect(await board.getByTestId('alarm-CL2-AT01').count()).toBe(0);

    await drift('CL2-AT01', 'high_high');
    // Out of band for the point's 5 s delay, then one alarm, pushed to both pages.
    const row = board.getByTestId('alarm-CL2-AT01');
    await row.waitFor({ timeout: 30_000 });
    await expect(row.getAttribute('data-status')).resolves.toBe('open');
    await row.getByText('高高报').waitFor();
    await map.locator('path.installation-marker--critical').waitFor({ timeout: 15_000 });
    await screenshot(map, 'monitoring-map-alarm-zh');
    await screenshot(board, 'monitoring-board-open-zh');

    await row.getByRole('button', { name: '确认' }).click();
    await board.locator('[data-testid="alarm-CL2-AT01"][data-status="acknowledged"]').waitFor();
    await row.getByPlaceholder('做了什么').fill('关闭钢瓶角阀，启动碱液喷淋吸收，人员撤离至上风向');
    await row.getByRole('button', { name: '处置' }).click();
    const disposed = board.locator('[data-testid="alarm-CL2-AT01"][data-status="disposed"]');
    await disposed.waitFor();
    await disposed.getByText('关闭钢瓶角阀').waitFor();
    const alarms: { status: string; disposal: string }[] = (await t.db.query(
      `SELECT a.status, a.disposal FROM alarm a JOIN sensor_point p ON p.id = a.point_id WHERE p.code = 'CL2-AT01'`,
    )) as { status: string; disposal: string }[];
    expect(alarms).toEqual([
      { status: 'disposed', disposal: '关闭钢瓶角阀，启动碱液喷淋吸收，人员撤离至上风向' },
    ]);
    await screenshot(board, 'monitoring-board-disposed-zh');

    // The installation page: chemicals and grade, the points live, the chlorine trend over its limits.
    const token = await t.token('commander');
    const list = (await t.http.get('/api/installations').set('Authorization', `Bearer ${token}`))
      .body as ListResponse<InstallationView>;
    const store = list.items.find((i) => i.code === 'CL2-STORE')!;
    await board.goto(`${t.baseUrl}/installations/${store.id}`);
    await board.getByTestId('installation-grade').filter({ hasText: '三级' }).waitFor();
    await board.getByTestId('chart-CL2-AT01').locator('canvas').waitFor();
    await screenshot(board, 'monitoring-installation-zh');
    await board.getByTestId('chart-CL2-AT01').scrollIntoViewIfNeeded();
    await screenshot(board, 'monitoring-trends-zh');

    await drift('CL2-AT01', 'normal');
    await board.getByTestId('language-switcher').selectOption('en');
    await board.waitForFunction(() => document.documentElement.lang === 'en');
    await board.getByTestId('installation-grade').filter({ hasText: 'Grade 3' }).waitFor();
    await screenshot(board, 'monitoring-installation-en');
    await board.goto(`${t.baseUrl}/alarms`);
    await board.getByTestId('alarm-CL2-AT01').getByText('Disposed', { exact: true }).waitFor();
    await screenshot(board, 'monitoring-board-en');
    await map.reload();
    await map.locator('path.installation-marker--critical').waitFor();
    await screenshot(map, 'monitoring-map-en');
    ui.expectCleanRun();
  });
});
