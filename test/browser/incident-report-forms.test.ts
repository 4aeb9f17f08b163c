import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { ConsoleBrowser, requireBuiltConsole, shot, TEST_RESULTS } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

const run = promisify(execFile);
const TITLE = '甲醇罐区输送泵机封泄漏';

/**
 * The 事故快报 as an officer files it in the console: the unit overview arrives filled from the
 * enterprise record, a photo and a document go with the report, and the incident room lists
 * them beside the report and hands out its printed form.
 */
describe('incident report forms and attachments in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let dir: string;

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    dir = await mkdtemp(path.join(tmpdir(), 'muster-forms-'));
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fills the unit overview from the enterprise record and files the report with a photo and a PDF', async () => {
    officer = await ui.openPage('officer', { viewport: { width: 1440, height: 960 } });
    await ui.signIn(officer, 'officer1@muster.test');
    await officer.goto(`${server.baseUrl}/incidents/new`);
    const form = officer.getByTestId('report-form');
    await form.waitFor();

    const unit = officer.getByTestId('unit-overview');
    await officer.waitForFunction(
      () =>
        (document.querySelector('[data-testid="unit-overview"] input') as HTMLInputElement | null)?.value ===
        '淮北华晟煤化工有限公司',
    );
    expect(await unit.getByLabel('单位性质（行业）').inputValue()).toBe('煤化工');
    expect(await unit.getByLabel('法定代表人').inputValue()).toBe('王建国');
    await unit.getByLabel('规模及生产能力').fill('员工320人，年产甲醇30万吨');
    await unit.getByLabel('证照情况').fill('安全生产许可证（皖）WH安许证字〔2024〕018号');

    await officer.getByLabel('事故名称').fill(TITLE);
    await officer.getByLabel('事故类别').selectOption('hazardous_chemical_leak');
    await officer.waitForTimeout(300);
    await officer.getByTestId('location-picker').click({ position: { x: 300, y: 150 } });
    await officer.getByLabel('详细地址').fill('杜集经济开发区凤凰山路88号 甲醇罐区');
    await officer.getByLabel('事故简要经过').fill('输送泵机械密封失效，少量甲醇泄漏，已围堵。');
    await officer.getByLabel('已经采取的措施').fill('停泵，关闭进出口阀门，围堰收集');
    await officer.getByLabel('其他应当报告的情况').fill('无人员伤亡，周边企业已告知。');
    await officer.getByLabel('联系电话').fill('13800000001');

    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#d84' } })
      .png()
      .toBuffer();
    await officer.getByTestId('attachment-input').setInputFiles([
      { name: '泄漏点.png', mimeType: 'image/png', buffer: png },
      {
        name: '处置记录.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      },
    ]);
    await officer.locator('[data-testid="attachment-pending"] li').nth(1).waitFor();
    await shot(officer, 'incident-report-form-overview', 2000);

    await form.getByRole('button', { name: '提交事故快报' }).click();
    await officer.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    await officer.getByTestId('incident-room').waitFor();
  }, 60_000);

  it('lists the attachments beside the report in the room and offers its PDF', async () => {
    await officer.getByRole('tab', { name: /^报告记录/ }).click();
    const report = officer.getByTestId('reports-panel').getByTestId('report').first();
    const attachments = report.getByTestId('attachment');
    await attachments.nth(1).waitFor();
    expect(await attachments.count()).toBe(2);
    // The photo is a thumbnail (an <img> once fetched with the token); the document a link.
    await attachments.nth(0).locator('img').waitFor();
    expect(await attachments.nth(0).getAttribute('data-mime')).toBe('image/png');
    expect(await attachments.nth(1).textContent()).toBe('处置记录.pdf');
    expect(await report.textContent()).toContain('其他情况：无人员伤亡，周边企业已告知。');

    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      report.getByTestId('report-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^杜集开发区事故快报〔\d{4}〕1号\.pdf$/);
    const file = path.join(dir, 'kuaibao.pdf');
    await download.saveAs(file);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const text = stdout.replace(/\s+/g, '');
    expect(text).toContain('生产安全事故快报');
    expect(text).toContain('淮北华晟煤化工有限公司');
    expect(text).toContain('六、其他应当报告的情况');
    expect(text).toContain('泄漏点.png');

    // Once printed, the report shows the number it was given.
    await report.getByTestId('report-docno').waitFor();
    expect(await report.getByTestId('report-docno').textContent()).toMatch(
      /文号：杜集开发区事故快报〔\d{4}〕1号/,
    );
    await officer.getByTestId('reports-panel').scrollIntoViewIfNeeded();
    await officer.getByTestId('reports-panel').screenshot({
      path: path.join(TEST_RESULTS, 'screenshots', 'incident-report-attachments.png'),
    });

    // The same panel in English.
    await officer.evaluate(() => localStorage.setItem('muster.lang', 'en'));
    await officer.reload();
    await officer.getByRole('tab', { name: /^Reports/ }).click();
    const en = officer.getByTestId('reports-panel');
    await en.getByTestId('attachment').nth(1).waitFor();
    expect(await en.getByTestId('report-pdf').first().textContent()).toBe('Download PDF');
    expect(await en.getByTestId('report-print').first().textContent()).toBe('Print');
    await en.scrollIntoViewIfNeeded();
    await en.screenshot({
      path: path.join(TEST_RESULTS, 'screenshots', 'incident-report-attachments-en.png'),
    });
    await officer.evaluate(() => localStorage.setItem('muster.lang', 'zh-CN'));
  }, 60_000);

  it('files a 续报 with a photo and a corrected unit name, and prints it', async () => {
    await officer.reload();
    await officer.getByRole('tab', { name: /^报告记录/ }).click();
    const panel = officer.getByTestId('reports-panel');
    await panel.getByTestId('supplementary-open').click();
    await panel.getByLabel('新的进展').fill('泄漏已止住，围堰内甲醇已回收。');
    await panel.getByLabel('续报后采取的措施').fill('对罐区进行可燃气体检测');
    await panel.getByLabel('其他应当报告的情况').fill('无');
    await panel.getByTestId('supplementary-unit').locator('summary').click();
    await panel
      .getByTestId('supplementary-unit')
      .getByLabel('单位名称')
      .fill('淮北华晟煤化工有限公司甲醇分厂');
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#48d' } })
      .png()
      .toBuffer();
    await panel
      .getByTestId('attachment-input')
      .setInputFiles([{ name: '回收现场.png', mimeType: 'image/png', buffer: png }]);
    await panel.locator('[data-testid="attachment-pending"] li').first().waitFor();
    await panel.screenshot({
      path: path.join(TEST_RESULTS, 'screenshots', 'incident-supplementary-form.png'),
    });
    await panel.getByRole('button', { name: '提交续报' }).click();

    const second = panel.getByTestId('report').nth(1);
    await second.getByTestId('attachment').locator('img').waitFor();
    expect(await second.textContent()).toContain('措施：对罐区进行可燃气体检测');
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      second.getByTestId('report-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^杜集开发区事故续报〔\d{4}〕1号\.pdf$/);
    const file = path.join(dir, 'xubao.pdf');
    await download.saveAs(file);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const text = stdout.replace(/\s+/g, '');
    expect(text).toContain('生产安全事故续报');
    expect(text).toContain('事故发生单位：淮北华晟煤化工有限公司甲醇分厂');
    expect(text).toContain('泄漏已止住，围堰内甲醇已回收。');
    expect(text).toContain('回收现场.png');

    ui.expectCleanRun();
  }, 60_000);
});
