import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import {
  ConsoleBrowser,
  PAST_LOGIN,
  TEST_RESULTS,
  demoToken,
  requireBuiltConsole,
  shot,
} from '../support/browser.js';
import { pdfText } from '../support/pdf.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * An inspector turns a failed zone inspection into an enforcement case, issues the on-site
 * inspection record and the order to rectify through their forms, and prints the order.
 */
describe('enforcement in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let inspector: Page;
  let dir: string;

  async function api<T>(email: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${server.baseUrl}${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${await demoToken(server.baseUrl, email)}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect({ route, ok: res.ok }).toEqual({ route, ok: true });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    dir = await mkdtemp(path.join(tmpdir(), 'muster-enforcement-'));
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    inspector = await ui.openPage('inspector@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(inspector, 'inspector@muster.test', PAST_LOGIN);
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('an inspector opens a case from an inspection, issues an order to rectify and downloads its PDF', async () => {
    const me = await api<{ enterpriseId: string }>('officer1@muster.test', '/api/auth/me');
    const record = await api<{ id: string }>('inspector@muster.test', '/api/inspections/records', {
      enterpriseId: me.enterpriseId,
      checklist: [{ text: '可燃气体检测报警器定期检定', category: 'hazardous_chemicals' }],
    });
    await api('inspector@muster.test', `/api/inspections/records/${record.id}/complete`, {
      items: [
        { itemId: 'c1', result: 'fail', note: '2号罐区1台报警器失效', place: '2号罐区', level: 'general' },
      ],
    });

    await inspector.goto(`${server.baseUrl}/inspections/${record.id}`);
    await inspector.getByTestId('inspection-enforce').click();
    const form = inspector.getByTestId('enforcement-new-form');
    await form.waitFor();
    expect(await inspector.getByLabel('违法事实').inputValue()).toBe(
      '可燃气体检测报警器定期检定：2号罐区1台报警器失效',
    );
    await inspector.getByLabel('案由').fill('涉嫌未按规定检定可燃气体检测报警器案');
    await inspector.getByLabel('违反条款').fill('《中华人民共和国安全生产法》第三十六条第二款');
    await shot(inspector, 'enforcement-new-zh');
    await inspector.getByTestId('enforcement-open').click();

    await inspector.getByTestId('case-steps').waitFor();
    await inspector.getByTestId('issue-inspection_record').click();
    await inspector.getByLabel('检查场所').fill('化工园区纬二路8号 2号罐区');
    await inspector
      .getByLabel('检查时间')
      .fill(new Date(Date.now() + 8 * 3600_000 - 3600_000).toISOString().slice(0, 16));
    await inspector
      .getByLabel('执法人员及执法证号')
      .fill('王芳（执法证号 34060003）、陈静（执法证号 34060002）');
    await inspector.getByLabel('被检查单位现场负责人').fill('李明（安全部经理）');
    await inspector.getByLabel('检查情况').fill('检查了罐区和中控室，查阅了报警器检定记录。');
    await inspector.getByTestId('submit-inspection_record').click();

    await inspector.getByTestId('issue-rectification_order').click();
    await inspector.getByLabel('整改要求').fill('立即更换失效报警器并送法定计量机构检定。');
    await inspector.getByTestId('submit-rectification_order').click();
    const order = inspector.getByTestId('step-rectification_order');
    await order.getByTestId('pdf-rectification_order').waitFor();
    const line = (await order.textContent())!;
    expect(line).toMatch(/杜集开发区应急责改〔\d{4}〕\d+号/);
    // A re-inspection opinion is offered only now that the order exists; the decision not yet.
    await inspector.getByTestId('issue-recheck_opinion').waitFor();
    expect(await inspector.getByTestId('issue-penalty_decision').count()).toBe(0);
    await shot(inspector, 'enforcement-case-zh', 1400);

    const [download] = await Promise.all([
      inspector.waitForEvent('download'),
      order.getByTestId('pdf-rectification_order').click(),
    ]);
    const documentNo = /杜集开发区应急责改〔\d{4}〕\d+号/.exec(line)![0];
    expect(download.suggestedFilename()).toBe(`${documentNo}.pdf`);
    const file = path.join(dir, 'order.pdf');
    await download.saveAs(file);
    const text = await pdfText(await readFile(file));
    for (const part of [
      '责令限期整改指令书',
      documentNo,
      '淮北华晟煤化工有限公司',
      '可燃气体检测报警器定期检定',
      '第三十六条第二款',
      '立即更换失效报警器',
      '整改期限',
      '杜集经济开发区管理委员会（印章）',
    ]) {
      expect({ part, found: text.includes(part) }).toEqual({ part, found: true });
    }

    // The printed order as an image, to be looked at.
    await promisify(execFile)('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      file,
      path.join(TEST_RESULTS, 'screenshots', 'enforcement-order-pdf'),
    ]);

    // The same case in English.
    await inspector.evaluate(() => localStorage.setItem('muster.lang', 'en'));
    await inspector.reload();
    await inspector.getByText('Order to rectify within a time limit').waitFor();
    await shot(inspector, 'enforcement-case-en', 1400);
    await inspector.evaluate(() => localStorage.setItem('muster.lang', 'zh-CN'));

    // The enterprise reads its case and the instruments served on it, without forms.
    const officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
    await officer.goto(`${server.baseUrl}/enforcement`);
    await officer.getByTestId('enforcement-cases').waitFor();
    await shot(officer, 'enforcement-list-officer-zh');
    await officer.getByRole('link', { name: '涉嫌未按规定检定可燃气体检测报警器案' }).first().click();
    await officer.getByTestId('pdf-rectification_order').waitFor();
    expect(await officer.getByTestId('issue-recheck_opinion').count()).toBe(0);
    await shot(officer, 'enforcement-case-officer-zh', 1100);

    expect(ui.pageErrors).toEqual([]);
    expect(ui.foreignRequests).toEqual([]);
  });
});
