import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Page } from 'playwright-core';
import type { EnterprisePostsView } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import {
  ConsoleBrowser,
  PAST_LOGIN,
  demoToken,
  requireBuiltConsole,
  screenshot,
  shot,
} from '../support/browser.js';
import { ACCOUNT_SID, AUTH_TOKEN, FROM } from '../support/callouts.js';

/**
 * Duty by post and person: a new holder of a post gets a text with their personal link, opens it
 * on their phone, reads and signs the statement, and the enterprise's post shows them signed on
 * the version in force.
 */
describe('responsibility statements in the console', () => {
  let t: TestApp;
  let sql: pg.Client;
  let ui: ConsoleBrowser;
  let officer: Page;
  let enterpriseId: string;

  async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${t.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${await demoToken(t.baseUrl, 'officer1@muster.test')}`,
        'Content-Type': 'application/json',
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    expect({ path, status: res.status }).toEqual({ path, status: init.method === 'POST' ? 201 : 200 });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    await requireBuiltConsole();
    // Texts are written for the delivery worker, which this test does not run: the phone reads its row.
    t = await createTestApp({
      web: true,
      env: {
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_FROM_NUMBER: FROM,
        TWILIO_API_BASE: 'http://127.0.0.1:9',
      },
    });
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    ui = await ConsoleBrowser.launch(t.baseUrl);
    officer = await ui.openPage('officer1@muster.test', { viewport: { width: 1280, height: 900 } });
    await ui.signIn(officer, 'officer1@muster.test', PAST_LOGIN);
    enterpriseId = (await api<{ enterpriseId: string }>('/api/auth/me')).enterpriseId;
  }, 300_000);

  afterAll(async () => {
    await ui?.close();
    await sql?.end();
    await t?.close();
  });

  it('a new holder signs by their link and the post shows them signed on the current version', async () => {
    const person = await api<{ id: string }>('/api/contacts', {
      method: 'POST',
      body: { name: '签署测试王明', organization: '气化车间', post: '操作工', phones: ['+8613900990042'] },
    });
    const view = await api<EnterprisePostsView>(`/api/responsibility-statements/enterprises/${enterpriseId}`);
    const post = view.posts.find((p) => p.unit === '气化车间' && p.name === '岗位操作工')!;
    expect(post.currentVersion).toBe(2);
    await api(`/api/responsibility-statements/posts/${post.id}/holders`, {
      method: 'PUT',
      body: { contactIds: [...post.holders.map((h) => h.contactId), person.id] },
    });

    // The text the new holder got: the post, the version and their personal link.
    const { rows } = await sql.query<{ body: string }>(
      `SELECT body FROM notification_sms WHERE phone = '+8613900990042' AND kind = 'responsibility_statement.sign_requested'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toContain('岗位操作工');
    const path = /\/statements\/sign\/[\w-]+/.exec(rows[0]!.body)![0];

    const phone = await ui.openPage('holder phone', { viewport: { width: 390, height: 1100 } });
    await phone.goto(`${t.baseUrl}${path}`);
    await expect(phone.getByTestId('statement-text').textContent()).resolves.toContain(
      '一、岗位安全生产职责',
    );
    await phone.getByLabel('姓名').fill('签署测试王明');
    await phone.getByLabel('手机号后四位').fill('0043');
    await phone.getByRole('button', { name: '我已阅读并签署' }).click();
    await phone.getByRole('alert').waitFor();
    await phone.getByLabel('手机号后四位').fill('0042');
    await phone.getByRole('button', { name: '我已阅读并签署' }).click();
    await expect(phone.getByTestId('statement-signed').textContent()).resolves.toContain('第 2 版');
    await screenshot(phone, 'statement-sign-zh', true);
    await phone.context().close();

    await officer.goto(`${t.baseUrl}/duties/enterprises/${enterpriseId}`);
    const row = officer.getByTestId('duty-posts').getByRole('row').filter({ hasText: '岗位操作工' });
    await row.getByText('签署测试王明').waitFor();
    const holder = row.getByRole('listitem').filter({ hasText: '签署测试王明' });
    await expect(holder.getByTestId('duty-sign-state').textContent()).resolves.toBe('已签当前版本');
    // Those who signed only version 1 stand on the older one.
    await expect(
      row.getByRole('listitem').filter({ hasText: '范志勇' }).getByTestId('duty-sign-state').textContent(),
    ).resolves.toBe('仅签旧版本（第 1 版）');
    await shot(officer, 'duties-enterprise-zh', 1300);

    await row.getByRole('link', { name: '岗位操作工' }).click();
    const v2 = officer.getByTestId('duty-version').first();
    await v2.getByTestId('duty-signatures').getByText('签署测试王明').waitFor();
    await expect(
      v2.getByTestId('duty-signatures').getByText('短信链接签署').count(),
    ).resolves.toBeGreaterThan(0);
    await shot(officer, 'duties-post-zh', 1500);

    await officer.getByTestId('language-switcher').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    await officer.getByText('Statement versions').waitFor();
    await shot(officer, 'duties-post-en', 1500);
    await officer.goto(`${t.baseUrl}/duties`);
    await officer.getByTestId('duties-table').waitFor();
    await shot(officer, 'duties-overview-en');
    await officer.getByTestId('language-switcher').selectOption('zh-CN');
    await officer.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await officer.getByTestId('duties-table').getByText('第一责任人').waitFor();
    await shot(officer, 'duties-overview-zh');
    await officer.goto(`${t.baseUrl}/enterprises`);
    await officer.getByTestId('enterprise-first-responsible').first().waitFor();
    await expect(
      officer.getByTestId('enterprise-first-responsible').first().textContent(),
    ).resolves.toContain('（法定代表人、实际控制人）');
    await shot(officer, 'enterprises-first-responsible-zh');
  }, 180_000);
});
