import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import type { CalloutView } from '@muster/contracts';
import { ConsoleBrowser, PAST_LOGIN, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';

/**
 * A responder signs in on their phone: their console home lists the call-outs that page them,
 * a drill's marked as one, and accepting there updates the commander's board in the room live.
 * The demo's responder1 is 孙浩 of the zone's fire team in the directory.
 */
describe("a responder's console home", () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commanderContext: BrowserContext;
  let phoneContext: BrowserContext;
  let commander: Page;
  let responder: Page;
  let incidentId = '';
  let live: CalloutView;
  let drill: CalloutView;
  let ended: CalloutView;

  const as = async (role: 'commander' | 'zone_admin') => ({
    Authorization: `Bearer ${await stack.t.token(role)}`,
  });

  async function contactId(name: string): Promise<string> {
    const res = await stack.t.http
      .get(`/api/contacts?q=${encodeURIComponent(name)}`)
      .set(await as('commander'));
    const found = res.body.items.find((c: { name: string }) => c.name === name);
    if (!found) throw new Error(`demo contact ${name} is missing`);
    return found.id;
  }

  async function callout(incident: string, contactIds: string[], message: string): Promise<CalloutView> {
    const res = await stack.t.http
      .post(`/api/incidents/${incident}/callouts`)
      .set(await as('commander'))
      .send({ contactIds, message });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time: the responder answers long before a call or a next tier would come.
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    commanderContext = await ui.newContext({ viewport: { width: 1440, height: 1000 } });
    phoneContext = await ui.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });

    const officer = await stack.t.token('enterprise_officer');
    const filed = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(incidentReport());
    expect(filed.status).toBe(201);
    incidentId = filed.body.id;
    const sunhao = await contactId('孙浩');
    const dingjie = await contactId('丁杰');

    // One that has ended for him already, for the recent list.
    ended = await callout(incidentId, [sunhao], '请到二号门待命');
    await stack.t.http
      .post(`/api/callouts/${ended.id}/cancel`)
      .set(await as('commander'))
      .expect(200);

    // A drill in which he is on the roster: its call-out is a drill's, marked as such.
    const scenario = await stack.t.http
      .post('/api/drills/scenarios')
      .set(await as('commander'))
      .send(await scenarioDocument(stack.t, [messageInject('a', 3600)]));
    expect(scenario.status).toBe(201);
    const run = await stack.t.http
      .post('/api/drills/runs')
      .set(await as('commander'))
      .send({
        scenarioId: scenario.body.id,
        scheduledFor: new Date().toISOString(),
        contactIds: [sunhao],
        evaluatorIds: [],
      });
    expect(run.status).toBe(201);
    const started = await stack.t.http
      .post(`/api/drills/runs/${run.body.id}/start`)
      .set(await as('commander'));
    expect(started.status).toBe(200);
    drill = await callout(started.body.incidentId, [sunhao], '演练：液氯泄漏，请到龙山路东门集结');
    expect(drill.isDrill).toBe(true);

    // The real one, paging two so that his answer alone does not end it.
    live = await callout(incidentId, [sunhao, dingjie], '液氯泄漏，请携带正压式空气呼吸器到东门集合');
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('shows the open call-outs first, accepts one, and the commander’s board follows', async () => {
    commander = await ui.newPage(commanderContext, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    const row = commander
      .locator(`[data-testid="callout"]:has([data-testid="callout-recipient"])`)
      .getByTestId('callout-recipient')
      .filter({ hasText: '孙浩' })
      .first();
    await row.waitFor();
    expect(
      await commander.locator('[data-testid="callout-recipient"][data-state="acknowledged"]').count(),
    ).toBe(0);

    responder = await ui.newPage(phoneContext, 'responder');
    await ui.signIn(responder, 'responder1@muster.test', PAST_LOGIN);
    const open = responder.getByTestId('my-callouts-open');
    const card = open.locator(`[data-testid="my-callout"][data-callout="${live.id}"]`);
    await card.waitFor();
    expect(await open.getByTestId('my-callout').count()).toBe(2);
    await card.getByText('液氯泄漏，请携带正压式空气呼吸器到东门集合').waitFor();
    expect(await card.getByTestId('my-callout-drill').count()).toBe(0);
    const drillCard = open.locator(`[data-testid="my-callout"][data-callout="${drill.id}"]`);
    expect(await drillCard.getByTestId('my-callout-drill').textContent()).toContain('【演练】');
    // The ended one is among the recent, with what became of it.
    const recent = responder.getByTestId('my-callouts-recent').getByTestId('my-callout-recent');
    await recent.first().waitFor();
    expect(await recent.count()).toBe(1);
    expect(await recent.first().textContent()).toContain('已取消');
    // The briefing behind the SMS link is a tap away.
    const briefing = await card.getByTestId('my-callout-briefing').getAttribute('href');
    expect(briefing).toMatch(/^\/r\/[0-9a-f-]{36}\.[\w-]+$/);
    // On a phone nothing may overflow sideways.
    expect(await responder.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(responder, 'responder-home-zh', 2200);

    await card.getByTestId('my-callout-accept').click();
    await card.locator('[data-testid="my-callout-state"][data-state="acknowledged"]').waitFor();
    expect(await card.getByTestId('my-callout-accept').isDisabled()).toBe(true);
    // The commander's board, live in the room: acknowledged, in the console.
    const acked = commander
      .locator('[data-testid="callout-recipient"][data-state="acknowledged"]')
      .filter({ hasText: '孙浩' });
    await acked.waitFor({ timeout: 15_000 });
    expect(await acked.textContent()).toContain('控制台');
    // The call-out still waits for 丁杰: it stays open on the responder's home.
    expect(await open.locator(`[data-testid="my-callout"][data-callout="${live.id}"]`).count()).toBe(1);

    await responder.getByTestId('language-switcher').selectOption('en');
    await card.getByText('You have accepted').waitFor();
    expect(await drillCard.getByTestId('my-callout-drill').textContent()).toContain('[DRILL]');
    expect(await recent.first().textContent()).toContain('Cancelled');
    await shot(responder, 'responder-home-en', 2200);
    await screenshot(commander, 'responder-home-board');
  }, 90_000);

  it('moves a call-out that ends to the recent ones without a reload', async () => {
    await responder.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
    await stack.t.http
      .post(`/api/callouts/${drill.id}/cancel`)
      .set(await as('commander'))
      .expect(200);
    const open = responder.getByTestId('my-callouts-open');
    await open.locator(`[data-testid="my-callout"][data-callout="${drill.id}"]`).waitFor({
      state: 'detached',
      timeout: 30_000,
    });
    await responder.getByTestId('my-callouts-recent').getByTestId('my-callout-recent').nth(1).waitFor();
    expect(await responder.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
      true,
    );
    ui.expectCleanRun();
  }, 60_000);
});
