import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AnySheetSummary, SchemeView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { ConsoleBrowser, requireBuiltConsole, screenshot } from '../support/browser.js';

/**
 * The zone's departments assessed against their duty lists: a zone user (an inspector, not the
 * admin) opens the departments' ranking and a department's sheet with its duties; an enterprise
 * officer is not offered the departments' scheme.
 */
describe('the zone departments’ assessment in the console', () => {
  let t: TestApp;
  let ui: ConsoleBrowser;
  let scheme: SchemeView;

  beforeAll(async () => {
    await requireBuiltConsole();
    t = await createTestApp({ web: true });
    ui = await ConsoleBrowser.launch(t.baseUrl);
    const admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    const inspector = { Authorization: `Bearer ${await t.token('inspector')}` };
    // This year: the demo zone's hazards and inspections stand behind the computed points.
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    scheme = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({
          year,
          subject: 'department',
          title: `${year}年度园区部门安全生产监管履职考核方案`,
          objectionDays: 15,
          indicators: [
            {
              group: '监管履职',
              name: '监管企业检查、抽查按计划完成率',
              metric: 'supervised_inspections',
              rule: 'proportional',
              weight: 30,
              evidence: 'records',
            },
            {
              group: '监管履职',
              name: '监管企业重大事故隐患督办销号率达100%',
              metric: 'supervised_major_hazards',
              rule: 'target',
              weight: 20,
              param: 1,
              evidence: 'records',
            },
            {
              group: '监管履职',
              name: '监管企业逾期未整改隐患（每项扣2分）',
              metric: 'supervised_overdue_hazards',
              rule: 'deduct',
              weight: 20,
              param: 2,
              evidence: 'records',
            },
            {
              group: '责任清单',
              name: '责任清单所列监管职责履行情况',
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
    ).body as AnySheetSummary[];
    expect(sheets.length).toBeGreaterThan(1);
    for (const [n, s] of sheets.entries()) {
      await t.http
        .put(`/api/assessments/sheets/${s.id}/scores/${scheme.indicators[3]!.id}`)
        .set(inspector)
        .send({ points: 28 - n * 3, note: '对照责任清单逐项检查履职记录' })
        .expect(200);
    }
    await t.http.post(`/api/assessments/schemes/${scheme.id}/publish`).set(admin).expect(201);
  }, 120_000);

  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  it('shows a zone user the departments’ ranking and a department’s sheet with its duties', async () => {
    const page = await ui.openPage('inspector', { viewport: { width: 1440, height: 1000 } });
    await ui.signIn(page, 'inspector@muster.test');
    await page.getByTestId('nav-assessments').click();
    await page.getByLabel('考核年度').selectOption({ label: `${scheme.year} · 园区部门 · 已公布` });
    const ranking = page.getByTestId('assessment-ranking');
    await ranking.getByText('安全生产监督管理科').waitFor();
    await page.getByRole('columnheader', { name: '部门' }).waitFor();
    await screenshot(page, 'assessment-departments-ranking-zh', true);

    await ranking
      .getByRole('row', { name: /安全生产监督管理科/ })
      .getByTestId('assessment-sheet-link')
      .click();
    await page
      .getByRole('heading', { name: `安全生产监督管理科 · ${scheme.year}年度监管履职考核评分表` })
      .waitFor();
    await page.getByTestId('sheet-duties').getByText('对重大事故隐患挂牌督办并组织验收销号').waitFor();
    await page.getByTestId('score-supervised_inspections').waitFor();
    await page.getByTestId('score-manual').getByText('对照责任清单逐项检查履职记录').waitFor();
    // A department objects through the committee's own review, not on the sheet.
    expect(await page.getByText('异议').count()).toBe(0);
    await screenshot(page, 'assessment-department-sheet-zh', true);

    await page.getByTestId('language-switcher').selectOption('en');
    await page
      .getByRole('heading', { name: `安全生产监督管理科 · ${scheme.year} supervision duties sheet` })
      .waitFor();
    await page.getByText('Duties on the responsibility list').waitFor();
    await screenshot(page, 'assessment-department-sheet-en', true);
    ui.expectCleanRun();
  });

  it('words the training, certificate and safety-funds evidence on an enterprise’s sheet', async () => {
    const admin = { Authorization: `Bearer ${await t.token('zone_admin')}` };
    const pillars = (
      await t.http
        .post('/api/assessments/schemes')
        .set(admin)
        .send({
          year: scheme.year,
          title: `${scheme.year}年度企业安全生产监督考核方案`,
          objectionDays: 15,
          indicators: [
            {
              group: '安全培训',
              name: '培训学时达标',
              metric: 'training_coverage',
              rule: 'proportional',
              weight: 20,
              evidence: 'records',
            },
            {
              group: '安全培训',
              name: '特种作业人员持证上岗',
              metric: 'operation_certificates',
              rule: 'deduct',
              weight: 20,
              param: 5,
              evidence: 'records',
            },
            {
              group: '安全投入',
              name: '安全生产费用足额提取',
              metric: 'safety_funds',
              rule: 'target',
              weight: 30,
              param: 1,
              evidence: 'records',
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
    const ranking = (
      await t.http.post(`/api/assessments/schemes/${pillars.id}/compute`).set(admin).expect(201)
    ).body as AnySheetSummary[];
    const short = ranking.find((s) => s.enterpriseName === '安徽杜集新材料科技有限公司')!;
    const page = await ui.openPage('admin', { viewport: { width: 1440, height: 900 } });
    await ui.signIn(page, 'admin@muster.test');
    await page.goto(`${t.baseUrl}/assessments/sheets/${short.id}`);
    // The demo's new-materials company set aside 2,400,000 of the 2,915,000 its revenue requires.
    await page
      .getByTestId('score-safety_funds')
      .getByText('已提取 2,400,000.00 元，应提取 2,915,000.00 元')
      .waitFor();
    await page.getByTestId('score-training_coverage').waitFor();
    await page.getByTestId('score-operation_certificates').waitFor();
    await screenshot(page, 'assessment-pillars-sheet-zh', true);
    await page.getByTestId('language-switcher').selectOption('en');
    await page.getByText('Safety funds set aside as required').waitFor();
    await screenshot(page, 'assessment-pillars-sheet-en', true);
    ui.expectCleanRun();
  });

  it('does not offer an enterprise officer the departments’ scheme', async () => {
    const page = await ui.openPage('officer', { viewport: { width: 1280, height: 800 } });
    await ui.signIn(page, 'officer1@muster.test');
    await page.getByTestId('nav-assessments').click();
    await page.getByText('尚无考核方案').waitFor();
    ui.expectCleanRun();
  });
});
