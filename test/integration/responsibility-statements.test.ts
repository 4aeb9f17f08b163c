import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { EnterprisePostsView, PersonDutiesView, PostDetailView } from '@muster/contracts';
import { Clock } from '../../server/src/common/clock.js';
import { ReminderScheduler } from '../../server/src/reminders/reminder-scheduler.js';
import { SIGN_FAILURES } from '../../server/src/responsibility-statements/sign-throttle.js';
import { StatementService } from '../../server/src/responsibility-statements/statement.service.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { ACCOUNT_SID, AUTH_TOKEN, FROM } from '../support/callouts.js';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('responsibility statements: duty by post and person', () => {
  let t: TestApp;
  let sql: pg.Client;
  let admin: string;
  let officer: string;
  let officer2: string;
  let officerId: string;
  let enterpriseId: string;
  let postId: string;
  let otherPostId: string;
  let linkPerson: { id: string; token: string };
  let consolePerson: string;
  /** The demo seeding audits its own posts and statements; this test's start from here. */
  let startedAt: Date;

  beforeAll(async () => {
    // SMS configured but no worker to send: the texts are the rows the notifications write.
    t = await createTestApp({
      env: {
        TWILIO_ACCOUNT_SID: ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: AUTH_TOKEN,
        TWILIO_FROM_NUMBER: FROM,
        TWILIO_API_BASE: 'http://127.0.0.1:9',
      },
    });
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    startedAt = new Date();
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officer2 = await t.token('officer2');
    const me = await t.login('officer1@muster.test');
    officerId = me.user.id;
    enterpriseId = me.user.enterpriseId!;
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await sql?.end();
    await t?.close();
  });

  const contact = async (name: string, phone: string, userId?: string) => {
    const res = await t.http
      .post('/api/contacts')
      .set(auth(officer))
      .send({ name, organization: '二车间', post: '操作工', phones: [phone], ...(userId ? { userId } : {}) });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const detail = async (id = postId) => {
    const res = await t.http.get(`/api/responsibility-statements/posts/${id}`).set(auth(officer));
    expect(res.status).toBe(200);
    return res.body as PostDetailView;
  };
  const tokenOf = async (contactId: string) =>
    (
      await sql.query<{ sign_token: string }>(
        `SELECT sign_token FROM post_assignment WHERE post_id = $1 AND contact_id = $2`,
        [postId, contactId],
      )
    ).rows[0]!.sign_token;
  const texts = async (phone: string, kind: string) =>
    (
      await sql.query<{ body: string }>(
        `SELECT body FROM notification_sms WHERE phone = $1 AND kind = $2 ORDER BY created_at`,
        [phone, kind],
      )
    ).rows.map((r) => r.body);

  it('takes the posts from the responsibility list, and shows posts without holders and people without a post', async () => {
    const list = await t.http
      .put(`/api/responsibility-lists/${enterpriseId}`)
      .set(auth(officer))
      .send({
        entries: [
          { kind: 'department', unit: '二车间', post: null, duties: ['车间安全生产管理'] },
          {
            kind: 'post',
            unit: '二车间',
            post: '班组长',
            duties: ['组织班前安全讲话', '检查本班组设备设施安全状况'],
          },
          { kind: 'post', unit: '二车间', post: '巡检工', duties: ['按时巡回检查并记录'] },
        ],
      });
    expect(list.status).toBe(200);
    const res = await t.http
      .get(`/api/responsibility-statements/enterprises/${enterpriseId}`)
      .set(auth(officer));
    expect(res.status).toBe(200);
    const view = res.body as EnterprisePostsView;
    const inList = view.posts.filter((p) => p.inList);
    expect(inList.map((p) => `${p.unit} ${p.name}`)).toEqual(['二车间 班组长', '二车间 巡检工']);
    postId = inList[0]!.id;
    otherPostId = inList[1]!.id;
    expect(inList.every((p) => p.holders.length === 0)).toBe(true);
    // Everyone in the enterprise's directory holds no post yet.
    expect(view.withoutPost.length).toBeGreaterThan(0);
    expect(inList[0]!.duties).toEqual(['组织班前安全讲话', '检查本班组设备设施安全状况']);

    // The first persons responsible head the list: the actual controller is recorded beside the legal representative.
    const ent = await t.http.get(`/api/enterprises/${enterpriseId}`).set(auth(officer));
    const patched = await t.http
      .patch(`/api/enterprises/${enterpriseId}`)
      .set(auth(officer))
      .send({ actualController: ent.body.legalRepresentative });
    expect(patched.status).toBe(200);
    expect(patched.body.actualController).toBe(ent.body.legalRepresentative);
    const again = await t.http.get(`/api/responsibility-lists/${enterpriseId}`).set(auth(officer));
    expect(again.body).toMatchObject({
      firstResponsible: ent.body.legalRepresentative,
      actualController: ent.body.legalRepresentative,
    });
  });

  it('asks each holder to sign a new version again; earlier signatures keep their version and text hash', async () => {
    const a = await contact('责任书测试张伟', '+8613900880001');
    const b = await contact('责任书测试李娜', '+8613900880002', officerId);
    consolePerson = b.id;
    const holders = await t.http
      .put(`/api/responsibility-statements/posts/${postId}/holders`)
      .set(auth(officer))
      .send({ contactIds: [a.id, b.id] });
    expect(holders.status).toBe(200);
    expect(holders.body.holders.map((h: { state: string }) => h.state)).toEqual(['none', 'none']);

    const v1 = await t.http
      .post(`/api/responsibility-statements/posts/${postId}/versions`)
      .set(auth(officer))
      .send({ year: 2031, clauses: ['严格执行安全操作规程'], targets: ['全年无轻伤以上事故'] });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      version: 1,
      year: 2031,
      duties: ['组织班前安全讲话', '检查本班组设备设施安全状况'],
    });
    expect(v1.body.textHash).toBe(sha256(v1.body.text));
    expect(v1.body.text).toContain('组织班前安全讲话');
    expect(v1.body.text).toContain('全年无轻伤以上事故');
    expect(v1.body.text).toMatch(/（法定代表人、实际控制人）/);

    // Each holder is texted their own link; the one with an account also hears in the console.
    const tokenA = await tokenOf(a.id);
    linkPerson = { id: a.id, token: tokenA };
    const toA = await texts('+8613900880001', 'responsibility_statement.sign_requested');
    expect(toA).toHaveLength(1);
    expect(toA[0]).toContain(`/statements/sign/${tokenA}`);
    expect(await texts('+8613900880002', 'responsibility_statement.sign_requested')).toHaveLength(1);
    const inApp = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification WHERE kind = 'responsibility_statement.sign_requested' AND user_id = $1`,
          [officerId],
        )
      ).rows[0]!.n;
    expect(await inApp()).toBe(1);

    // A signs by the link, B in the console.
    const info = await t.http.get(`/api/statement-signing/${tokenA}`);
    expect(info.status).toBe(200);
    expect(info.body).toMatchObject({
      postName: '班组长',
      signed: false,
      version: { version: 1, text: v1.body.text },
    });
    expect(JSON.stringify(info.body)).not.toContain('责任书测试张伟');
    const signA = await t.http
      .post(`/api/statement-signing/${tokenA}`)
      .send({ versionId: v1.body.id, name: '责任书测试张伟', phoneLast4: '0001' });
    expect(signA.status).toBe(200);
    expect(signA.body).toMatchObject({ version: 1, textHash: v1.body.textHash, already: false });
    const signB = await t.http
      .post(`/api/responsibility-statements/versions/${v1.body.id}/sign`)
      .set(auth(officer));
    expect(signB.status).toBe(200);
    // Someone who does not hold the post cannot sign for it.
    const notHolder = await t.http
      .post(`/api/responsibility-statements/versions/${v1.body.id}/sign`)
      .set(auth(admin));
    expect(notHolder.status).toBe(403);

    let post = await detail();
    expect(post.holders.map((h) => [h.name, h.state, h.signedVersion])).toEqual([
      ['责任书测试张伟', 'current', 1],
      ['责任书测试李娜', 'current', 1],
    ]);
    expect(post.versions[0]!.signatures.map((s) => s.method).sort()).toEqual(['console', 'link']);

    // Version 2: everyone is asked again and stands on the older version until they sign it.
    const v2 = await t.http
      .post(`/api/responsibility-statements/posts/${postId}/versions`)
      .set(auth(officer))
      .send({
        year: 2031,
        clauses: ['严格执行安全操作规程', '参加每月安全活动'],
        targets: ['全年无轻伤以上事故'],
      });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    expect(v2.body.textHash).not.toBe(v1.body.textHash);
    expect(await texts('+8613900880001', 'responsibility_statement.sign_requested')).toHaveLength(2);
    expect(await texts('+8613900880002', 'responsibility_statement.sign_requested')).toHaveLength(2);
    expect(await inApp()).toBe(2);
    post = await detail();
    expect(post.currentVersion).toBe(2);
    expect(post.holders.map((h) => [h.state, h.signedVersion])).toEqual([
      ['older', 1],
      ['older', 1],
    ]);
    expect(await t.get(StatementService).signedRateByEnterprise([enterpriseId])).toEqual(
      new Map([[enterpriseId, { signed: 0, required: 2 }]]),
    );

    // The link page now shows version 2; the older version can no longer be signed.
    const stale = await t.http
      .post(`/api/statement-signing/${tokenA}`)
      .send({ versionId: v1.body.id, name: '责任书测试张伟', phoneLast4: '0001' });
    expect(stale.status).toBe(409);
    const staleConsole = await t.http
      .post(`/api/responsibility-statements/versions/${v1.body.id}/sign`)
      .set(auth(officer));
    expect(staleConsole.status).toBe(409);
    const signA2 = await t.http
      .post(`/api/statement-signing/${tokenA}`)
      .send({ versionId: v2.body.id, name: '责任书测试张伟', phoneLast4: '0001' });
    expect(signA2.status).toBe(200);
    expect(await t.get(StatementService).signedRateByEnterprise([enterpriseId])).toEqual(
      new Map([[enterpriseId, { signed: 1, required: 2 }]]),
    );

    const person = await t.http.get(`/api/responsibility-statements/people/${a.id}`).set(auth(officer));
    expect(person.status).toBe(200);
    const p = person.body as PersonDutiesView;
    expect(p.posts).toEqual([expect.objectContaining({ postId, state: 'current', signedVersion: 2 })]);
    expect(p.signatures.map((s) => [s.version, s.textHash, s.method])).toEqual([
      [2, v2.body.textHash, 'link'],
      [1, v1.body.textHash, 'link'],
    ]);
    expect(p.signatures.every((s) => s.ip !== null)).toBe(true);
    // The signed text is kept as it was: version 1 still reads as it did, under its own hash.
    const kept = await t.http.get(`/api/responsibility-statements/versions/${v1.body.id}`).set(auth(officer));
    expect(kept.body.text).toBe(v1.body.text);
    expect(sha256(kept.body.text)).toBe(v1.body.textHash);
  });

  it('records duties carried out by post, naming a duty of the list and a holder', async () => {
    const url = `/api/responsibility-statements/posts/${postId}/duty-records`;
    const base = {
      contactId: linkPerson.id,
      doneOn: '2031-03-15',
      duty: '组织班前安全讲话',
      description: '组织早班班前会，讲解受限空间作业风险',
    };
    const notDuty = await t.http
      .post(url)
      .set(auth(officer))
      .send({ ...base, duty: '编制财务报表' });
    expect(notDuty.status).toBe(400);
    expect(notDuty.body.message).toEqual([expect.stringMatching(/^duty: /)]);
    const notHolder = await t.http
      .post(`/api/responsibility-statements/posts/${otherPostId}/duty-records`)
      .set(auth(officer))
      .send({ ...base, duty: '按时巡回检查并记录' });
    expect(notHolder.status).toBe(400);
    expect(notHolder.body.message).toEqual([expect.stringMatching(/^contactId: /)]);
    const ok = await t.http.post(url).set(auth(officer)).send(base);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      personName: '责任书测试张伟',
      postName: '班组长',
      duty: '组织班前安全讲话',
    });
    expect((await detail()).dutyRecords.map((r) => r.id)).toEqual([ok.body.id]);
    const byPerson = await t.http
      .get(`/api/responsibility-statements/duty-records?contactId=${linkPerson.id}`)
      .set(auth(officer));
    expect(byPerson.body).toMatchObject({ total: 1, items: [{ id: ok.body.id }] });
  });

  it('keeps each enterprise to its own posts, people and records', async () => {
    const paths = [
      `/api/responsibility-statements/enterprises/${enterpriseId}`,
      `/api/responsibility-statements/posts/${postId}`,
      `/api/responsibility-statements/people/${linkPerson.id}`,
    ];
    for (const path of paths) {
      expect({ path, status: (await t.http.get(path).set(auth(officer2))).status }).toEqual({
        path,
        status: 404,
      });
      expect({ path, status: (await t.http.get(path).set(auth(admin))).status }).toEqual({
        path,
        status: 200,
      });
    }
    const holders = await t.http
      .put(`/api/responsibility-statements/posts/${postId}/holders`)
      .set(auth(officer2))
      .send({ contactIds: [] });
    expect(holders.status).toBe(404);
    const publish = await t.http
      .post(`/api/responsibility-statements/posts/${postId}/versions`)
      .set(auth(officer2))
      .send({ year: 2031, clauses: ['x'], targets: ['y'] });
    expect(publish.status).toBe(404);
    const records = await t.http.get('/api/responsibility-statements/duty-records').set(auth(officer2));
    expect(records.body.items.every((r: { enterpriseId: string }) => r.enterpriseId !== enterpriseId)).toBe(
      true,
    );
    // A person of another enterprise cannot be made to hold this one's post.
    const [foreign] = (
      await sql.query<{ id: string }>(
        `SELECT id FROM contact WHERE enterprise_id IS NOT NULL AND enterprise_id <> $1 LIMIT 1`,
        [enterpriseId],
      )
    ).rows;
    const cross = await t.http
      .put(`/api/responsibility-statements/posts/${postId}/holders`)
      .set(auth(officer))
      .send({ contactIds: [linkPerson.id, foreign!.id] });
    expect(cross.status).toBe(400);
    expect(cross.body.message).toEqual([expect.stringMatching(/^contactIds\[1\]: /)]);
    // The zone's overview names every enterprise; an officer's, only their own.
    const zone = await t.http.get('/api/responsibility-statements/enterprises').set(auth(admin));
    expect(zone.body.length).toBeGreaterThan(1);
    const own = await t.http.get('/api/responsibility-statements/enterprises').set(auth(officer));
    expect(own.body.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([enterpriseId]);
    expect(own.body[0]).toMatchObject({ signed: 1, required: 2 });
  });

  it('audits holders, publications, signatures and duty records', async () => {
    const { rows } = await sql.query<{ action: string; user_id: string | null }>(
      `SELECT action, user_id FROM audit_log
        WHERE entity IN ('responsibility_post', 'statement_version', 'duty_record') AND at >= $1
        ORDER BY id`,
      [startedAt],
    );
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === 'responsibility_post.holders_changed')).toHaveLength(1);
    expect(actions.filter((a) => a === 'statement_version.published')).toHaveLength(2);
    expect(actions.filter((a) => a === 'statement_version.signed')).toHaveLength(3);
    expect(actions.filter((a) => a === 'duty_record.created')).toHaveLength(1);
    expect(rows.find((r) => r.action === 'statement_version.published')!.user_id).toBe(officerId);
  });

  it('reminds a holder who has not signed within the days allowed, once', async () => {
    const [v] = (
      await sql.query<{ published_at: Date }>(
        `SELECT published_at FROM statement_version WHERE post_id = $1 ORDER BY version DESC LIMIT 1`,
        [postId],
      )
    ).rows;
    const clock = t.get(Clock);
    const scheduler = t.get(ReminderScheduler);
    const reminded = async () =>
      (
        await sql.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notification
            WHERE kind = 'responsibility_statement.unsigned' AND user_id = $1`,
          [officerId],
        )
      ).rows[0]!.n;
    const at = async (days: number) => {
      jest.spyOn(clock, 'now').mockReturnValue(new Date(v!.published_at.getTime() + days * 86_400_000));
      await scheduler.scan(['responsibility-statement']);
      await scheduler.scan(['responsibility-statement']);
    };
    await at(3);
    expect(await reminded()).toBe(0);
    await at(9);
    // The console signer (an officer) has not signed version 2; the link signer has.
    expect(await texts('+8613900880002', 'responsibility_statement.unsigned')).toHaveLength(1);
    expect(await texts('+8613900880001', 'responsibility_statement.unsigned')).toHaveLength(0);
    const n = await reminded();
    expect(n).toBeGreaterThan(0);
    await at(20);
    expect(await reminded()).toBe(n);
    expect(await texts('+8613900880002', 'responsibility_statement.unsigned')).toHaveLength(1);
    jest.restoreAllMocks();
    // Signed now: nothing more is owed.
    const sign = await t.http
      .post(`/api/responsibility-statements/versions/${(await detail()).versions[0]!.id}/sign`)
      .set(auth(officer));
    expect(sign.status).toBe(200);
    expect((await detail()).holders.find((h) => h.contactId === consolePerson)!.state).toBe('current');
  });

  it('refuses a link signature with the wrong name or digits, and locks out guessing', async () => {
    const { token } = linkPerson;
    const info = await t.http.get(`/api/statement-signing/${token}`);
    const versionId = info.body.version.id as string;
    const wrong = await t.http
      .post(`/api/statement-signing/${token}`)
      .send({ versionId, name: '责任书测试张伟', phoneLast4: '9999' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toEqual([expect.stringMatching(/^name: /)]);
    const wrongName = await t.http
      .post(`/api/statement-signing/${token}`)
      .send({ versionId, name: '张三', phoneLast4: '0001' });
    expect(wrongName.status).toBe(400);
    const bad = await t.http
      .post(`/api/statement-signing/${token}`)
      .send({ versionId, name: 'x', phoneLast4: '12' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^phoneLast4: /)]);
    expect((await t.http.get('/api/statement-signing/not-a-link')).status).toBe(404);
    let last = wrong;
    for (let i = 0; i < SIGN_FAILURES; i++) {
      last = await t.http
        .post(`/api/statement-signing/${token}`)
        .send({ versionId, name: '责任书测试张伟', phoneLast4: String(1000 + i) });
    }
    expect(last.status).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
    // Locked even with the right answer, until the window passes.
    const right = await t.http
      .post(`/api/statement-signing/${token}`)
      .send({ versionId, name: '责任书测试张伟', phoneLast4: '0001' });
    expect(right.status).toBe(429);
  });
});
