import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { CHLORINE_TITLE, WAREHOUSE_TITLE } from '../../server/src/demo/drills-demo.js';
import { ConsoleBrowser, requireBuiltConsole, screenshot, shot } from '../support/browser.js';
import { Phone, startCalloutStack, type CalloutStack } from '../support/callouts.js';
import { incidentReport } from '../support/incidents.js';

const RESPONDER = '赵立新';
const MESSAGE = '演练：钢瓶库氯气泄漏，危化品应急处置队到东门集合';
const OBSERVATION = '报警后值班长先电话核实再上报，耽误约一分钟';

/**
 * The director runs the demo chlorine-leak drill from the console: starts the scenario clock,
 * releases the first inject by hand, calls out a responder on the roster who accepts on the
 * simulated phone, watches the metrics follow, ends the drill and reads the response time in
 * the after-action report. Before that, the scenario editor shows a 400's field problems beside
 * the inject they are about.
 */
describe('drills in the web console', () => {
  let stack: CalloutStack;
  let ui: ConsoleBrowser;
  let context: BrowserContext;
  let director: Page;
  let runId = '';

  async function api<T>(method: 'get' | 'post', url: string, body?: object): Promise<T> {
    const token = await stack.t.token('commander');
    const req = stack.t.http[method](url).set('Authorization', `Bearer ${token}`);
    const res = body ? await req.send(body) : await req;
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    // Real escalation time: the responder answers long before a call or a next tier would come.
    stack = await startCalloutStack({}, 1, { web: true });
    ui = await ConsoleBrowser.launch(stack.publicUrl);
    context = await ui.newContext({ viewport: { width: 1440, height: 1000 } });
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await stack?.close();
  });

  it('shows a 400 of the scenario editor beside the inject it is about', async () => {
    director = await ui.newPage(context, 'director');
    await ui.signIn(director, 'commander@muster.test');
    await director.getByTestId('nav-drills').click();
    await director.waitForURL('**/drills');
    await director.getByRole('link', { name: '演练脚本库' }).click();
    await director.getByTestId('scenario-table').getByRole('link', { name: CHLORINE_TITLE }).click();
    const timeline = director.getByTestId('inject-timeline');
    await timeline.getByTestId('scenario-inject').first().waitFor();
    const before = await timeline.getByTestId('scenario-inject').count();
    expect(before).toBeGreaterThan(3);
    expect(await timeline.getByTestId('inject-offset').first().textContent()).toBe('T+00:30');

    // A new inject with nothing filled in: the server names its synopsis and message text.
    await director.getByTestId('inject-add').click();
    const added = timeline.getByTestId('scenario-inject').nth(before);
    await director.getByTestId('scenario-save').click();
    await added.locator('.field__error').first().waitFor();
    expect(await director.locator('.drill-inject--invalid').count()).toBe(1);
    expect(await added.getAttribute('class')).toContain('drill-inject--invalid');
    await added.getByRole('button', { name: '删除' }).click();
    expect(await timeline.getByTestId('scenario-inject').count()).toBe(before);
  }, 60_000);

  it('copies a scenario and archives the copy out of the library', async () => {
    await director.getByTestId('scenario-copy').click();
    await director.waitForURL((url) => /\/drills\/scenarios\/[0-9a-f-]{36}$/.test(url.pathname));
    await director.getByTestId('scenario-versions').getByText('李卫东 (应急指挥)').waitFor();
    director.once('dialog', (dialog) => void dialog.accept());
    await director.getByTestId('scenario-archive').click();
    await director.waitForURL('**/drills/scenarios');
    const table = director.getByTestId('scenario-table');
    await table.getByRole('link', { name: CHLORINE_TITLE, exact: true }).waitFor();
    expect(await table.getByRole('link', { name: `${CHLORINE_TITLE}（副本）` }).count()).toBe(0);
  }, 60_000);

  it('lets the director start the demo drill and release an inject into the drill room', async () => {
    const runs = await api<{ items: { id: string; title: string; status: string }[] }>(
      'get',
      '/api/drills/runs?status=scheduled',
    );
    const run = runs.items.find((r) => r.title === CHLORINE_TITLE);
    expect(run).toBeDefined();
    runId = run!.id;

    await director.getByTestId('nav-drills').click();
    await director
      .locator(`[data-testid="run-row"][data-run-id="${runId}"]`)
      .getByRole('link')
      .first()
      .click();
    await director.waitForURL(`**/drills/runs/${runId}`);
    const clock = director.getByTestId('drill-clock');
    await clock.waitFor();
    await director.getByTestId('drill-watermark').waitFor();
    expect(await director.getByTestId('drill-watermark').textContent()).toContain('演练');
    expect(await clock.getAttribute('data-running')).toBe('false');

    await director.getByTestId('drill-start').click();
    await director.locator('[data-testid="drill-clock"][data-running="true"]').waitFor({ timeout: 15_000 });
    await director.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    // The clock ticks on its own between fetches.
    await director.waitForFunction(
      () => Number(document.querySelector('[data-testid="drill-clock"]')?.getAttribute('data-seconds')) >= 2,
      undefined,
      { timeout: 10_000 },
    );
    const timeline = director.getByTestId('timeline');
    await timeline.locator('[data-type="drill.started"]').waitFor({ timeout: 15_000 });

    // "Release now" on the first pending inject, the alarm at T+00:30.
    const first = director.locator('[data-testid="inject-row"][data-state="pending"]').first();
    const synopsis = (await first.locator('strong').textContent()) ?? '';
    expect(synopsis).toContain('氯气报警');
    await first.getByTestId('inject-release').click();
    await director
      .locator('[data-testid="inject-row"][data-state="released"]')
      .filter({ hasText: synopsis })
      .waitFor();
    await timeline.locator('[data-type="drill.inject"]').filter({ hasText: synopsis }).waitFor();
    await director.getByTestId('drill-metrics').getByTestId('action-metric').first().waitFor();
    await screenshot(director, 'drill-console');
  }, 60_000);

  it('lets the director add someone to the roster during the drill', async () => {
    const panel = director.getByTestId('drill-roster');
    expect(await panel.textContent()).not.toContain('袁刚');
    await panel.getByTestId('roster-edit').click();
    const form = director.getByTestId('roster-form');
    await form.getByRole('searchbox').fill('袁刚');
    await form.getByTestId('roster-contacts').getByRole('checkbox').first().check();
    await form.getByRole('button', { name: '保存名单' }).click();
    await form.waitFor({ state: 'hidden' });
    await panel.getByText('袁刚').waitFor();
  }, 60_000);

  it('follows a roster responder acknowledging on the simulated phone in the board and the metrics', async () => {
    const found = await api<{ items: { name: string; phones: string[] }[] }>(
      'get',
      `/api/contacts?q=${encodeURIComponent(RESPONDER)}`,
    );
    const phone = new Phone(stack.emulator, found.items.find((c) => c.name === RESPONDER)!.phones[0]);

    await director.getByTestId('callout-open-dialog').click();
    const dialog = director.getByTestId('callout-dialog');
    await dialog.waitFor();
    // A drill offers its roster and nobody else: exactly its people and teams, and no policy.
    const { roster } = await api<{ roster: { contacts: { name: string }[]; teams: { name: string }[] } }>(
      'get',
      `/api/drills/runs/${runId}`,
    );
    expect(roster.teams.length).toBeGreaterThan(0);
    await dialog.getByTestId('callout-team-option').first().waitFor();
    await dialog.getByTestId('callout-contact-option').first().waitFor();
    const offered = (testId: string) =>
      dialog
        .getByTestId(testId)
        .evaluateAll((options) => options.map((o) => o.querySelector('input + span')?.textContent ?? ''));
    expect((await offered('callout-team-option')).sort()).toEqual(roster.teams.map((x) => x.name).sort());
    expect((await offered('callout-contact-option')).sort()).toEqual(
      roster.contacts.map((x) => x.name).sort(),
    );
    expect(await dialog.getByTestId('callout-policy').count()).toBe(0);
    await screenshot(director, 'drill-callout-dialog');
    await dialog.getByTestId('callout-contact-search').fill(RESPONDER);
    await dialog
      .getByTestId('callout-contact-option')
      .filter({ hasText: RESPONDER })
      .locator('input')
      .check();
    await dialog.getByTestId('callout-message').fill(MESSAGE);
    await dialog.locator('[data-testid="callout-preview-item"][data-language="zh-CN"]').waitFor();
    await dialog.getByTestId('callout-send').click();
    await dialog.waitFor({ state: 'hidden' });

    // A hazard reminder falling due may text this person too; the call-out is the one with its message.
    let sms = await phone.expectSms();
    while (!sms.body.includes(MESSAGE)) sms = await phone.expectSms();
    expect(sms.body).toContain('【演练】');
    await phone.reply('1');
    await director
      .locator('[data-testid="callout-recipient"][data-state="acknowledged"]')
      .filter({ hasText: RESPONDER })
      .waitFor({ timeout: 15_000 });

    const metrics = director.getByTestId('drill-metrics');
    const responder = metrics.locator('[data-testid="responder-metric"][data-state="acknowledged"]').filter({
      hasText: RESPONDER,
    });
    await responder.waitFor({ timeout: 15_000 });
    // Answered by SMS reply, in the same words the call-out board uses.
    expect(await responder.textContent()).toContain('已确认 · 短信');
    expect(await responder.getByTestId('responder-time').getAttribute('data-seconds')).toMatch(
      /^\d+(\.\d+)?$/,
    );
    // The alarm inject expected a call-out and an acknowledgement within five minutes: both met.
    await metrics
      .locator('[data-testid="action-metric"][data-outcome="met"]')
      .nth(1)
      .waitFor({ timeout: 15_000 });
    expect(Number(await metrics.getByTestId('metric-met').textContent())).toBeGreaterThanOrEqual(2);
    await screenshot(director, 'drill-metrics', true);
  }, 60_000);

  it('stops the scenario clock on pause, runs it again on resume, and alerts the director to a real incident', async () => {
    const clock = director.getByTestId('drill-clock');
    await director.getByTestId('drill-pause').click();
    await director.locator('[data-testid="drill-clock"][data-running="false"]').waitFor();
    const stopped = await clock.getAttribute('data-seconds');
    await director.waitForTimeout(1_500);
    expect(await clock.getAttribute('data-seconds')).toBe(stopped);
    await director.getByTestId('drill-resume').click();
    await director.locator('[data-testid="drill-clock"][data-running="true"]').waitFor();
    await director.waitForFunction(
      (before) =>
        Number(document.querySelector('[data-testid="drill-clock"]')?.getAttribute('data-seconds')) > before,
      Number(stopped),
    );

    // A real incident filed meanwhile is put in front of the director, without a reload.
    await api('post', '/api/incidents', incidentReport({ title: '真实事件：锅炉房蒸汽管道泄漏' }));
    const alert = director.getByTestId('real-incident-alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('锅炉房蒸汽管道泄漏');
  }, 60_000);

  it("lets the roster's evaluator tag an event of the running drill and fill in the form", async () => {
    const evaluatorContext = await ui.newContext({ viewport: { width: 1440, height: 1000 } });
    try {
      const evaluator = await ui.newPage(evaluatorContext, 'evaluator');
      await ui.signIn(evaluator, 'evaluator@muster.test');
      await evaluator.goto(`${stack.publicUrl}/drills/runs/${runId}/evaluate`);
      await evaluator.getByTestId('drill-watermark').waitFor();
      const entry = evaluator
        .getByTestId('evaluator-timeline')
        .locator('li[data-type="drill.inject"]')
        .first();
      await entry.waitFor();
      await entry.getByTestId('tag-event').click();
      await entry.getByRole('radio', { name: '待改进' }).check();
      await entry.getByRole('textbox').fill(OBSERVATION);
      await entry.getByRole('button', { name: '记录' }).click();
      await evaluator.locator('li[data-type="drill.inject"][data-tagged="true"]').first().waitFor();
      await evaluator.getByTestId('observations').getByText(OBSERVATION).waitFor();

      const form = evaluator.getByTestId('evaluation-form');
      await form.locator('tr[data-dimension="response_speed"]').getByRole('radio', { name: '5' }).check();
      await form.getByLabel('总体评价').fill('响应迅速，呼叫及时得到确认。');
      await form.getByRole('button', { name: '保存评估表' }).click();
      await form.getByText('已保存').waitFor();
    } finally {
      await evaluatorContext.close();
    }
  }, 60_000);

  it('ends the drill, and the report shows the response time', async () => {
    await director.getByTestId('drill-end').click();
    await director.getByTestId('drill-end-confirm').click();
    await director.locator('[data-testid="drill-clock"][data-running="false"]').waitFor({ timeout: 15_000 });
    await director.getByTestId('run-title').filter({ hasText: '已结束' }).waitFor();
    const stopped = await director.getByTestId('drill-clock').getAttribute('data-seconds');
    await director.waitForTimeout(1_500);
    expect(await director.getByTestId('drill-clock').getAttribute('data-seconds')).toBe(stopped);
    expect(await director.getByTestId('drill-pause').count()).toBe(0);

    await director.getByRole('link', { name: '总结报告' }).first().click();
    await director.waitForURL(`**/drills/runs/${runId}/report`);
    const report = director.getByTestId('drill-report');
    await report.waitFor();
    const time = report
      .locator('[data-testid="report-responder"]')
      .filter({ hasText: RESPONDER })
      .getByTestId('report-response-time');
    await time.waitFor();
    expect(await time.getAttribute('data-seconds')).toMatch(/^\d+(\.\d+)?$/);
    expect(await time.textContent()).toMatch(/^\d+:\d{2}$/);
    expect(await report.getByTestId('report-timeline').textContent()).toContain('氯气报警');
    expect(await report.textContent()).toContain(OBSERVATION);
    expect(await report.getByTestId('report-dimensions').textContent()).toContain('响应速度');

    await screenshot(director, 'drill-report', true);

    await director.goto(`${stack.publicUrl}/drills/compliance`);
    await director.getByTestId('compliance-table').locator('tbody tr').first().waitFor();
    // MEM Order 2 Art. 33: the year's drill plans against the drills done, the zone's own first,
    // and the listed units' drills awaiting their report to the department.
    const planned = director.getByTestId('compliance-planned');
    await planned.locator('tr[data-enterprise="zone"]').waitFor();
    expect(await planned.locator('tr[data-enterprise="zone"]').textContent()).toContain('园区（管委会）');
    expect(await director.getByRole('heading', { name: /未报送主管部门的演练/ }).count()).toBe(1);
    await shot(director, 'drill-compliance-zh', 1400);
    await director.getByTestId('language-switcher').selectOption('en');
    await director.getByRole('heading', { name: /planned and done/ }).waitFor();
    await shot(director, 'drill-compliance-en', 1400);
    await director.getByTestId('language-switcher').selectOption('zh-CN');
  }, 60_000);

  it("MEM Order 2 Art. 33: the zone administrator records an enterprise's drill category in the register", async () => {
    const adminContext = await ui.newContext({ viewport: { width: 1600, height: 1000 } });
    try {
      const admin = await ui.newPage(adminContext, 'admin');
      await ui.signIn(admin, 'admin@muster.test');
      await admin.goto(`${stack.publicUrl}/enterprises`);
      const table = admin.getByTestId('enterprise-table');
      const coalchem = table.locator('tr', { hasText: '淮北华晟煤化工有限公司' });
      // The demo's chemical plant is a listed unit, as the zone recorded it.
      expect(await coalchem.getByTestId('regulatory-category').getAttribute('data-category')).toBe(
        'dangerous_goods',
      );
      const textile = table.locator('tr', { hasText: '安徽绿源纺织有限公司' });
      await textile.getByRole('combobox').selectOption('crowded_place');
      await textile.getByRole('button', { name: '保存' }).click();
      await textile.locator('[data-testid="regulatory-category"][data-category="crowded_place"]').waitFor();
      await shot(admin, 'enterprise-category-zh');
      await textile.getByRole('combobox').selectOption('other');
      await textile.getByRole('button', { name: '保存' }).click();
      await textile.locator('[data-testid="regulatory-category"][data-category="other"]').waitFor();
    } finally {
      await adminContext.close();
    }
  }, 60_000);

  it('schedules a tabletop run with a roster and an evaluator', async () => {
    await director.goto(`${stack.publicUrl}/drills`);
    await director.getByTestId('run-schedule').click();
    const form = director.getByTestId('schedule-form');
    await form.getByLabel('演练脚本').selectOption({ label: `${WAREHOUSE_TITLE} (v1)` });
    await form.getByRole('searchbox').fill('马俊');
    await form.getByTestId('roster-contacts').getByRole('checkbox').first().check();
    await form.getByTestId('roster-evaluators').getByRole('checkbox', { name: '赵勇 (演练评估员)' }).check();
    await form.getByRole('button', { name: '安排' }).click();
    await director.waitForURL((url) => /\/drills\/runs\/[0-9a-f-]{36}$/.test(url.pathname));
    const roster = director.getByTestId('drill-roster');
    await roster.getByText('马俊').waitFor();
    expect(await roster.textContent()).toContain('赵勇 (演练评估员)');
    // The scenario's own teams are on the roster unless the director changes them.
    expect(await roster.textContent()).toContain('疏散引导队');

    ui.expectCleanRun();
  }, 60_000);
});
