import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

const MESSAGE = '液氯泄漏，请携带正压式空气呼吸器到东门集合';

/**
 * A commander calls people out from the incident room and watches them answer: one by SMS
 * reply on a simulated phone, one on the responder page the SMS link opens on their phone; the
 * board follows both live, without a reload. Then the zone admin looks at the job queues.
 */
describe('call-outs in the incident room', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commanderContext: BrowserContext;
  let commander: Page;
  let incidentId = '';

  async function contact(name: string): Promise<{ id: string; phone: string }> {
    const token = await stack.t.token('commander');
    const res = await stack.t.http
      .get(`/api/contacts?q=${encodeURIComponent(name)}`)
      .set('Authorization', `Bearer ${token}`);
    const found = res.body.items.find((c: { name: string }) => c.name === name);
    if (!found) throw new Error(`demo contact ${name} is missing`);
    return { id: found.id, phone: found.phones[0] };
  }

  /** Opens the dialog, picks one contact, types the message and sends once the preview is in. */
  async function callOut(name: string, message: string): Promise<void> {
    await commander.getByTestId('callout-open-dialog').click();
    const dialog = commander.getByTestId('callout-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('callout-contact-search').fill(name);
    await dialog.getByTestId('callout-contact-option').filter({ hasText: name }).locator('input').check();
    await dialog.getByTestId('callout-message').fill(message);
    await dialog.locator('[data-testid="callout-preview-item"][data-language="zh-CN"]').waitFor();
    await dialog.getByTestId('callout-send').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  function recipientRow(name: string) {
    return commander.getByTestId('callout-recipient').filter({ hasText: name });
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time: the test answers long before a call or the next tier would come.
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    commanderContext = await ui.newContext({ viewport: { width: 1440, height: 1000 } });

    const officer = await stack.t.token('enterprise_officer');
    const res = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(incidentReport());
    expect(res.status).toBe(201);
    incidentId = res.body.id;
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('shows the commander the board, suggested plans and nearby resources in the room', async () => {
    commander = await ui.newPage(commanderContext, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    const board = commander.getByTestId('callout-board');
    await board.getByText('尚未发起召集').waitFor();

    // The enterprise's own plans come first; each names the level the incident's grade calls for.
    const plans = commander.getByTestId('plan-panel');
    await plans.getByTestId('plan-suggestion').first().waitFor();
    expect(await plans.getByTestId('plan-activate').first().isEnabled()).toBe(true);

    await commander.getByRole('tab', { name: /^附近资源/ }).click();
    const nearby = commander.getByTestId('nearby-resources');
    await nearby.getByTestId('nearby-resource').first().waitFor();
    const listed = await nearby.getByTestId('nearby-resource').count();
    const map = commander.getByTestId('room-map');
    expect(await map.locator('.nearby-resource-marker').count()).toBe(listed);
    // The layer is redrawn after the toggle's render: wait for it rather than read at once.
    const markers = map.locator('.nearby-resource-marker');
    await nearby.getByTestId('nearby-toggle').uncheck();
    await markers.first().waitFor({ state: 'detached' });
    await nearby.getByTestId('nearby-toggle').check();
    await markers.nth(listed - 1).waitFor();
    expect(await markers.count()).toBe(listed);
  }, 60_000);

  it('previews the SMS with its segment count, sends, and follows an SMS reply live', async () => {
    const dingjie = await contact('丁杰');
    const phone = new Phone(stack.emulator, dingjie.phone);
    // A mark that a reload would wipe: the board must update in place.
    await commander.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    await commander.getByTestId('callout-open-dialog').click();
    const dialog = commander.getByTestId('callout-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('callout-send').isDisabled()).toBe(true);
    await dialog.getByTestId('callout-message').fill(MESSAGE);
    // Chinese forces UCS-2 (70 per single SMS, 67 per part): the sample link makes it several.
    const zh = dialog.locator('[data-testid="callout-preview-item"][data-language="zh-CN"]');
    await zh.waitFor();
    const expected = (
      await stack.t.http
        .post('/api/callouts/preview')
        .set('Authorization', `Bearer ${await stack.t.token('commander')}`)
        .send({ message: MESSAGE, incidentId })
    ).body as { language: string; segments: number; text: string }[];
    const zhExpected = expected.find((p) => p.language === 'zh-CN')!;
    expect(Number(await zh.getAttribute('data-segments'))).toBe(zhExpected.segments);
    expect(zhExpected.segments).toBeGreaterThan(1);
    expect(await zh.textContent()).toContain(`计 ${zhExpected.segments} 条短信`);
    expect(await zh.textContent()).toContain(MESSAGE);
    expect(await zh.textContent()).not.toContain('【演练】');
    await dialog.locator('[data-testid="callout-preview-item"][data-language="en"]').waitFor();
    // Nobody picked yet: nothing to send.
    expect(await dialog.getByTestId('callout-send').isDisabled()).toBe(true);
    await dialog.getByTestId('callout-contact-search').fill('丁杰');
    await dialog.getByTestId('callout-contact-option').filter({ hasText: '丁杰' }).locator('input').check();
    await screenshot(commander, 'callout-dialog');
    await dialog.getByTestId('callout-send').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = recipientRow('丁杰');
    await row.waitFor();
    expect(['pending', 'notified']).toContain(await row.getAttribute('data-state'));
    const sms = await phone.expectSms();
    expect(sms.body).toContain(MESSAGE);
    await commander.locator('[data-testid="callout-recipient"][data-state="notified"]').waitFor();

    await phone.reply('1');
    await commander
      .locator('[data-testid="callout-recipient"][data-state="acknowledged"]')
      .filter({ hasText: '丁杰' })
      .waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('短信');
    // One of one acknowledged: the call-out has met its quorum and ended.
    await commander.locator('[data-testid="callout"][data-status="succeeded"]').waitFor();
    expect(await commander.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );
  }, 60_000);

  it('lets a responder accept on the page the SMS link opens, and the board follows', async () => {
    const renjing = await contact('任静');
    const phone = new Phone(stack.emulator, renjing.phone);
    // The room has drawn a cordon around the scene: the responder must see it on their map.
    const cordon = await stack.t.http
      .post(`/api/incidents/${incidentId}/features`)
      .set('Authorization', `Bearer ${await stack.t.token('commander')}`)
      .send({
        kind: 'cordon',
        label: '东侧警戒线',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [116.809, 33.995],
              [116.8166, 33.995],
              [116.8166, 33.9974],
              [116.809, 33.9974],
              [116.809, 33.995],
            ],
          ],
        },
      });
    expect(cordon.status).toBe(201);
    await callOut('任静', 'Chlorine leak at the east tank farm, come to the east gate');
    const sms = await phone.expectSms();
    // 任静 reads English: the SMS is in English, with the signed link to the responder page.
    expect(sms.body).toContain('Reply 1 to accept');
    const link = /https?:\/\/\S+\/r\/\S+/.exec(sms.body)?.[0];
    expect(link?.startsWith(`${stack.publicUrl}/r/`)).toBe(true);

    // The responder's phone: a small screen, no session, location allowed.
    const phoneContext = await ui.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: { latitude: 33.9981, longitude: 116.8102 },
      permissions: ['geolocation'],
    });
    try {
      const responder = await ui.newPage(phoneContext, 'responder');
      await responder.goto(link!);
      const page = responder.getByTestId('responder-page');
      await page.getByRole('heading', { name: '氯气储罐阀门泄漏' }).waitFor();
      expect(await responder.getByTestId('responder-state').getAttribute('data-state')).toBe('notified');
      await responder.getByTestId('responder-map').locator('[data-testid="incident-marker"]').waitFor();
      await responder.getByTestId('responder-map').locator('.room-feature--cordon').waitFor();

      await responder.getByTestId('responder-accept').click();
      await responder.locator('[data-testid="responder-state"][data-state="acknowledged"]').waitFor();
      await commander
        .locator('[data-testid="callout-recipient"][data-state="acknowledged"]')
        .filter({ hasText: '任静' })
        .waitFor({ timeout: 15_000 });
      expect(await recipientRow('任静').textContent()).toContain('链接');

      await responder.getByTestId('responder-share-location').click();
      await responder.locator('[data-testid="responder-location-state"][data-state="shared"]').waitFor();
      // Their own position joins the map.
      await responder.getByTestId('responder-map').locator('.responder__me').waitFor();
      await screenshot(responder, 'responder-page', true);
      const located: { location: { lat: number; lng: number } }[] = await stack.t
        .get(DataSource)
        .query(`SELECT location FROM callout_recipient WHERE phone = $1`, [renjing.phone]);
      expect(located[0]?.location).toEqual({ lat: 33.9981, lng: 116.8102 });

      // A link that was tampered with answers plainly.
      await responder.goto(`${link!.slice(0, -3)}xyz`);
      await responder.getByText('链接可能已失效').waitFor();
    } finally {
      await phoneContext.close();
    }
  }, 60_000);

  it('shows a number the provider refused while the call follows, and cancels a call-out still going', async () => {
    // The number on file is a landline: the SMS is refused (21614) and a call is placed instead.
    stack.emulator.setPhone((await contact('杨帆')).phone, { behaviour: 'landline' });
    await callOut('杨帆', '请到指挥部报到');
    const active = commander.locator('[data-testid="callout"][data-status="active"]');
    await active.waitFor();
    const failure = recipientRow('杨帆').getByTestId('callout-recipient-failure');
    await failure.waitFor({ timeout: 15_000 });
    expect(await failure.textContent()).toBe('短信：不是手机号码（21614）');
    expect(await recipientRow('杨帆').textContent()).toContain('语音');

    commander.once('dialog', (d) => void d.accept());
    await active.getByTestId('callout-cancel').click();
    await commander.locator('[data-testid="callout"][data-status="cancelled"]').waitFor();
    expect(await commander.locator('[data-testid="callout"]').count()).toBe(3);
    await screenshot(commander, 'callout-board', true);
  }, 60_000);

  it('marks the texts of a drill incident’s call-out as a drill in the preview', async () => {
    await stack.t.get(DataSource).query('UPDATE incident SET is_drill = true WHERE id = $1', [incidentId]);
    await commander.reload();
    await commander.getByTestId('callout-open-dialog').click();
    const dialog = commander.getByTestId('callout-dialog');
    await dialog.getByTestId('callout-message').fill(MESSAGE);
    const zh = dialog.locator('[data-testid="callout-preview-item"][data-language="zh-CN"]');
    await zh.filter({ hasText: '【演练】' }).waitFor();
    expect(
      await dialog.locator('[data-testid="callout-preview-item"][data-language="en"]').textContent(),
    ).toContain('[DRILL]');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }, 60_000);

  it('shows the zone admin the job queues', async () => {
    const adminContext = await ui.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const admin = await ui.newPage(adminContext, 'admin');
      await ui.signIn(admin, 'admin@muster.test');
      await admin.getByTestId('nav-queues').click();
      await admin.waitForURL('**/admin/queues');
      await admin.getByTestId('queue-row').first().waitFor();
      const names = await admin
        .getByTestId('queue-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-queue')));
      expect(names).toEqual(expect.arrayContaining(['callouts', 'deliveries', 'hazards']));
      // The SMS sent above went through the deliveries queue, a tier's texts in batches.
      const deliveries = admin.locator('[data-testid="queue-row"][data-queue="deliveries"]');
      await deliveries.getByTestId('queue-count-completed').click();
      const batch = admin.getByTestId('queue-job-name').filter({ hasText: '批量发送短信' });
      await batch.first().waitFor();
      await screenshot(admin, 'queues-deliveries-zh');
      await admin.getByTestId('language-switcher').selectOption('en');
      await admin
        .getByTestId('queue-job-name')
        .filter({ hasText: 'Sending SMS in batches' })
        .first()
        .waitFor();
      await screenshot(admin, 'queues-deliveries-en');
    } finally {
      await adminContext.close();
    }
  }, 60_000);

  it('confirms a level with what it adds, names it in words on the board, and refuses it a second time', async () => {
    const token = await stack.t.token('commander');
    const res = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${token}`)
      .send(incidentReport({ title: '二次启动测试' }));
    expect(res.status).toBe(201);
    await commander.goto(`${stack.publicUrl}/incidents/${res.body.id}`);
    const row = commander
      .getByTestId('plan-panel')
      .getByTestId('plan-suggestion')
      .filter({ hasText: '杜集经济开发区生产安全事故综合应急预案' });
    await row.getByTestId('plan-level').waitFor();

    // Before anything starts, the panel says what the level will add.
    await row.getByTestId('plan-activate').click();
    const confirm = row.getByTestId('plan-confirm');
    await confirm.getByTestId('plan-adds-tasks').waitFor();
    expect(await confirm.getByTestId('plan-adds-people').textContent()).not.toBe('无');
    await screenshot(commander, 'level-confirm', true);
    await confirm.getByTestId('plan-confirm-activate').click();
    await row.getByTestId('plan-activated').waitFor();
    const level = commander.getByTestId('callout-board').getByTestId('callout-level').first();
    await level.waitFor();
    expect(await level.textContent()).toMatch(/^[一二三四]级响应$/);

    // A second press is refused, in the console's words, with since when and by whom.
    await row.getByTestId('plan-activate').click();
    const refused = row.getByTestId('plan-already-active');
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(/^[一二三四]级响应已于 .+ 由 .+ 启动，不能重复启动。$/);
    expect(await row.getByTestId('plan-confirm-activate').count()).toBe(0);
    expect(await commander.getByTestId('callout-board').getByTestId('callout').count()).toBe(1);
    await screenshot(commander, 'level-already-active', true);

    // Once the call-out is cancelled, its link shows the incident's title and nothing more.
    const [callout] = (
      await stack.t.http.get(`/api/incidents/${res.body.id}/callouts`).set('Authorization', `Bearer ${token}`)
    ).body as { id: string; recipients: { phone: string; tier: number }[] }[];
    const paged = new Phone(stack.emulator, callout!.recipients.find((r) => r.tier === 0)!.phone);
    const sms = await paged.expectSms();
    expect(sms.body).toMatch(/。已启动[一二三四]级响应。回复/);
    const link = /https?:\/\/\S+\/r\/\S+/.exec(sms.body)![0];
    commander.once('dialog', (d) => void d.accept());
    await commander.getByTestId('callout-cancel').click();
    await commander.locator('[data-testid="callout"][data-status="cancelled"]').waitFor();
    const phoneContext = await ui.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    try {
      const responder = await ui.newPage(phoneContext, 'responder');
      await responder.goto(link);
      const closed = responder.getByTestId('responder-closed');
      await closed.getByRole('heading', { name: '二次启动测试' }).waitFor();
      await closed.getByText('这次召集已结束，无需应答。').waitFor();
      expect(await responder.getByTestId('responder-accept').count()).toBe(0);
      expect(await responder.getByTestId('responder-map').count()).toBe(0);
      expect(await closed.textContent()).not.toContain('凤凰山路');
      await screenshot(responder, 'responder-closed', true);
    } finally {
      await phoneContext.close();
    }
  }, 60_000);

  it('raised no page errors and sent nothing off the machine', () => {
    ui.expectCleanRun();
  });
});
