import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

/** The demo's staff apartments (开发区人才公寓) and the number of its property manager. */
const APARTMENTS_PHONE = '+8613905619001';

/**
 * The commander warns an area drawn in the room: the warning tab lists who and what is inside
 * with counts, the warning goes out, the phone of a sensitive target inside gets it on the
 * emulator, answers, and the board shows the delivery and the acknowledgement live.
 */
describe('geo-targeted warning in the incident room', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commander: Page;
  let incidentId = '';

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time: the phone answers long before a call would follow its SMS.
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    const token = await stack.t.token('commander');
    const res = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${token}`)
      .send(incidentReport({ location: { lat: 33.9921, lng: 116.8205 } }));
    expect(res.status).toBe(201);
    incidentId = res.body.id;
    const zone = await stack.t.http
      .post(`/api/incidents/${incidentId}/features`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        kind: 'hazard_zone',
        label: '氯气下风向危险区',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.8215, 33.9925],
              [116.8345, 33.9955],
              [116.833, 34.0015],
              [116.8225, 33.9945],
              [116.8215, 33.9925],
            ],
          ],
        },
      });
    expect(zone.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('previews the targets inside the area, sends, and follows delivery and acknowledgement', async () => {
    commander = await ui.openPage('commander', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await commander.getByRole('tab', { name: /^预警/ }).click();
    const panel = commander.getByTestId('warning-panel');
    await panel.getByTestId('warning-area').selectOption({ label: '氯气下风向危险区' });
    await panel.getByRole('button', { name: '查看区内目标' }).click();
    const counts = panel.getByTestId('warning-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toMatch(/1 个敏感目标/);
    await panel.getByText('开发区人才公寓').waitFor();
    await panel.getByTestId('warning-text').fill('龙山精细化工液氯泄漏，氯气向东北方向扩散');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(commander, 'warning-preview-zh');
    await panel.getByTestId('warning-send').click();

    const phone = new Phone(stack.emulator, APARTMENTS_PHONE);
    const sms = await phone.expectSms();
    expect(sms.body).toMatch(/^【杜集开发区应急】预警：龙山精细化工液氯泄漏/);
    const row = panel.getByTestId('warning-row').filter({ hasText: APARTMENTS_PHONE });
    await row
      .getByTestId('warning-state')
      .filter({ hasText: /已通知|待发送/ })
      .waitFor();
    await phone.reply('1');
    await row.getByTestId('warning-state').filter({ hasText: '已确认' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(commander, 'warning-board-zh');
    await shot(commander, 'warning-room-zh', 1400);

    await commander.getByTestId('language-switcher').selectOption('en');
    await commander.waitForFunction(() => document.documentElement.lang === 'en');
    await row.getByTestId('warning-state').filter({ hasText: 'Acknowledged' }).waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(commander, 'warning-board-en');
    ui.expectCleanRun();
  });
});
