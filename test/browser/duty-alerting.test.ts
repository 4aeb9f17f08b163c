import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

/**
 * Nobody files from the console here: an enterprise officer's report arrives by the API while the
 * commander has the incident list open, the duty officer answers the page by SMS, and the list and
 * the room show who took it in charge without a reload. The zone admin keeps the policy.
 */
describe('duty alerting in the console', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commander: Page;
  let duty: { name: string; phone: Phone };

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time: the duty officer answers long before a call or the next tier.
    stack = await startCalloutStack({}, 1, { web: true, dutyAlerting: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    const token = await stack.t.token('commander');
    const policy = await stack.t.http.get('/api/duty/policy').set('Authorization', `Bearer ${token}`);
    const onCall = await stack.t.http
      .get(`/api/rotations/${policy.body.dutyRotationId}/on-call`)
      .set('Authorization', `Bearer ${token}`);
    duty = {
      name: onCall.body.contact.name,
      phone: new Phone(stack.emulator, onCall.body.contact.phones[0]),
    };
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('shows live in the list and the room who took a filed incident in charge', async () => {
    commander = await ui.openPage('commander', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents`);
    await commander.getByTestId('incident-table').waitFor();

    const officer = await stack.t.token('enterprise_officer');
    const res = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(
        incidentReport({
          title: '值班报警演示：反应釜温度失控起火',
          category: 'fire',
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1 },
        }),
      );
    expect(res.status).toBe(201);
    const row = commander.locator(`[data-testid="incident-row"][data-incident-id="${res.body.id}"]`);
    await row.getByTestId('taken-in-charge').filter({ hasText: '尚无人接警' }).waitFor();

    const sms = await duty.phone.expectSms();
    expect(sms.body).toContain('反应釜温度失控起火');
    await duty.phone.reply('1');
    await row
      .getByTestId('taken-in-charge')
      .filter({ hasText: `${duty.name}已接警` })
      .waitFor();
    await screenshot(commander, 'duty-list-taken-in-charge');

    await commander.goto(`${stack.publicUrl}/incidents/${res.body.id}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await commander
      .getByTestId('taken-in-charge')
      .filter({ hasText: `${duty.name}已接警` })
      .waitFor();
    await commander
      .getByText(new RegExp(`${duty.name}已接警（报告后\\d+分钟）`))
      .first()
      .waitFor();
    await screenshot(commander, 'duty-room-taken-in-charge');
  });

  it('lets the zone admin change the policy, in Chinese and in English; commanders only read it', async () => {
    const admin = await ui.openPage('admin', { viewport: { width: 1440, height: 1400 } });
    await ui.signIn(admin, 'admin@muster.test');
    await admin.goto(`${stack.publicUrl}/plans`);
    await admin.getByRole('link', { name: '值班报警策略' }).click();
    const form = admin.getByTestId('duty-policy');
    await form.waitFor();
    // The demo policy names the zone's 24-hour duty rotation (its option comes with the directory).
    const rotation = form.getByLabel('值班轮换（当班人员即值班员）');
    await rotation.locator('option', { hasText: '管委会应急值班' }).waitFor({ state: 'attached' });
    expect(await rotation.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toContain(
      '管委会应急值班',
    );
    await admin.getByTestId('duty-rule-0').waitFor();
    await screenshot(admin, 'duty-policy-zh', true);

    // Tier 1 waits 3 minutes instead of 5.
    await form.getByLabel('确认时限（秒）').first().fill('180');
    await form.getByRole('button', { name: '保存策略' }).click();
    await admin.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const token = await stack.t.token('zone_admin');
    const saved = await stack.t.http.get('/api/duty/policy').set('Authorization', `Bearer ${token}`);
    expect(saved.body.tiers[0].ackTimeoutSeconds).toBe(180);
    expect(saved.body.rules.length).toBeGreaterThanOrEqual(3);

    await admin.getByTestId('language-switcher').selectOption('en');
    await admin.getByRole('heading', { name: 'Duty alerting policy' }).waitFor();
    await form.getByText('The duty officer on call').first().waitFor();
    await screenshot(admin, 'duty-policy-en', true);

    await commander.goto(`${stack.publicUrl}/plans/duty`);
    await commander.getByText('仅园区管理员可以修改值班报警策略。').waitFor();
    expect(await commander.getByRole('button', { name: '保存策略' }).count()).toBe(0);
  });
});
