import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { MODEL_CRITERIA_TEMPLATE, type CultureActivityView, type ListResponse } from '@muster/contracts';
import { ConsoleBrowser, PAST_LOGIN, demoToken, requireBuiltConsole, shot } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Safety culture in the console: an enterprise records a publicity activity with a photo, and the
 * zone's list shows it with its thumbnail; the programme's application in review and the model
 * enterprises are on their pages in both languages.
 */
describe('safety culture in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let zone: Page;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
    zone = await ui.openPage('admin@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(zone, 'admin@muster.test', PAST_LOGIN);
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('an enterprise records an activity with a photo and the zone’s list shows it', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    const photo = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#c53030' } })
      .jpeg()
      .toBuffer();

    await officer.goto(`${server.baseUrl}/culture?year=${year}`);
    await officer.getByText('登记宣传活动').click();
    await officer.getByTestId('culture-activity-form').waitFor();
    await officer.getByLabel('活动名称').fill('危化品安全知识竞赛决赛');
    await officer.getByLabel('类型').selectOption('contest');
    await officer.getByLabel('日期').fill(`${year}-09-12`);
    await officer.getByLabel('地点').fill('综合楼报告厅');
    await officer.getByLabel('参与人数').fill('72');
    await officer.getByLabel('活动内容').fill('六个班组参加决赛，设必答、抢答和风险题三个环节。');
    await officer.getByTestId('photo-input').setInputFiles({
      name: '竞赛现场.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await officer.getByTestId('photo-count').waitFor();
    await officer.getByRole('button', { name: '登记', exact: true }).click();
    await officer.getByRole('status').getByText('已登记').waitFor();
    const card = officer.getByTestId('culture-activity').filter({ hasText: '危化品安全知识竞赛决赛' });
    // The thumbnail is drawn from the server's copy (an object URL once fetched with the token).
    await card.locator('img.photo-strip__img').waitFor();
    await shot(officer, 'culture-activities-zh', 1400);

    // The activity as stored: its photo is an image, with a thumbnail.
    const mine = (await (
      await fetch(`${server.baseUrl}/api/culture/activities?year=${year}`, {
        headers: { Authorization: `Bearer ${await demoToken(server.baseUrl, 'officer1@muster.test')}` },
      })
    ).json()) as ListResponse<CultureActivityView>;
    const recorded = mine.items.find((a) => a.title === '危化品安全知识竞赛决赛')!;
    expect(recorded.photos).toEqual([
      expect.objectContaining({ name: '竞赛现场.jpg', mime: 'image/jpeg', thumbnailUrl: expect.any(String) }),
    ]);

    await zone.goto(`${server.baseUrl}/culture?year=${year}`);
    const zoneCard = zone.getByTestId('culture-activity').filter({ hasText: '危化品安全知识竞赛决赛' });
    await zoneCard.getByText('淮北华晟煤化工有限公司').waitFor();
    await zoneCard.locator('img.photo-strip__img').waitFor();
    // The zone's counts per organiser name the enterprise with its contest.
    const organisers = zone.getByTestId('culture-organisers');
    await organisers.getByText('淮北华晟煤化工有限公司').waitFor();
    await shot(zone, 'culture-activities-zone-zh', 1400);

    await zone.getByTestId('language-switcher').selectOption('en');
    await zone.waitForFunction(() => document.documentElement.lang === 'en');
    await zone.getByText('Activities per organiser').waitFor();
    await zoneCard.getByText('Knowledge contest').waitFor();
    await shot(zone, 'culture-activities-zone-en', 1400);
  }, 120_000);

  it('the zone reviews the application in review, awards the title, and the model enterprises list it', async () => {
    await officer.goto(`${server.baseUrl}/culture/programme`);
    await officer.getByTestId('culture-prerequisites').getByText('无逾期未整改的重大事故隐患').waitFor();
    await officer.getByRole('link', { name: '查看申报' }).click();
    await officer.getByTestId('application-status').getByText('评审中').waitFor();
    // The Safety Month's photos are the evidence of item E2.
    await officer.locator('[data-code="E2"]').getByRole('button', { name: '安全生产月-1.jpg' }).waitFor();
    await shot(officer, 'culture-application-zh', 1400);

    await zone.getByRole('link', { name: 'Model enterprise programme' }).click();
    await zone.getByTestId('culture-criteria').waitFor();
    const applications = zone.getByTestId('culture-applications');
    await applications.getByText('In review').waitFor();
    await shot(zone, 'culture-programme-en', 1200);
    await applications.getByRole('link', { name: '淮北华晟煤化工有限公司' }).click();
    await zone.getByTestId('culture-items').waitFor();
    await zone.getByRole('button', { name: 'Award the title' }).waitFor();
    await shot(zone, 'culture-review-en', 1400);

    await zone.getByTestId('language-switcher').selectOption('zh-CN');
    await zone.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    // The demo's reviewer scored the first elements; the rest are scored here, a point short each.
    for (const item of MODEL_CRITERIA_TEMPLATE) {
      const score = zone.getByLabel(`${item.code} 评审分`);
      if (!(await score.inputValue())) await score.fill(String(item.points - 1));
    }
    await zone.getByLabel('结论说明').fill('评审得分达到示范企业标准');
    await shot(zone, 'culture-review-zh', 1400);
    await zone.getByRole('button', { name: '授予称号' }).click();
    await zone.getByTestId('application-status').getByText('已授予').waitFor();
    await expect(zone.getByTestId('review-total').textContent()).resolves.toBe(
      String(100 - MODEL_CRITERIA_TEMPLATE.length),
    );

    await zone.getByRole('link', { name: '返回示范企业创建' }).click();
    await zone.getByRole('link', { name: '示范企业名单' }).click();
    await zone.getByTestId('culture-models').getByText('淮北华晟煤化工有限公司').waitFor();
    await shot(zone, 'culture-models-zh');
    ui.expectCleanRun();
  }, 180_000);
});
