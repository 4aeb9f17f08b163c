import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { HazardView, ListResponse, RunView } from '@muster/contracts';
import { ConsoleBrowser, demoToken, PAST_LOGIN, requireBuiltConsole, shot } from '../support/browser.js';
import pg from 'pg';
import { createTestApp, type TestApp } from '../support/app.js';

const HAN = /\p{Script=Han}/u;

/**
 * What people read says it in the console's language: errors by their code, the audit log and
 * the queues in words, the drill report's record, and in English no Chinese left in the map's
 * glyphs, its zoom buttons or the counts.
 */
describe('records and errors in the reader’s language', () => {
  let server: TestApp;
  let ui: ConsoleBrowser;
  let run: RunView;
  let hazard: HazardView;

  const api = async <T>(email: string, path: string, method = 'GET'): Promise<T> => {
    const token = await demoToken(server.baseUrl, email);
    const res = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    await requireBuiltConsole();
    server = await createTestApp({ web: true });
    ui = await ConsoleBrowser.launch(server.baseUrl);
    // The demo drill, started: its room records the start, which the report then shows.
    const runs = await api<ListResponse<RunView>>('commander@muster.test', '/api/drills/runs?pageSize=50');
    run = runs.items.find((r) => r.status === 'scheduled' && r.roster.evaluators.length === 1)!;
    expect(run).toBeDefined();
    run = await api<RunView>('commander@muster.test', `/api/drills/runs/${run.id}/start`, 'POST');
    expect(run.incidentId).toBeTruthy();
    const submitted = await api<ListResponse<HazardView>>(
      'inspector@muster.test',
      '/api/hazards?status=submitted&pageSize=50',
    );
    hazard = submitted.items[0]!;
    expect(hazard).toBeDefined();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    await server?.close();
  });

  it('prints the activity log with the system’s jobs by what they did', async () => {
    // A voice escalation's entry, as the worker writes it into the drill's room.
    const sql = new pg.Client({ connectionString: server.db.url });
    await sql.connect();
    try {
      await sql.query(
        `INSERT INTO room_event (incident_id, seq, type, payload, actor, at)
         SELECT id, last_seq + 1, 'callout.recipient_updated', $2, $3, now() FROM incident WHERE id = $1`,
        [
          run.incidentId,
          JSON.stringify({
            calloutId: 'c',
            recipientId: 'r',
            name: '王伟',
            state: 'notified',
            channel: 'voice',
          }),
          JSON.stringify({ id: null, name: 'job:callout-voice-escalation', role: 'system' }),
        ],
      );
      await sql.query(`UPDATE incident SET last_seq = last_seq + 1 WHERE id = $1`, [run.incidentId]);
    } finally {
      await sql.end();
    }
    const page = await ui.openPage('print');
    await ui.signIn(page, 'commander@muster.test', PAST_LOGIN);
    await page.goto(`${server.baseUrl}/incidents/${run.incidentId}/activity`);
    const log = page.getByTestId('activity-log');
    await log.getByText('王伟：已通知（语音电话）').waitFor();
    const text = (await log.textContent()) ?? '';
    expect(text).toContain('系统：语音升级');
    expect(text).not.toMatch(/job:|\bsystem\b|[a-z]+_[a-z]+/);
    await shot(page, 'words-activity-print');
  }, 30_000);

  it('says a wrong password in Chinese alone', async () => {
    const page = await ui.openPage('login');
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('电子邮箱').fill('commander@muster.test');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect((await error.textContent())?.trim()).toBe('邮箱或密码不正确');
    await shot(page, 'words-login-error');
  }, 30_000);

  it('words a refused rejection by its code, not in the server’s English', async () => {
    const page = await ui.openPage('inspector');
    await ui.signIn(page, 'inspector@muster.test', PAST_LOGIN);
    await page.goto(`${server.baseUrl}/hazards/${hazard.id}`);
    await page.getByTestId('action-reject').click();
    const notice = page.locator('.notice--error');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('请填写驳回理由');
    expect(text).not.toMatch(/[A-Za-z]/);
    await shot(page, 'words-hazard-reject-refused');
  }, 30_000);

  describe('as the zone admin', () => {
    let page: Page;
    beforeAll(async () => {
      page = await ui.openPage('admin');
      await ui.signIn(page, 'admin@muster.test', PAST_LOGIN);
    }, 30_000);

    it('shows the audit log in words: actions, kinds of record and the records by name', async () => {
      await page.goto(`${server.baseUrl}/admin/audit`);
      const table = page.getByTestId('audit-table');
      await table.locator('tbody tr').first().waitFor();
      const actions = await table.getByTestId('audit-action').allTextContents();
      expect(actions.length).toBeGreaterThan(0);
      for (const a of actions)
        expect({ a, code: /^[a-z_]+\.[a-z_]+$/.test(a.trim()) }).toEqual({ a, code: false });
      expect(actions.map((a) => a.trim())).toContain('登录');
      const entities = await table.getByTestId('audit-entity').allTextContents();
      for (const e of entities) expect(e).toMatch(HAN);
      // The drill just started is named by its title, not its id.
      expect(entities.join('\n')).toContain(run.title);
      expect(entities.join('\n')).not.toContain(run.id);
      await shot(page, 'words-audit', 1200);
    }, 30_000);

    it('names every queue by what it does', async () => {
      await page.goto(`${server.baseUrl}/admin/queues`);
      const names = page.getByTestId('queue-name');
      await names.first().waitFor();
      const all = (await names.allTextContents()).map((n) => n.trim());
      expect(all).toContain('演练时钟');
      for (const n of all) expect(n).toMatch(HAN);
      await shot(page, 'words-queues');
    }, 30_000);
  });

  describe('in English', () => {
    let page: Page;
    beforeAll(async () => {
      page = await ui.openPage('commander-en');
      await ui.signIn(page, 'commander@muster.test', PAST_LOGIN);
      await page.getByTestId('language-switcher').selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }, 30_000);

    it('counts the roster with plurals', async () => {
      await page.goto(`${server.baseUrl}/drills`);
      const row = page.locator('tr', { hasText: run.title }).first();
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      expect(text).toContain('1 evaluator');
      expect(text).not.toContain('1 evaluators');
    }, 30_000);

    it('writes the drill report’s record in English, and in Chinese for a Chinese console', async () => {
      const report = `${server.baseUrl}/drills/runs/${run.id}/report`;
      await page.goto(report);
      const timeline = page.getByTestId('report-timeline');
      await timeline.getByText('Drill started:').first().waitFor();
      expect(await timeline.textContent()).not.toContain('drill started');
      await shot(page, 'words-report-en');
      // The report is a print page without the language switcher: switch in the console.
      await page.goto(`${server.baseUrl}/drills`);
      await page.getByTestId('language-switcher').selectOption('zh-CN');
      await page.goto(report);
      await timeline.getByText('演练开始：').first().waitFor();
      await page.goto(`${server.baseUrl}/drills`);
      await page.getByTestId('language-switcher').selectOption('en');
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }, 30_000);

    it('draws map glyphs and zoom buttons in English', async () => {
      await page.goto(`${server.baseUrl}/resources`);
      await page.locator('.resource-pin').first().waitFor();
      const glyphs = await page.locator('.resource-pin').allTextContents();
      for (const g of glyphs) expect({ g, han: HAN.test(g) }).toEqual({ g, han: false });
      expect(await page.locator('.leaflet-control-zoom-in').getAttribute('title')).toBe('Zoom in');
      await shot(page, 'words-resources-en');
      await page.getByTestId('language-switcher').selectOption('zh-CN');
      await page.waitForFunction(
        () => document.querySelector('.leaflet-control-zoom-in')?.getAttribute('title') === '放大',
      );
    }, 30_000);
  });

  it('raised no page errors', () => {
    ui.expectCleanRun();
  });
});
