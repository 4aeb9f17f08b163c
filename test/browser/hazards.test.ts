import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import {
  ConsoleBrowser,
  PAST_LOGIN,
  TEST_RESULTS,
  requireBuiltConsole,
  screenshot,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The closed loop in the console: an officer records a hazard with a photo and submits the
 * rectification; an inspector rejects it once, then accepts it; the statistics move with it.
 */
describe('hazard ledger in the web console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let inspector: Page;
  let photo: string;
  let hazardUrl: string;

  async function signIn(email: string): Promise<Page> {
    const page = await ui.openPage(email, { viewport: { width: 1280, height: 900 } });
    await ui.signIn(page, email, PAST_LOGIN);
    return page;
  }

  async function rectification(page: Page): Promise<string> {
    await page.goto(`${server.baseUrl}/hazards/stats`);
    const kpi = page.getByTestId('kpi-rectification');
    await kpi.waitFor();
    return (await kpi.textContent()) ?? '';
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    photo = path.join(TEST_RESULTS, 'hazard-photo.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#8a6d3b' } })
      .jpeg()
      .toFile(photo);
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    officer = await signIn('officer1@muster.test');
    inspector = await signIn('inspector@muster.test');
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('lets an officer record a hazard with a photo and submit its rectification', async () => {
    await officer.goto(`${server.baseUrl}/hazards`);
    await officer.getByTestId('hazard-table').waitFor();
    await officer.getByTestId('hazard-new').click();
    await officer.getByLabel('隐患部位').fill('锅炉房东侧');
    await officer.getByLabel('隐患描述').fill('蒸汽管道保温层破损，存在烫伤风险');
    await officer.getByLabel('类别').selectOption('special_equipment');
    await officer.getByLabel('整改措施').fill('更换破损保温层');
    await officer.getByLabel('整改责任人').fill('李志强');
    await officer.getByLabel('整改资金（元）').fill('1500');
    await officer.getByLabel('整改时限').fill('2099-06-30');
    await officer.getByTestId('photo-input').setInputFiles(photo);
    await officer.getByTestId('photo-count').waitFor();
    await officer.getByTestId('hazard-save').click();
    await officer.waitForURL(/\/hazards\/[0-9a-f-]{36}$/);
    hazardUrl = officer.url();
    await officer.locator('.photo-strip__img').first().waitFor();

    await officer.getByTestId('action-start').click();
    await officer.getByTestId('action-submit').waitFor();
    await officer.getByLabel('说明（驳回时必填理由）').fill('保温层已全部更换');
    await officer.getByTestId('action-submit').click();
    await officer.waitForFunction(
      () =>
        document.querySelector('[data-testid="hazard-status"]')?.getAttribute('data-status') === 'submitted',
    );
    // Nobody accepts their own rectification: the officer is offered no acceptance.
    expect(await officer.getByTestId('action-accept').count()).toBe(0);
    await screenshot(officer, 'hazard-submitted', true);
  }, 60_000);

  it('lets the inspector reject it once, then accept it; the statistics change accordingly', async () => {
    const before = await rectification(inspector);

    await inspector.goto(hazardUrl);
    await inspector.getByTestId('action-reject').waitFor();
    await inspector.getByLabel('说明（驳回时必填理由）').fill('保温层接缝未密封，请整改后重新申请');
    await inspector.getByTestId('action-reject').click();
    await inspector.waitForFunction(
      () =>
        document.querySelector('[data-testid="hazard-status"]')?.getAttribute('data-status') === 'rectifying',
    );

    await officer.goto(hazardUrl);
    await officer.getByTestId('action-submit').waitFor();
    await officer.getByLabel('说明（驳回时必填理由）').fill('接缝已密封');
    await officer.getByTestId('action-submit').click();
    await officer.waitForFunction(
      () =>
        document.querySelector('[data-testid="hazard-status"]')?.getAttribute('data-status') === 'submitted',
    );

    await inspector.goto(hazardUrl);
    await inspector.getByTestId('action-accept').waitFor();
    await inspector.getByLabel('说明（驳回时必填理由）').fill('复查合格');
    await inspector.getByTestId('action-accept').click();
    await inspector.waitForFunction(
      () => document.querySelector('[data-testid="hazard-status"]')?.getAttribute('data-status') === 'closed',
    );
    const history = (await inspector.getByTestId('hazard-history').textContent()) ?? '';
    for (const step of ['登记', '开始整改', '提交验收', '验收不通过', '验收通过（销号）'])
      expect(history).toContain(step);
    expect(history).toContain('保温层接缝未密封');
    await screenshot(inspector, 'hazard-closed', true);

    const after = await rectification(inspector);
    const closed = (s: string) => Number(/\((\d+)\/(\d+)\)/.exec(s)?.[1]);
    const total = (s: string) => Number(/\((\d+)\/(\d+)\)/.exec(s)?.[2]);
    expect(total(after)).toBe(total(before));
    expect(closed(after)).toBe(closed(before) + 1);
    await inspector.getByTestId('monthly-chart').waitFor();
    await screenshot(inspector, 'hazard-statistics', true);
    ui.expectNoPageErrors();
  }, 60_000);
});
