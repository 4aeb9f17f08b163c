import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { ConsoleBrowser, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';
import { Db } from '../../server/src/database/db.js';

const COALCHEM = '淮北华晟煤化工有限公司';
const FINECHEM = '淮北龙山精细化工有限公司';

/**
 * A commander opens a roll call in the incident room at the two assembly points drawn on its map;
 * the enterprises' safety leads answer the texted request from their phones, and the board and
 * the map fill as the replies arrive, without a reload, until everyone is accounted for.
 */
describe('roll call board in the incident room', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let commander: Page;
  let incidentId = '';

  async function safetyLead(enterprise: string): Promise<Phone> {
    const [row]: { phone: string }[] = await stack.t.get(Db).manager.query(
      `SELECT c.phones[1] AS phone FROM contact c JOIN enterprise e ON e.id = c.enterprise_id
        WHERE e.name = $1 AND c.post = '安全负责人'`,
      [enterprise],
    );
    return new Phone(stack.emulator, row!.phone);
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    const token = await stack.t.token('commander');
    const [coal]: { id: string }[] = await stack.t
      .get(Db)
      .manager.query(`SELECT id FROM enterprise WHERE name = $1`, [COALCHEM]);
    const res = await stack.t.http
      .post('/api/incidents')
      .set('Authorization', `Bearer ${token}`)
      .send(incidentReport({ enterpriseId: coal!.id }));
    expect(res.status).toBe(201);
    incidentId = res.body.id;
    for (const [label, lng, lat] of [
      // Close enough to the leak to be on the room map as it opens.
      ['南门广场', 116.8128, 33.9948],
      ['东侧停车场', 116.815, 33.9955],
    ] as const) {
      const drawn = await stack.t.http
        .post(`/api/incidents/${incidentId}/features`)
        .set('Authorization', `Bearer ${token}`)
        .send({ kind: 'assembly_point', label, geometry: { type: 'Point', coordinates: [lng, lat] } });
      expect(drawn.status).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('fills the board and the map as SMS replies arrive', async () => {
    const context = await ui.newContext({ viewport: { width: 1440, height: 1100 } });
    commander = await ui.newPage(context, 'commander');
    await ui.signIn(commander, 'commander@muster.test');
    await commander.goto(`${stack.publicUrl}/incidents/${incidentId}`);
    await commander.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    await commander
      .getByRole('tablist')
      .getByRole('tab', { name: /^清点人数/ })
      .click();
    const board = commander.getByTestId('rollcall-board');
    await board.getByText('尚未开始清点人数').waitFor();

    await board.getByRole('button', { name: '开始清点人数' }).click();
    const form = commander.getByTestId('rollcall-open-form');
    await form.waitFor();
    // Both drawn points are ticked; the plants near the leak are suggested, and we keep two.
    await expect(form.getByRole('checkbox', { name: /南门广场/ }).isChecked()).resolves.toBe(true);
    await expect(form.getByRole('checkbox', { name: new RegExp(COALCHEM) }).isChecked()).resolves.toBe(true);
    for (const box of await form.locator('fieldset').nth(1).getByRole('checkbox').all()) {
      const name = (await box.locator('xpath=..').textContent()) ?? '';
      await box.setChecked(name.includes(COALCHEM) || name.includes(FINECHEM));
    }
    await form.getByRole('button', { name: /^开始清点（2 个集结点，2 家企业）/ }).click();
    await form.waitFor({ state: 'hidden' });
    const rows = board.getByTestId('rollcall-enterprise');
    await expect(rows.count()).resolves.toBe(2);
    await rows.filter({ hasText: COALCHEM }).getByText('等待上报').waitFor();

    const coal = await safetyLead(COALCHEM);
    const fine = await safetyLead(FINECHEM);
    expect((await coal.expectSms()).body).toContain('到 45/48');
    await fine.expectSms();

    await coal.reply('到 45/48');
    await rows.filter({ hasText: COALCHEM }).getByText('45 / 48 人（94%）').waitFor();
    await board.getByTestId('rollcall-totals').getByText('45 / 48 人（94%）').waitFor();
    await commander.getByTestId('rollcall-map-label').filter({ hasText: 'A 45/48' }).waitFor();
    await shot(commander, 'rollcall-board-partial-zh');

    await fine.reply('到 30/30');
    await coal.reply('到３／４８ Ｂ');
    await board.getByTestId('rollcall-totals').getByText('78 / 78 人（100%）').waitFor();
    await rows.filter({ hasText: COALCHEM }).getByText('（B 点 3 人）').waitFor();
    await commander.getByTestId('rollcall-map-label').filter({ hasText: 'B 33/33' }).waitFor();
    await expect(board.getByTestId('rollcall-totals').getByText('尚未全部到位').count()).resolves.toBe(0);
    await board.getByTestId('rollcall-totals').scrollIntoViewIfNeeded();
    await screenshot(commander, 'rollcall-board-full-zh', true);

    await commander.getByTestId('language-switcher').selectOption('en');
    await board.getByTestId('rollcall-totals').getByText('78 of 78 (100 %)').waitFor();
    await screenshot(commander, 'rollcall-board-full-en', true);
    await commander.getByTestId('language-switcher').selectOption('zh-CN');
  }, 120_000);

  it('raised no page errors and sent nothing off the machine', () => {
    ui.expectCleanRun();
  });
});
