import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { ConsoleBrowser, demoToken, requireBuiltConsole, shot, untilStill } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const TITLE = '二号液氯储罐出口阀门泄漏';

/**
 * Two people at once: an enterprise officer files a report while the commander watches the
 * overview map and the incident list; both then work the incident room, and what the commander
 * draws reaches the officer's screen without a reload.
 */
describe('incident report and live incident room in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let commanderContext: BrowserContext;
  let officerContext: BrowserContext;
  let commanderMap: Page;
  let commanderList: Page;
  let officer: Page;
  let incidentId = '';

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    const viewport = { width: 1440, height: 960 };
    commanderContext = await ui.newContext({ viewport });
    officerContext = await ui.newContext({ viewport });
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('opens the commander on the zone map with the live incident layer, and on the incident list', async () => {
    commanderMap = await ui.newPage(commanderContext, 'commander map');
    await ui.signIn(commanderMap, 'commander@muster.test');
    const overview = commanderMap.getByTestId('incident-overview');
    await overview.waitFor();
    await overview.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    // The count shows "loading" until the first list arrives; wait for the loaded text.
    await commanderMap
      .getByTestId('open-incident-count')
      .filter({ hasText: '当前没有未结束的突发事件' })
      .waitFor({ timeout: 15_000 });
    expect(await commanderMap.locator('.incident-marker').count()).toBe(0);

    commanderList = await ui.newPage(commanderContext, 'commander list');
    await commanderList.goto(`${server.baseUrl}/incidents`);
    await commanderList.getByTestId('incident-table').waitFor();
    await commanderList.locator('[data-testid="live-status"][data-status="connected"]').waitFor();
    expect(await commanderList.getByTestId('incident-table').textContent()).toContain('暂无突发事件');
    expect(await commanderList.getByTestId('nav-incidents').textContent()).toBe('突发事件');
  }, 30_000);

  it('lets the officer file a report, grading it live as the figures are typed', async () => {
    officer = await ui.newPage(officerContext, 'officer');
    await ui.signIn(officer, 'officer1@muster.test');
    await officer.getByTestId('nav-incidents').click();
    await officer.getByTestId('file-report').click();
    await officer.waitForURL('**/incidents/new');
    const form = officer.getByTestId('report-form');
    await form.waitFor();
    const preview = officer.getByTestId('severity-preview');
    expect(await preview.getAttribute('data-severity')).toBe('ordinary');

    // Submitting an empty report names each missing field beside it, on the client.
    await form.getByRole('button', { name: '提交事故快报' }).click();
    await officer.locator('.field__error').first().waitFor();
    expect(await form.textContent()).toContain('请在地图上点击选择事发位置');
    expect(await officer.locator('[aria-invalid="true"]').count()).toBeGreaterThan(3);

    await officer.getByLabel('事故名称').fill(TITLE);
    await officer.getByLabel('事故类别').selectOption('hazardous_chemical_leak');
    // The picker opens on the officer's own site; the click there is the accident's location.
    const picker = officer.getByTestId('location-picker');
    await officer.waitForTimeout(300);
    await picker.click({ position: { x: 300, y: 150 } });
    expect(await officer.getByTestId('picked-location').textContent()).toMatch(
      /纬度 3\d\.\d{6}，经度 11\d\.\d{6}/,
    );
    await officer.getByLabel('详细地址').fill('杜集经济开发区凤凰山路88号 液氯库');
    await officer
      .getByLabel('事故简要经过')
      .fill('二号液氯储罐出口阀门密封失效，氯气泄漏，下风向车间人员已撤离。');

    // Ten serious injuries make it 较大 (relatively serious), as the figure is typed.
    await officer.getByLabel('重伤（含急性工业中毒）').fill('10');
    await officer.waitForFunction(
      () =>
        document.querySelector('[data-testid="severity-preview"]')?.getAttribute('data-severity') ===
        'relatively_serious',
    );
    expect(await preview.textContent()).toContain('较大事故');
    await officer.getByLabel('重伤（含急性工业中毒）').fill('2');
    await officer.waitForFunction(
      () =>
        document.querySelector('[data-testid="severity-preview"]')?.getAttribute('data-severity') ===
        'ordinary',
    );
    await officer.getByLabel('轻伤').fill('5');
    await officer.getByLabel('直接经济损失初步估计（元）').fill('350000');
    await officer.getByLabel('已经采取的措施').fill('关闭上游阀门，启动喷淋吸收，疏散下风向人员');
    await officer.getByLabel('联系电话').fill('13800000001');
    await shot(officer, 'incident-report-form', 1500);

    await form.getByRole('button', { name: '提交事故快报' }).click();
    await officer.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    incidentId = officer.url().split('/').pop()!;
    await officer.getByTestId('incident-room').waitFor();
    expect(await officer.getByTestId('filed-notice').textContent()).toContain('事故快报已提交');
    expect(await officer.getByTestId('room-title').textContent()).toBe(TITLE);
    await officer.locator('[data-testid="timeline"] [data-type="incident.reported"]').waitFor();
  }, 60_000);

  it("shows the new incident on the commander's open map and list without a reload", async () => {
    const marker = commanderMap.locator(`.incident-marker[data-incident-id="${incidentId}"]`);
    await marker.waitFor({ timeout: 10_000 });
    expect(await marker.getAttribute('data-severity')).toBe('ordinary');
    expect(await commanderMap.getByTestId('open-incident-count').textContent()).toContain('未结束事件 1 起');
    await marker.click();
    const popup = commanderMap.getByTestId('incident-popup');
    await popup.waitFor();
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain(TITLE);
    expect(text).toContain('一般事故');
    expect(text).toContain('已报告');
    // Filing the report met the 1-hour duty: the popup says when, not how long is left.
    expect(text).toMatch(/已于 .+ 报告 · 按时/);
    expect(text).not.toContain('距报告时限');
    await commanderMap.waitForFunction(() => {
      const element = document.querySelector('.leaflet-popup');
      return element !== null && getComputedStyle(element).opacity === '1';
    });
    await shot(commanderMap, 'incident-overview-map');

    const row = commanderList.locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"]`);
    await row.waitFor({ timeout: 10_000 });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(TITLE);
    expect(rowText).toContain('一般事故');
    expect(rowText).toMatch(/已于 .+ 报告 · 按时/);
    await shot(commanderList, 'incident-list');
  }, 30_000);

  it('lets the commander draw a hazard zone that appears live in the officer’s room', async () => {
    const commander = commanderList;
    await commander
      .locator(`[data-testid="incident-row"][data-incident-id="${incidentId}"] a`)
      .first()
      .click();
    await commander.getByTestId('incident-room').waitFor();
    await commander.locator('[data-testid="room-map"] [data-testid="incident-marker"]').waitFor();
    // Both are in the room: presence shows the officer to the commander and the other way round.
    await commander.getByTestId('presence').getByText('企业安全管理员').waitFor();
    await officer.getByTestId('presence').getByText('应急指挥员').waitFor();

    // Choose the kind first (危险区域, as a circle), then draw it: centre, then radius.
    await commander.getByTestId('draw-kind').selectOption('hazard_zone');
    await commander.getByLabel('名称（可选）').fill('氯气扩散区');
    await commander.getByTestId('draw-start').click();
    await commander.locator('.draw-toolbar--active').waitFor();
    const box = (await commander.getByTestId('room-map').boundingBox())!;
    const cx = box.x + box.width / 2 + 40;
    const cy = box.y + box.height / 2 - 30;
    await commander.waitForTimeout(500);
    await commander.mouse.move(cx, cy);
    await commander.mouse.click(cx, cy);
    await commander.mouse.move(cx + 60, cy, { steps: 5 });
    await commander.mouse.move(cx + 110, cy, { steps: 5 });
    await commander.mouse.click(cx + 110, cy);
    await commander.locator('.room-feature--hazard_zone').waitFor({ timeout: 10_000 });
    await commander.locator('[data-testid="timeline"] [data-type="map_feature.added"]').waitFor();

    // The officer's room, open all along, draws it too, and logs it in the timeline.
    await officer.locator('.room-feature--hazard_zone').waitFor({ timeout: 10_000 });
    const entry = officer.locator('[data-testid="timeline"] [data-type="map_feature.added"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('标绘危险区域「氯气扩散区」');
    expect(await entry.textContent()).toContain('应急指挥员');
    expect(await officer.getByTestId('feature-count').textContent()).toContain('已标绘 1 处');

    await officer.getByTestId('message-input').fill('下风向已设警戒，请指挥部确认集结点位置');
    await officer.getByTestId('message-input').press('Enter');
    await commander
      .locator('[data-testid="timeline"] [data-type="message"]')
      .getByText('请指挥部确认集结点位置')
      .waitFor();

    await commander.getByTestId('set-level').isEnabled();
    await commander.getByTestId('command-actions').getByLabel('响应级别').selectOption('III');
    await commander.getByTestId('set-level').click();
    await officer.getByTestId('room-header').getByText('三级响应').waitFor();
    await officer.getByTestId('room-header').getByText('处置中').waitFor();

    // A task from the commander, accepted by the officer; a resource sent and arriving.
    const tasks = commander.getByTestId('tasks-panel');
    await tasks.getByLabel('任务内容').fill('关闭二号储罐上游总阀');
    await tasks.getByLabel('负责人或队伍').fill('华晟煤化工 应急班组');
    await tasks.getByRole('button', { name: '添加任务' }).click();
    const officerTask = officer
      .getByTestId('tasks-panel')
      .getByTestId('task')
      .filter({ hasText: '关闭二号储罐上游总阀' });
    await officerTask.getByRole('button', { name: '接受' }).click();
    await tasks.getByTestId('task').filter({ hasText: '执行中' }).waitFor();

    const dispatch = commander.getByTestId('dispatch-panel');
    await dispatch.getByLabel('资源名称').fill('消防一中队 水罐消防车');
    await dispatch.getByRole('button', { name: '调派' }).click();
    await dispatch.getByTestId('dispatch').filter({ hasText: '在途' }).waitFor();
    await officer.getByTestId('dispatch-panel').getByText('消防一中队 水罐消防车').waitFor();
    await dispatch.getByRole('button', { name: '已到场' }).click();
    await officer.getByTestId('dispatch-panel').getByTestId('dispatch').filter({ hasText: '到场' }).waitFor();

    // 续报: twelve seriously injured re-grade the incident to 较大, everywhere at once.
    await officer.getByRole('tab', { name: /^报告记录/ }).click();
    const reports = officer.getByTestId('reports-panel');
    await reports.getByTestId('supplementary-open').click();
    await reports.getByLabel('重伤（含急性工业中毒）').fill('12');
    await reports.getByLabel('新的进展').fill('两名轻伤人员转为重伤，另有十名人员出现急性中毒症状送医');
    await reports.getByRole('button', { name: '提交续报' }).click();
    await reports.getByTestId('report').filter({ hasText: '续报' }).waitFor();
    await commander.getByTestId('room-header').getByText('较大事故').waitFor();
    await commander.locator('[data-testid="timeline"] [data-type="incident.regraded"]').waitFor();
    await commanderMap
      .locator(`.incident-marker[data-incident-id="${incidentId}"][data-severity="relatively_serious"]`)
      .waitFor();

    // The timeline follows the newest entry.
    expect(
      await commander
        .getByTestId('timeline')
        .evaluate((list) => list.scrollHeight - list.scrollTop - list.clientHeight),
    ).toBeLessThan(5);
    await shot(commander, 'incident-room-commander', 1700);
    await shot(officer, 'incident-room-officer', 1700);
  }, 60_000);

  it("dispatches a nearby resource from its map marker's popup: the room and the register follow", async () => {
    const commander = commanderList;
    // The nearby list and the room's dispatches are secondary panels, each behind its tab.
    const tab = (label: string) =>
      commander
        .getByRole('tablist')
        .getByRole('tab', { name: new RegExp(`^${label}`) })
        .click();
    await tab('附近资源');
    const free = commander
      .getByTestId('nearby-resources')
      .getByTestId('nearby-resource')
      .filter({ has: commander.getByTestId('nearby-dispatch') })
      .first();
    await free.waitFor({ timeout: 10_000 });
    const resourceId = (await free.getAttribute('data-resource-id'))!;
    const name = (await free.locator('.nearby-resources__name').textContent())!;

    const marker = commander.locator(`[data-testid="room-map"] .nearby-resource-marker[title="${name}"]`);
    // Markers of a dense site overlap: Leaflet takes the click on the icon itself.
    await marker.dispatchEvent('click');
    const popup = commander.getByTestId('nearby-resource-popup');
    await popup.waitFor();
    expect(await popup.textContent()).toContain(name);
    await untilStill(popup);
    await popup.getByTestId('nearby-dispatch').click();
    // A refusal shows in the popup: wait for either, so that a failure names it.
    const enRoute = popup.locator('[data-testid="nearby-resource-state"][data-state="en_route"]');
    await enRoute.or(popup.getByRole('alert')).first().waitFor();
    expect(await popup.getByRole('alert').allTextContents()).toEqual([]);
    await enRoute.waitFor();
    await shot(commander, 'incident-room-dispatch-popup');

    // The list and the room's dispatches show it out; so does the register.
    const item = commander.locator(`[data-testid="nearby-resource"][data-resource-id="${resourceId}"]`);
    await item.locator('[data-testid="nearby-resource-state"][data-state="en_route"]').waitFor();
    await tab('任务与调派');
    const sent = commander.getByTestId('dispatch-panel').getByTestId('dispatch').filter({ hasText: name });
    await sent.filter({ hasText: '在途' }).waitFor();
    const token = await demoToken(server.baseUrl, 'commander@muster.test');
    const register = async () =>
      (await (
        await fetch(`${server.baseUrl}/api/resources/${resourceId}`, {
          headers: { Authorization: `Bearer ${token}` },
        })
      ).json()) as { status: string; dispatchIncidentId: string | null };
    expect(await register()).toMatchObject({ status: 'dispatched', dispatchIncidentId: incidentId });

    await sent.getByRole('button', { name: '已到场' }).click();
    // The button says 已到场 too: the dispatch's own state is what shows it arrived.
    const arrived = sent.and(commander.locator('[data-state="on_scene"]'));
    await arrived.waitFor();
    expect(await arrived.locator('.dispatch-state').textContent()).toBe('到场');
    expect(await arrived.getByRole('button', { name: '已到场' }).count()).toBe(0);
    await tab('附近资源');
    await item.locator('[data-testid="nearby-resource-state"][data-state="on_scene"]').waitFor();
    expect(await register()).toMatchObject({ status: 'on_scene', dispatchIncidentId: incidentId });
  }, 60_000);

  it('prints the incident summary and shows the room in English', async () => {
    const summary = await ui.newPage(officerContext, 'summary');
    await summary.goto(`${server.baseUrl}/incidents/${incidentId}/summary`);
    await summary.getByTestId('summary-situation').waitFor();
    const text = (await summary.getByTestId('print-document').textContent()) ?? '';
    expect(text).toContain(TITLE);
    expect(text).toContain('危险区域「氯气扩散区」');
    await shot(summary, 'incident-summary-print');
    await summary.goto(`${server.baseUrl}/incidents/${incidentId}/activity`);
    const log = summary.getByTestId('activity-log');
    await log.waitFor();
    expect(await log.locator('tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await log.textContent()).toContain('标绘危险区域「氯气扩散区」');
    await shot(summary, 'incident-activity-print');
    await summary.close();

    const commander = commanderList;
    await commander.getByTestId('language-switcher').selectOption('en');
    await commander.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await commander.getByTestId('room-header').textContent()).toContain('Level III response');
    expect(
      await commander.locator('[data-testid="timeline"] [data-type="map_feature.added"]').textContent(),
    ).toContain('Drew hazard zone “氯气扩散区”');
    await shot(commander, 'incident-room-en', 1700);

    await commanderMap.reload();
    await commanderMap.locator(`.incident-marker[data-incident-id="${incidentId}"]`).click();
    await commanderMap.getByTestId('incident-popup').waitFor();
    expect(await commanderMap.getByTestId('incident-popup').textContent()).toContain('Level III response');
    await commanderMap.waitForFunction(() => {
      const element = document.querySelector('.leaflet-popup');
      return element !== null && getComputedStyle(element).opacity === '1';
    });
    await shot(commanderMap, 'incident-overview-map-en');
  }, 30_000);

  it('drew it all without a page error or a request leaving the console', () => {
    ui.expectCleanRun();
  });
});
