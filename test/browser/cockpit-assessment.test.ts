import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { CockpitView, SchemeView, SheetSummary } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';
import { incidentReport } from '../support/incidents.js';

const WALL = { width: 1920, height: 1080 };

/**
 * The leaders' wall screen follows the zone live (an incident filed, a hazard closed) without a
 * reload; an enterprise officer reads its published assessment sheet and objects to it.
 */
describe('leaders’ dashboard and the assessment sheet in the console', () => {
  let t: TestApp;
  let ui: ConsoleBrowser;
  let admin: { Authorization: string };
  let inspector: { Authorization: string };
  let officer: { Authorization: string };
  let scheme: SchemeView;

  beforeAll(async () => {
    await requireBuiltConsole();
    t = await createTestApp({ web: true });
    ui = await ConsoleBrowser.launch(t.baseUrl);
    admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    inspector = { Authorization: `Bearer ${await t.token('inspector')}` };
    officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };

    // Last year's assessment, published, so the wall has a ranking to show.
    const year = new Date().getFullYear() - 1;
    scheme = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({
          year,
          title: `${year}年度企业安全生产监督考核方案`,
          objectionDays: 30,
          indicators: [
            {
              group: '隐患治理',
              name: '隐患按期整改率',
              metric: 'on_time_rectification',
              rule: 'proportional',
              weight: 40,
              evidence: 'records',
            },
            {
              group: '事故控制',
              name: '事故起数',
              metric: 'incidents',
              rule: 'deduct',
              weight: 30,
              param: 5,
              evidence: 'records',
              veto: true,
            },
            {
              group: '现场检查',
              name: '现场检查评分',
              metric: 'manual',
              rule: 'manual',
              weight: 30,
              evidence: 'files',
            },
          ],
        })
        .expect(201)
    ).body as SchemeView;
    const sheets = (
      await t.http.post(`/api/assessments/schemes/${scheme.id}/compute`).set(inspector).expect(201)
    ).body as SheetSummary[];
    for (const [n, s] of sheets.entries()) {
      await t.http
        .put(`/api/assessments/sheets/${s.id}/scores/${scheme.indicators[2]!.id}`)
        .set(inspector)
        .send({ points: 30 - (n % 8) * 4, note: '现场检查：安全管理台账、教育培训记录齐全' })
        .expect(200);
    }
    await t.http.post(`/api/assessments/schemes/${scheme.id}/publish`).set(admin).expect(201);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  const cockpit = async (): Promise<CockpitView> =>
    (await t.http.get('/api/cockpit').set(admin).expect(200)).body as CockpitView;

  it('updates the wall when an incident is filed and when a hazard is closed, without reloading', async () => {
    const wall: Page = await ui.openPage('cockpit', { viewport: WALL });
    await ui.signIn(wall, 'commander@muster.test');
    await wall.goto(`${t.baseUrl}/cockpit`);
    await wall.getByTestId('cockpit-live').filter({ hasText: '实时' }).waitFor();
    await wall.getByTestId('cockpit-ranking').waitFor();
    // A reload would lose this.
    await wall.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

    const before = await cockpit();
    const openIncidents = wall.getByTestId('cockpit-open-incidents');
    await openIncidents.filter({ hasText: `未结事故 ${before.openIncidents.length} 起` }).waitFor();

    await t.http
      .post('/api/incidents')
      .set(officer)
      .send(incidentReport({ title: '驾驶舱测试：储罐区火情' }))
      .expect(201);
    await openIncidents.filter({ hasText: `未结事故 ${before.openIncidents.length + 1} 起` }).waitFor();
    await wall.getByText('驾驶舱测试：储罐区火情').waitFor();

    // A hazard recorded and closed on the spot: the open count goes up, then back down.
    const open = wall.getByTestId('cockpit-hazards-open');
    await open.filter({ hasText: new RegExp(`^${before.hazards.open}$`) }).waitFor();
    const hazard = (
      await t.http
        .post('/api/hazards')
        .set(officer)
        .send({
          place: '驾驶舱测试部位',
          category: 'fire',
          description: '消防通道堆放杂物',
          level: 'general',
          source: 'self_inspection',
        })
        .expect(201)
    ).body as { id: string };
    await open.filter({ hasText: new RegExp(`^${before.hazards.open + 1}$`) }).waitFor();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a3' } })
      .png()
      .toBuffer();
    const photo = await t.http.post('/api/files').set(officer).attach('file', png, '整改后.png').expect(201);
    await t.http
      .post(`/api/hazards/${hazard.id}/transitions`)
      .set(officer)
      .send({ action: 'close_on_spot', photoIds: [photo.body.id], comment: '当场清理' })
      .expect(200);
    await open.filter({ hasText: new RegExp(`^${before.hazards.open}$`) }).waitFor();

    expect(await wall.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    // Nothing scrolls on the wall, and no panel spills out of its box.
    const overflowing = () =>
      wall.evaluate(() =>
        [document.documentElement, ...document.querySelectorAll('.cockpit, .cockpit-card, .cockpit-target')]
          .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.className || el.tagName),
      );
    expect(await overflowing()).toEqual([]);
    await screenshot(wall, 'cockpit-zh');

    await wall.getByTestId('language-switcher').selectOption('en');
    await wall.getByTestId('cockpit-live').filter({ hasText: 'Live' }).waitFor();
    await wall.getByText('Assessment ranking').waitFor();
    expect(await overflowing()).toEqual([]);
    await screenshot(wall, 'cockpit-en');
    await wall.getByTestId('language-switcher').selectOption('zh-CN');
  });

  it('shows an enterprise officer its own sheet and takes its objection', async () => {
    const page = await ui.openPage('officer', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(page, 'officer1@muster.test');
    await page.getByTestId('nav-assessments').click();
    const links = page.getByTestId('assessment-sheet-link');
    await links.first().waitFor();
    expect(await links.count()).toBe(1);
    expect(await page.getByTestId('nav-cockpit').count()).toBe(0);
    await links.first().click();
    await page.getByTestId('sheet-total').waitFor();
    await page.getByTestId('score-manual').getByText('现场检查：安全管理台账、教育培训记录齐全').waitFor();

    await page.getByLabel('异议内容').fill('现场检查扣分所涉台账已于检查次日补齐，请复核');
    await page.getByTestId('objection-submit').click();
    await page
      .getByTestId('sheet-objections')
      .getByText('现场检查扣分所涉台账已于检查次日补齐，请复核')
      .waitFor();
    await page.getByText('待答复').waitFor();
    await screenshot(page, 'assessment-sheet-officer-zh', true);

    await page.getByTestId('language-switcher').selectOption('en');
    await page.getByText('Awaiting reply').waitFor();
    await screenshot(page, 'assessment-sheet-officer-en', true);

    // The zone sees the objection on the same sheet, recorded.
    const sheets = (await t.http.get(`/api/assessments/schemes/${scheme.id}/sheets`).set(officer).expect(200))
      .body as SheetSummary[];
    const sheet = (await t.http.get(`/api/assessments/sheets/${sheets[0]!.id}`).set(admin).expect(200)).body;
    expect(sheet.objections.map((o: { text: string }) => o.text)).toEqual([
      '现场检查扣分所涉台账已于检查次日补齐，请复核',
    ]);

    const adminPage = await ui.openPage('admin', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(adminPage, 'admin@muster.test');
    await adminPage.goto(`${t.baseUrl}/assessments`);
    await adminPage.getByTestId('assessment-ranking').waitFor();
    await screenshot(adminPage, 'assessment-ranking-zh', true);
    await adminPage.getByTestId('scheme-new').click();
    await adminPage.getByTestId('scheme-editor').waitFor();
    await screenshot(adminPage, 'assessment-scheme-editor-zh');
    ui.expectCleanRun();
  });
});
