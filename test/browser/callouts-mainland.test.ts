import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { CalloutDeliveryPreview } from '@muster/contracts';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

const MESSAGE = '液氯泄漏，请携带正压式空气呼吸器到东门集合';

/**
 * A mixed team called out with Tencent Cloud for mainland numbers and Twilio for the rest: the
 * dialog previews what each provider will send before anything is sent, and the phone simulator
 * shows each phone with the provider that reached it — a reply sent as 上行 through Tencent and a
 * key pressed in a Tencent voice notification acknowledge on the board.
 */
describe('call-outs over two providers, in the console and on the phone simulator', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let context: BrowserContext;
  let commander: Page;
  let incidentId = '';
  let teamId = '';
  const team = '混合通道抢险队';
  const people = {
    mobile1: { name: '周一鸣', phone: '+8613905610101', language: 'zh-CN' },
    mobile2: { name: '吴二强', phone: '+8613905610102', language: 'zh-CN' },
    foreign: { name: 'Ann Lee', phone: '+447700900123', language: 'en' },
    landline: { name: '抢险队值班室', phone: '+865613011120', language: 'zh-CN' },
  };

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time, and a minute to press a key: the test answers long before either.
    // Tencent's daily cap is one text per number and its rate five a second, for the preview's warnings.
    stack = await startCalloutStack({ TENCENT_DAILY_CAP_PER_NUMBER: '1', TENCENT_RATE_PER_SECOND: '5' }, 1, {
      web: true,
      tencent: true,
      tencentOptions: { keyTimeoutMs: 60_000 },
    });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    context = await ui.newContext({ viewport: { width: 1440, height: 1000 } });
    const admin = await stack.t.token('zone_admin');
    const ids: string[] = [];
    for (const p of Object.values(people)) {
      const res = await stack.t.http
        .post('/api/contacts')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          name: p.name,
          phones: [p.phone],
          language: p.language,
          organization: '抢险队',
          post: '队员',
        });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const created = await stack.t.http
      .post('/api/teams')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: team, type: 'engineering', memberContactIds: ids });
    expect(created.status).toBe(201);
    teamId = created.body.id;
    const officer = await stack.t.token('enterprise_officer');
    const incident = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(incidentReport());
    expect(incident.status).toBe(201);
    incidentId = incident.body.id;
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  /** Opens the dialog, picks the team, types the message; answers the dialog. */
  async function fillDialog(): Promise<Locator> {
    await commander.getByTestId('callout-open-dialog').click();
    const dialog = commander.getByTestId('callout-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('callout-team-option').filter({ hasText: team }).locator('input').check();
    await dialog.getByTestId('callout-message').fill(MESSAGE);
    await dialog.locator('[data-testid="callout-delivery-provider"][data-provider="tencent"]').waitFor();
    return dialog;
  }

  const provider = (dialog: Locator, name: string) =>
    dialog.locator(`[data-testid="callout-delivery-provider"][data-provider="${name}"]`);

  it('previews per provider who is texted, how many billed SMS, and who is only called', async () => {
    commander = await ui.newPage(context, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();

    // What the server counts for this team and text, to hold the screen to.
    const token = await stack.t.token('commander');
    const expected = (
      await stack.t.http
        .post(`/api/incidents/${incidentId}/callouts/delivery-preview`)
        .set('Authorization', `Bearer ${token}`)
        .send({ message: MESSAGE, teamIds: [teamId] })
    ).body as CalloutDeliveryPreview;
    const tencent = expected.providers.find((p) => p.provider === 'tencent')!;
    const twilio = expected.providers.find((p) => p.provider === 'twilio')!;
    // Two +86 mobiles texted by Tencent, the landline only called by it; the UK number by Twilio.
    expect([tencent.texted, tencent.calledOnly, twilio.texted, twilio.calledOnly]).toEqual([2, 1, 1, 0]);

    let dialog = await fillDialog();
    await expect(dialog.getByTestId('callout-delivery-total').textContent()).resolves.toContain('4');
    for (const p of [tencent, twilio]) {
      const row = provider(dialog, p.provider);
      await expect(row.getAttribute('data-texted')).resolves.toBe(String(p.texted));
      await expect(row.getAttribute('data-segments')).resolves.toBe(String(p.segments));
      await expect(row.getAttribute('data-called-only')).resolves.toBe(String(p.calledOnly));
    }
    await expect(provider(dialog, 'tencent').textContent()).resolves.toMatch(
      new RegExp(`腾讯云.*短信 2 人.*计费 ${tencent.segments} 条.*仅语音 1 人`),
    );
    await expect(provider(dialog, 'twilio').textContent()).resolves.toMatch(
      new RegExp(`Twilio.*短信 1 人.*计费 ${twilio.segments} 条`),
    );
    await dialog.getByTestId('callout-delivery').scrollIntoViewIfNeeded();
    await screenshot(commander, 'callouts-mainland-preview-zh');

    await dialog.getByRole('button', { name: '取消' }).click();
    await commander.getByTestId('language-switcher').selectOption('en');
    dialog = await fillDialog();
    await expect(provider(dialog, 'tencent').textContent()).resolves.toMatch(
      new RegExp(`Tencent Cloud.*2 texted.*${tencent.segments} billed SMS.*1 called only`),
    );
    await dialog.getByTestId('callout-delivery').scrollIntoViewIfNeeded();
    await screenshot(commander, 'callouts-mainland-preview-en');

    await dialog.getByTestId('callout-send').click();
    await dialog.waitFor({ state: 'hidden' });
    await commander.getByTestId('callout-recipient').first().waitFor();
  }, 60_000);

  it('shows each phone with its provider; a Tencent reply (上行) and a Tencent key acknowledge', async () => {
    const row = (name: string) => commander.getByTestId('callout-recipient').filter({ hasText: name });
    const phoneContext = await ui.newContext({ viewport: { width: 1100, height: 820 } });
    // The simulator is the emulator's own page, not the console: its requests go to the emulator.
    const phonePage = await phoneContext.newPage();
    const errors: string[] = [];
    phonePage.on('pageerror', (e) => errors.push(e.message));
    await phonePage.goto(`${stack.emulator.url}/#${encodeURIComponent(people.mobile1.phone)}`);

    const listed = (phone: string) => phonePage.locator('.phone').filter({ hasText: phone });
    await listed(people.mobile1.phone).locator('[data-provider="tencent"]').waitFor();
    await listed(people.foreign.phone).locator('[data-provider="twilio"]').waitFor();
    await listed(people.landline.phone).locator('[data-provider="tencent"]').waitFor();
    await expect(listed(people.foreign.phone).locator('[data-provider="tencent"]').count()).resolves.toBe(0);

    await phonePage
      .locator('.bubble.outbound[data-provider="tencent"]')
      .filter({ hasText: /【Muster】.*液氯泄漏/ })
      .waitFor();
    await expect(phonePage.locator('form.reply').getAttribute('data-provider')).resolves.toBe('tencent');
    await phonePage.locator('.quick button', { hasText: /^1$/ }).click();
    await phonePage.locator('.bubble.inbound[data-provider="tencent"]').filter({ hasText: '1' }).waitFor();
    await row(people.mobile1.name).and(commander.locator('[data-state="acknowledged"]')).waitFor();
    await screenshot(phonePage, 'phone-simulator-tencent-sms-zh');

    // The landline takes no text: Tencent calls it at once, and the call waits for a key.
    await phonePage.goto(`${stack.emulator.url}/#${encodeURIComponent(people.landline.phone)}`);
    const call = phonePage.locator('.call[data-provider="tencent"][data-status="answered"]');
    await call.filter({ hasText: /应急呼叫：.*液氯泄漏/ }).waitFor();
    await phonePage.locator('#lang').click();
    await phonePage.locator('.call[data-provider="tencent"]').getByText('Voice notification').waitFor();
    await screenshot(phonePage, 'phone-simulator-tencent-call-en');
    await call.locator('.keypad button', { hasText: /^1$/ }).click();
    await phonePage.locator('.call[data-provider="tencent"][data-status="completed"]').waitFor();
    await row(people.landline.name).and(commander.locator('[data-state="acknowledged"]')).waitFor();

    // The foreign number was texted by Twilio alone.
    await phonePage.goto(`${stack.emulator.url}/#${encodeURIComponent(people.foreign.phone)}`);
    await phonePage.locator('.bubble.outbound[data-provider="twilio"]').first().waitFor();
    await expect(phonePage.locator('.bubble[data-provider="tencent"]').count()).resolves.toBe(0);
    expect(stack.tencent!.messages({ to: people.foreign.phone })).toEqual([]);
    await phoneContext.close();
    expect(errors).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  }, 60_000);

  it("warns before a second call-out that the mobiles are at Tencent's daily cap, and shows its rate", async () => {
    await commander.getByTestId('language-switcher').selectOption('zh-CN');
    const dialog = await fillDialog();
    const tencent = provider(dialog, 'tencent');
    // The two mobiles had their one text of the day in the first call-out.
    await tencent
      .getByTestId('callout-delivery-cap')
      .getByText(/^2 个号码今天已达腾讯云每号每日 1 条的上限/)
      .waitFor();
    await expect(tencent.getByTestId('callout-delivery-rate').textContent()).resolves.toBe(
      '限速每秒 5 条：全部短信约需 1 秒',
    );
    await expect(provider(dialog, 'twilio').getByTestId('callout-delivery-cap').count()).resolves.toBe(0);
    await dialog.getByTestId('callout-delivery').scrollIntoViewIfNeeded();
    await screenshot(commander, 'callouts-mainland-preview-cap-zh');
    await dialog.getByRole('button', { name: '取消' }).click();
  }, 60_000);
});
