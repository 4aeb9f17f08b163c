import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { SafetyFundYearView } from '@muster/contracts';
import {
  ConsoleBrowser,
  PAST_LOGIN,
  demoToken,
  requireBuiltConsole,
  screenshot,
  shot,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The plan's support pillars in the console: an employee signs in to a training session by its
 * link and the hours show on their record; an enterprise records a safety-funds payment with its
 * receipt and the zone's table follows.
 */
describe('training and safety funds in the console', () => {
  let server: TestServer;
  let ui: ConsoleBrowser;
  let officer: Page;
  let enterpriseId: string;

  async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${await demoToken(server.baseUrl, 'officer1@muster.test')}`,
        'Content-Type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    expect({ path, status: res.status }).toEqual({ path, status: init.method === 'POST' ? 201 : 200 });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await startTestServer();
    ui = await ConsoleBrowser.launch(server.baseUrl);
    officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
    const me = await api<{ enterpriseId: string }>('/api/auth/me');
    enterpriseId = me.enterpriseId;
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('an employee signs in by the session’s link and the hours appear on their record', async () => {
    const person = await api<{ id: string }>('/api/contacts', {
      method: 'POST',
      body: { name: '赵培训', organization: '储运车间', post: '操作工', phones: ['+8613900880001'] },
    });
    await api(`/api/training/people/${person.id}`, {
      method: 'PUT',
      body: { role: 'employee', startedOn: null },
    });

    await officer.goto(`${server.baseUrl}/training`);
    await officer.getByText('新建培训活动').click();
    await officer.getByLabel('名称').fill('储罐区应急处置培训');
    await officer.getByLabel('授课人').fill('安全部 孙莉');
    const now = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
    await officer.getByLabel('开始时间').fill(now);
    await officer.getByLabel('学时', { exact: true }).fill('6');
    await officer.getByLabel('内容').fill('储罐泄漏处置；个体防护');
    await officer.getByRole('button', { name: '创建' }).click();
    await officer.getByRole('link', { name: '储罐区应急处置培训' }).click();
    await officer.getByTestId('training-qr').waitFor();
    const link = (await officer.getByTestId('training-signin-link').textContent())!;
    expect(link).toMatch(/\/training\/sign-in\/[\w-]+$/);
    await shot(officer, 'training-session-zh', 1100);

    // The employee's phone: no login, only the link and their number.
    const phone = await ui.openPage('employee phone', { viewport: { width: 390, height: 760 } });
    await phone.goto(link);
    await phone.getByText('储罐区应急处置培训').waitFor();
    await phone.getByLabel('手机号').fill('13900880001');
    await phone.getByRole('button', { name: '签到' }).click();
    await expect(phone.getByTestId('training-signin-done').textContent()).resolves.toContain('赵培训');
    await screenshot(phone, 'training-sign-in-zh');
    await phone.context().close();

    await officer.reload();
    await officer.getByTestId('training-attendance').getByRole('link', { name: '赵培训' }).click();
    await officer.getByTestId('training-record').waitFor();
    expect(await officer.getByTestId('training-hours').textContent()).toBe('6');

    // It ended after four hours: the organiser corrects the session and the record follows.
    await officer.goBack();
    await officer.getByRole('button', { name: '修改培训信息' }).click();
    const edit = officer.getByTestId('training-session-edit');
    await edit.getByLabel('学时', { exact: true }).fill('4');
    await shot(officer, 'training-session-edit-zh', 1100);
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'detached' });
    await officer.getByTestId('training-attendance').getByRole('cell', { name: '4', exact: true }).waitFor();
    await officer.getByTestId('training-attendance').getByRole('link', { name: '赵培训' }).click();
    // The record page shows what it had cached, then the corrected hours once it has fetched them.
    await officer.getByTestId('training-hours').filter({ hasText: /^4$/ }).waitFor();
    await shot(officer, 'training-record-zh');

    await officer.getByTestId('language-switcher').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    await officer.getByText('Sessions attended this year').waitFor();
    await shot(officer, 'training-record-en');
    await officer.goto(`${server.baseUrl}/training/people`);
    await officer.getByTestId('training-people').getByText('赵培训').waitFor();
    await shot(officer, 'training-people-en');
    await officer.getByTestId('language-switcher').selectOption('zh-CN');
    await officer.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await officer.getByRole('link', { name: '特种作业操作证' }).click();
    await officer.getByTestId('training-lapsing').waitFor();
    await shot(officer, 'training-certificates-zh');
  }, 120_000);

  it('an enterprise records a payment with its receipt and the zone’s table follows', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    await officer.goto(`${server.baseUrl}/safety-funds/${enterpriseId}?year=${year}`);
    await officer.getByTestId('fund-facts').waitFor();
    await officer.getByText('年度填报').click();
    await officer.getByLabel('行业（适用提取标准）').selectOption('dangerous_goods');
    await officer.getByLabel('上年营业收入（元）').fill('50000000');
    await officer.getByLabel('已提取（元）').fill('1000000');
    await officer.getByRole('button', { name: '保存' }).click();
    // 4.5 % of 10 M and 2.25 % of the next 40 M: 1,350,000 required, 1,000,000 set aside.
    await officer.getByTestId('fund-facts').getByText('1,350,000.00').waitFor();

    const receipt = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#eee' } })
      .png()
      .toBuffer();
    await officer.getByLabel('支出日期').fill(`${year}-03-18`);
    await officer.getByLabel('用途类别').selectOption('protective_equipment');
    await officer.getByLabel('金额（元）').fill('36800');
    await officer.getByLabel('说明').fill('正压式空气呼吸器 4 套');
    await officer
      .getByLabel('票据（图片或 PDF）')
      .setInputFiles({ name: '发票-0318.png', mimeType: 'image/png', buffer: receipt });
    await officer.getByRole('button', { name: '登记支出' }).click();
    await officer.getByTestId('fund-spends').getByRole('button', { name: '发票-0318.png' }).waitFor();
    await shot(officer, 'safety-funds-ledger-zh', 1200);

    const zone = await ui.openPage('admin@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(zone, 'admin@muster.test', PAST_LOGIN);
    await zone.goto(`${server.baseUrl}/safety-funds?year=${year}`);
    const row = zone.locator(`[data-enterprise="${enterpriseId}"]`);
    await row.getByTestId('fund-below').waitFor();
    expect(await row.getByTestId('fund-spent').textContent()).toBe('36,800.00');
    await shot(zone, 'safety-funds-table-zh');
    await zone.getByTestId('language-switcher').selectOption('en');
    await zone.waitForFunction(() => document.documentElement.lang === 'en');
    await row.getByText('Below requirement').waitFor();
    await shot(zone, 'safety-funds-table-en');

    const table = await (
      await fetch(`${server.baseUrl}/api/safety-funds?year=${year}`, {
        headers: { Authorization: `Bearer ${await demoToken(server.baseUrl, 'admin@muster.test')}` },
      })
    ).json();
    expect((table as SafetyFundYearView[]).find((r) => r.enterpriseId === enterpriseId)).toMatchObject({
      required: 1_350_000,
      setAside: 1_000_000,
      spent: 36_800,
      belowRequirement: true,
    });
    ui.expectCleanRun();
  }, 120_000);
});
