import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunView } from '@muster/contracts';
import { CHLORINE_TITLE } from '../../server/src/demo/drills-demo.js';
import { Db } from '../../server/src/database/db.js';
import { ConsoleBrowser, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';

const FINECHEM = '淮北龙山精细化工有限公司';
const COALCHEM = '淮北华晟煤化工有限公司';
/** Upwind of the leak in the south-easterly. */
const ASSEMBLY_POINT = '管委会广场集合点';
const PLUME = '氯气连续泄漏 0.5 kg/s，900 秒（烟羽模型）';

/**
 * The demo chlorine drill from end to end: the commander runs the plume model in the drill room,
 * the footprint appears on the officer's open map, the commander warns the AEGL-2 zone (in a
 * drill only the roster is paged, marked 【演练】), the plant's safety lead reads the warning on
 * the phone simulator, and the roll call opened over the zone fills from SMS replies to 100 %.
 */
describe('the demo chlorine drill: model, warn, count', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commanderContext: BrowserContext;
  let commander: Page;
  let officer: Page;
  let incidentId = '';
  const phoneErrors: string[] = [];

  async function contactPhone(name: string): Promise<Phone> {
    const [row]: { phone: string }[] = await stack.t
      .get(Db)
      .manager.query(`SELECT phones[1] AS phone FROM contact WHERE name = $1`, [name]);
    return new Phone(stack.emulator, row!.phone);
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time: the replies come long before a call would follow an SMS.
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    commanderContext = await ui.newContext({ viewport: { width: 1440, height: 1000 } });
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it("starts the demo drill and opens its room on the officer's and the commander's screens", async () => {
    const token = await stack.t.token('commander');
    const runs = await stack.t.http
      .get('/api/drills/runs?status=scheduled')
      .set('Authorization', `Bearer ${token}`);
    const run = (runs.body.items as RunView[]).find((r) => r.title === CHLORINE_TITLE)!;
    const started = await stack.t.http
      .post(`/api/drills/runs/${run.id}/start`)
      .set('Authorization', `Bearer ${token}`);
    expect(started.status).toBeLessThan(300);
    incidentId = (started.body as RunView).incidentId!;

    officer = await ui.openPage('officer', { viewport: { width: 1440, height: 960 } });
    await ui.signIn(officer, 'officer2@muster.test');
    await officer.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await officer.getByTestId('room-map').waitFor();
    await officer.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    expect(await officer.locator('.threat-zone').count()).toBe(0);

    commander = await ui.newPage(commanderContext, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
  }, 60_000);

  it("runs the chlorine plume and the footprint appears on the officer's open map", async () => {
    await commander.getByRole('tab', { name: '后果模型' }).click();
    const panel = commander.getByTestId('consequence-panel');
    await panel.getByLabel('模型').selectOption('plume');
    await panel.getByLabel('物质').selectOption('chlorine');
    await panel.getByLabel('泄漏速率（kg/s）').fill('0.5');
    await panel.getByLabel('持续时间（秒）').fill('900');
    await panel.getByLabel('风速（m/s，10 m 高）').fill('3.5');
    // The scenario's south-easterly: the gas drifts north-west over the neighbouring plant.
    await panel.getByLabel('风向（来向，度，北为 0）').fill('135');
    await panel.getByLabel('夜间').check();
    await panel.getByLabel('云量（0–8 成）').fill('5');
    await panel.getByRole('button', { name: '采用' }).click();
    await panel.getByRole('button', { name: '计算并标绘' }).click();
    const run = panel.getByTestId('consequence-run').first();
    await run.waitFor({ timeout: 15_000 });
    expect(await run.textContent()).toContain(PLUME);

    await officer.locator('.threat-zone').nth(2).waitFor({ timeout: 15_000 });
    expect(await officer.locator('.threat-zone').count()).toBe(3);
    expect(await officer.getByTestId('threat-legend').textContent()).toContain('AEGL-2');
    await shot(officer, 'chlorine-drill-officer-map-zh');
  }, 60_000);

  it('warns the AEGL-2 zone: only the roster is paged, marked as a drill, and the phone gets it', async () => {
    await commander.getByRole('tab', { name: /^预警/ }).click();
    const panel = commander.getByTestId('warning-panel');
    await panel.getByTestId('warning-area').selectOption({ label: `${PLUME} · AEGL-2` });
    await panel.getByRole('button', { name: '查看区内目标' }).click();
    const counts = panel.getByTestId('warning-counts');
    await counts.waitFor();
    await panel.getByText(FINECHEM).first().waitFor();
    // Both plants under the AEGL-2 footprint are listed, everyone in them with a number; the
    // drill pages the four on its roster and says how many it leaves out.
    await panel.getByText(COALCHEM).first().waitFor();
    expect(await counts.textContent()).toMatch(/^2 家企业 .*将通知 4 个号码/);
    expect(await panel.textContent()).toMatch(/演练：\d+ 个号码不在演练名单内/);
    expect(await panel.getByTestId('warning-send').textContent()).toBe('发送演练预警');
    await panel.getByTestId('warning-text').fill('龙山精细化工液氯钢瓶泄漏，氯气向西北方向扩散');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(commander, 'chlorine-drill-warning-preview-zh');
    await panel.getByTestId('warning-send').click();

    const lead = await contactPhone('赵立新');
    const sms = await lead.expectSms();
    expect(sms.body).toContain('【演练】');
    expect(sms.body).toContain('龙山精细化工液氯钢瓶泄漏');

    const phoneContext = await ui.newContext({ viewport: { width: 900, height: 800 } });
    // The simulator is the emulator's own page, not the console: its requests go to the emulator.
    const phonePage = await phoneContext.newPage();
    phonePage.on('pageerror', (e) => phoneErrors.push(e.message));
    await phonePage.goto(`${stack.emulator.url}/#${encodeURIComponent(lead.number)}`);
    await phonePage
      .locator('.bubble.outbound')
      .filter({ hasText: /【演练】.*龙山精细化工液氯钢瓶泄漏/ })
      .waitFor();
    await screenshot(phonePage, 'chlorine-drill-phone-zh');
    await phoneContext.close();
    // Nobody off the roster got anything: the drill cannot warn the neighbours for real.
    const roster = await Promise.all(['赵立新', '顾晨', '孟凡', '李志强'].map(contactPhone));
    await Promise.all(roster.filter((p) => p.number !== lead.number).map((p) => p.expectSms()));
    const paged = new Set(stack.emulator.messages().map((m) => (m as { to: string }).to));
    expect([...paged].sort()).toEqual(roster.map((p) => p.number).sort());

    const row = panel.getByTestId('warning-row').filter({ hasText: lead.number });
    await row
      .getByTestId('warning-state')
      .filter({ hasText: /已通知|待发送|已送达/ })
      .waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(commander, 'chlorine-drill-warning-board-zh');
  }, 60_000);

  it('opens a roll call over the zone and the board fills from SMS replies to 100 %', async () => {
    await commander
      .getByRole('tablist')
      .getByRole('tab', { name: /^清点人数/ })
      .click();
    const board = commander.getByTestId('rollcall-board');
    await board.getByRole('button', { name: '开始清点人数' }).click();
    const form = commander.getByTestId('rollcall-open-form');
    await form.waitFor();
    // The plants inside the model's zones are ticked: the leaking one and its neighbour downwind.
    const ticked = await form
      .locator('fieldset')
      .nth(1)
      .getByRole('checkbox', { checked: true })
      .evaluateAll((boxes) => boxes.map((b) => b.parentElement?.querySelector('span')?.textContent));
    expect(ticked).toEqual([FINECHEM, COALCHEM]);
    await form.getByRole('checkbox', { name: new RegExp(ASSEMBLY_POINT) }).check();
    await form.getByRole('button', { name: /^开始清点（1 个集结点，2 家企业）/ }).click();
    await form.waitFor({ state: 'hidden' });
    const rows = board.getByTestId('rollcall-enterprise');
    await expect(rows.count()).resolves.toBe(2);
    await rows.filter({ hasText: COALCHEM }).getByText('等待上报').waitFor();

    const fine = await contactPhone('赵立新');
    const coal = await contactPhone('李志强');
    for (const phone of [fine, coal]) {
      let sms = await phone.expectSms();
      while (!sms.body.includes('清点人数')) sms = await phone.expectSms();
      expect(sms.body).toContain('【演练】');
    }

    await fine.reply('到 22/24');
    await rows.filter({ hasText: FINECHEM }).getByText('22 / 24 人（92%）').waitFor();
    await coal.reply('到 48/48');
    await board.getByTestId('rollcall-totals').getByText('70 / 72 人（97%）').waitFor();
    await board.getByTestId('rollcall-totals').scrollIntoViewIfNeeded();
    await screenshot(commander, 'chlorine-drill-rollcall-partial-zh');
    // The two operators last seen at the cylinder store reach the point.
    await fine.reply('到 24/24');
    await board.getByTestId('rollcall-totals').getByText('72 / 72 人（100%）').waitFor();
    await rows.filter({ hasText: FINECHEM }).getByText('24 / 24 人（100%）').waitFor();
    await rows.last().scrollIntoViewIfNeeded();
    await screenshot(commander, 'chlorine-drill-rollcall-full-zh');

    await commander.getByTestId('language-switcher').selectOption('en');
    await board.getByTestId('rollcall-totals').getByText('72 of 72 (100 %)').waitFor();
    await rows.last().scrollIntoViewIfNeeded();
    await screenshot(commander, 'chlorine-drill-rollcall-full-en');
  }, 60_000);

  it('raised no page errors and sent nothing off the machine', () => {
    ui.expectCleanRun();
    expect(phoneErrors).toEqual([]);
  });
});
