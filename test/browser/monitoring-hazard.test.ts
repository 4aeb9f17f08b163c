import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/app.js';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { newMonitoredInstallation } from '../support/monitoring.js';

/**
 * The zone inspector on the alarm board opens a hazard in the enterprise's ledger from an alarm:
 * the button gives way to a link to the hazard, which the ledger shows as found by online
 * monitoring; the commander, who records no hazards, is not offered the button.
 */
describe('opening a hazard from the alarm board', () => {
  let t: TestApp;
  let ui: ConsoleBrowser;

  beforeAll(async () => {
    await requireBuiltConsole();
    t = await createTestApp({ web: true });
    ui = await ConsoleBrowser.launch(t.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  it('opens it once from the button, and links the alarm to the hazard', async () => {
    const { points, enterpriseId } = await newMonitoredInstallation(t, [{ delaySeconds: 0 }]);
    const point = points[0]!;
    const admin = `Bearer ${await t.token('zone_admin')}`;
    const key = (await t.http.post(`/api/enterprises/${enterpriseId}/ingest-key`).set('Authorization', admin))
      .body.key as string;
    const base = Date.now() - 60_000;
    await t.http
      .post('/ingest/readings')
      .set('X-Ingest-Key', key)
      .send({ readings: [0, 1, 2].map((i) => ({ point: point.code, ts: base + i * 1000, value: 5 })) })
      .expect(202);

    const commander = await ui.openPage('commander', { viewport: { width: 1440, height: 900 } });
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${t.baseUrl}/alarms`);
    const commanderRow = commander.getByTestId(`alarm-${point.code}`);
    await commanderRow.getByRole('button', { name: '确认' }).waitFor();
    expect(await commanderRow.getByRole('button', { name: '登记隐患' }).count()).toBe(0);

    const board = await ui.openPage('inspector', { viewport: { width: 1440, height: 900 } });
    await ui.signIn(board, 'inspector@muster.test');
    await board.goto(`${t.baseUrl}/alarms`);
    const row = board.getByTestId(`alarm-${point.code}`);
    await row.getByRole('button', { name: '登记隐患' }).click();
    const link = row.getByRole('link', { name: '已登记隐患' });
    await link.waitFor();
    expect(await row.getByRole('button', { name: '登记隐患' }).count()).toBe(0);
    await screenshot(board, 'monitoring-alarm-hazard-zh');

    const hazards = (await t.db.query(
      `SELECT h.id, h.source FROM hazard h JOIN alarm a ON a.hazard_id = h.id JOIN sensor_point p ON p.id = a.point_id
        WHERE p.code = $1`,
      [point.code],
    )) as { id: string; source: string }[];
    expect(hazards).toEqual([{ id: expect.any(String), source: 'monitoring' }]);

    await link.click();
    await board.waitForURL(`**/hazards/${hazards[0]!.id}`);
    await board.getByText('在线监测报警').waitFor();
    await screenshot(board, 'monitoring-alarm-hazard-ledger-zh');

    await board.goto(`${t.baseUrl}/alarms`);
    await board.getByTestId('language-switcher').selectOption('en');
    await board.waitForFunction(() => document.documentElement.lang === 'en');
    await board
      .getByTestId(`alarm-${point.code}`)
      .getByRole('link', { name: 'Hazard in the ledger' })
      .waitFor();
    await screenshot(board, 'monitoring-alarm-hazard-en');
    ui.expectCleanRun();
  });
});
