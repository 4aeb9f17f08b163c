import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { ContactView, RotationView, TeamView } from '@muster/contracts';
import { RotationService } from '../../server/src/directory/rotation.service.js';
import { createTestApp, type TestApp } from '../support/app.js';

const E164 = /^\+[1-9]\d{6,14}$/;

describe('directory: contacts, teams, rotations', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let officerEnterprise: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const contactCount = async () =>
    (await t.http.get('/api/contacts?pageSize=1').set(auth(admin))).body.total as number;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    officer = await t.token('enterprise_officer');
    officerEnterprise = (await t.login('officer1@muster.test')).user.enterpriseId!;
    // Booting over a fresh database seeded with the whole demo zone takes a while on a busy machine.
  }, 120_000);
  afterAll(() => t.close());

  describe('contacts', () => {
    it('lists the demo contacts with E.164 phones (the GET /api/contacts contract)', async () => {
      const res = await t.http.get('/api/contacts?pageSize=500').set(auth(await t.token('commander')));
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(40);
      for (const c of res.body.items as ContactView[]) {
        expect(c).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String) }));
        expect(c.phones.length).toBeGreaterThan(0);
        for (const p of c.phones) expect(p).toMatch(E164);
      }
    });

    it('normalizes phone numbers to E.164 and names a bad one', async () => {
      const created = await t.http
        .post('/api/contacts')
        .set(auth(admin))
        .send({ name: '测试联系人', phones: ['0561-3012345', '138 0561 9999'], skills: ['急救'] });
      expect(created.status).toBe(201);
      expect(created.body.phones).toEqual(['+865613012345', '+8613805619999']);
      expect(created.body.enterpriseId).toBeNull();

      const bad = await t.http
        .post('/api/contacts')
        .set(auth(admin))
        .send({
          name: '错误号码',
          phones: ['12345'],
          certifications: [{ name: 'x', expiresOn: '2026-02-30' }],
        });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^phones: .*"12345"/),
          expect.stringMatching(/^certifications\.0\.expiresOn: /),
        ]),
      );
    });

    it("an officer sees only their own enterprise's contacts; zone and foreign contacts are 404", async () => {
      const mine = await t.http.get('/api/contacts?pageSize=500').set(auth(officer));
      expect(mine.status).toBe(200);
      expect(mine.body.total).toBeGreaterThan(0);
      expect(new Set((mine.body.items as ContactView[]).map((c) => c.enterpriseId))).toEqual(
        new Set([officerEnterprise]),
      );

      const all = (await t.http.get('/api/contacts?pageSize=500').set(auth(admin))).body
        .items as ContactView[];
      const zone = all.find((c) => c.enterpriseId === null)!;
      const foreign = all.find((c) => c.enterpriseId && c.enterpriseId !== officerEnterprise)!;
      for (const c of [zone, foreign]) {
        expect((await t.http.get(`/api/contacts/${c.id}`).set(auth(officer))).status).toBe(404);
        expect(
          (await t.http.patch(`/api/contacts/${c.id}`).set(auth(officer)).send({ post: 'x' })).status,
        ).toBe(404);
        expect((await t.http.delete(`/api/contacts/${c.id}`).set(auth(officer))).status).toBe(404);
      }

      // An officer creates for their own enterprise and may not name another.
      const own = await t.http
        .post('/api/contacts')
        .set(auth(officer))
        .send({ name: '新员工', phones: ['13805618888'] });
      expect(own.status).toBe(201);
      expect(own.body.enterpriseId).toBe(officerEnterprise);
      const other = await t.http
        .post('/api/contacts')
        .set(auth(officer))
        .send({ name: '别家员工', phones: ['13805618889'], enterpriseId: foreign.enterpriseId });
      expect(other.status).toBe(400);
      expect(other.body.message).toEqual([expect.stringMatching(/^enterpriseId: /)]);
    });

    it('finds contacts whose certificates expire by a date', async () => {
      const by = '2026-06-30';
      const res = await t.http
        .get(`/api/contacts?certificationExpiresBy=${by}&pageSize=500`)
        .set(auth(admin));
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThan(0);
      for (const c of res.body.items as ContactView[]) {
        expect(c.certifications.some((x) => x.expiresOn !== null && x.expiresOn <= by)).toBe(true);
      }
      const bad = await t.http.get('/api/contacts?certificationExpiresBy=2026-02-30').set(auth(admin));
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual([expect.stringMatching(/^certificationExpiresBy: /)]);
    });

    it('refuses to delete a contact still in a team', async () => {
      const teams = (await t.http.get('/api/teams?pageSize=100').set(auth(admin))).body.items as TeamView[];
      const member = teams[0]!.memberContactIds[0]!;
      const res = await t.http.delete(`/api/contacts/${member}`).set(auth(admin));
      expect(res.status).toBe(409);
    });
  });

  describe('teams', () => {
    it('lists teams with their member contact ids (the GET /api/teams contract)', async () => {
      const res = await t.http.get('/api/teams?pageSize=100').set(auth(admin));
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(6);
      const fire = (res.body.items as TeamView[]).find((x) => x.name === '园区专职消防队')!;
      expect(fire.type).toBe('fire');
      expect(fire.memberContactIds.length).toBe(4);
      expect(fire.memberContactIds[0]).toBe(fire.leaderContactId);
      const members = await Promise.all(
        fire.memberContactIds.map((id) => t.http.get(`/api/contacts/${id}`).set(auth(admin))),
      );
      expect(members.map((m) => m.status)).toEqual([200, 200, 200, 200]);
    });

    it('validates members: unknown ids and other owners are named', async () => {
      const contacts = (await t.http.get('/api/contacts?pageSize=500').set(auth(admin))).body
        .items as ContactView[];
      const foreign = contacts.find((c) => c.enterpriseId && c.enterpriseId !== officerEnterprise)!;
      const res = await t.http
        .post('/api/teams')
        .set(auth(officer))
        .send({
          name: '测试队',
          type: 'rescue',
          memberContactIds: [foreign.id, '00000000-0000-4000-8000-000000000000'],
        });
      expect(res.status).toBe(400);
      // A contact the officer cannot see is "no such contact", not a leak of its existence.
      expect(res.body.message).toEqual([
        `memberContactIds: no such contact ${foreign.id}`,
        'memberContactIds: no such contact 00000000-0000-4000-8000-000000000000',
      ]);
    });

    it('creates and updates a team with a base location; filters by type', async () => {
      const mine = (await t.http.get('/api/contacts?pageSize=500').set(auth(officer))).body
        .items as ContactView[];
      const created = await t.http
        .post('/api/teams')
        .set(auth(officer))
        .send({
          name: '企业疏散组',
          type: 'evacuation',
          leaderContactId: mine[0]!.id,
          memberContactIds: [mine[1]!.id],
          base: { lat: 33.996, lng: 116.813 },
        });
      expect(created.status).toBe(201);
      expect(created.body.memberContactIds).toEqual([mine[0]!.id, mine[1]!.id]);
      const patched = await t.http
        .patch(`/api/teams/${created.body.id}`)
        .set(auth(officer))
        .send({ readiness: 'limited', base: null });
      expect(patched.body).toMatchObject({ readiness: 'limited', base: null });
      const evac = await t.http.get('/api/teams?type=evacuation').set(auth(officer));
      expect((evac.body.items as TeamView[]).map((x) => x.id)).toEqual([created.body.id]);
    });
  });

  describe('rotations', () => {
    let rotation: RotationView;
    let members: ContactView[];

    beforeAll(async () => {
      members = (
        (await t.http.get('/api/contacts?enterpriseId=zone&pageSize=3').set(auth(admin))).body
          .items as ContactView[]
      ).slice(0, 3);
      const res = await t.http
        .post('/api/rotations')
        .set(auth(admin))
        .send({
          name: '测试值班',
          memberContactIds: members.map((m) => m.id),
          shiftHours: 24,
          handoffTime: '08:00',
          startDate: '2026-03-01',
        });
      expect(res.status).toBe(201);
      rotation = res.body;
    });

    const onCall = async (at: string) => {
      const res = await t.http
        .get(`/api/rotations/${rotation.id}/on-call?at=${encodeURIComponent(at)}`)
        .set(auth(admin));
      expect(res.status).toBe(200);
      return res.body as { contactId: string | null; source: string; contact: ContactView | null };
    };

    it('answers who is on call at and around the 08:00 (Asia/Shanghai) hand-off', async () => {
      expect(rotation.timeZone).toBe('Asia/Shanghai');
      expect((await onCall('2026-03-02T07:59:59.999+08:00')).contactId).toBe(members[0]!.id);
      const at = await onCall('2026-03-02T08:00:00+08:00');
      expect(at.contactId).toBe(members[1]!.id);
      expect(at.contact?.phones[0]).toMatch(E164);
      expect((await onCall('2026-03-04T00:00:00Z')).contactId).toBe(members[0]!.id);
      expect((await onCall('2026-02-28T12:00:00Z')).source).toBe('none');
    });

    it('applies an override for its range only, and removes it', async () => {
      const cover = members[2]!.id;
      const o = await t.http.post(`/api/rotations/${rotation.id}/overrides`).set(auth(admin)).send({
        contactId: cover,
        startsAt: '2026-03-02T20:00:00+08:00',
        endsAt: '2026-03-03T02:00:00+08:00',
        reason: '调班',
      });
      expect(o.status).toBe(201);
      expect((await onCall('2026-03-02T19:59:59+08:00')).contactId).toBe(members[1]!.id);
      const during = await onCall('2026-03-02T20:00:00+08:00');
      expect(during).toMatchObject({ contactId: cover, source: 'override' });
      expect((await onCall('2026-03-03T02:00:00+08:00')).contactId).toBe(members[1]!.id);

      const schedule = await t.http
        .get(
          `/api/rotations/${rotation.id}/schedule?from=2026-03-02T08:00:00%2B08:00&to=2026-03-03T08:00:00%2B08:00`,
        )
        .set(auth(admin));
      expect(schedule.status).toBe(200);
      expect(
        schedule.body.segments.map((s: { contactId: string; source: string }) => [s.contactId, s.source]),
      ).toEqual([
        [members[1]!.id, 'rotation'],
        [cover, 'override'],
        [members[1]!.id, 'rotation'],
      ]);

      const bad = await t.http.post(`/api/rotations/${rotation.id}/overrides`).set(auth(admin)).send({
        contactId: cover,
        startsAt: '2026-03-03T02:00:00+08:00',
        endsAt: '2026-03-03T01:00:00+08:00',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(['endsAt: must be after startsAt']);

      expect(
        (await t.http.delete(`/api/rotations/${rotation.id}/overrides/${o.body.id}`).set(auth(admin))).status,
      ).toBe(204);
      expect((await onCall('2026-03-02T20:00:00+08:00')).contactId).toBe(members[1]!.id);
    });

    it('exports onCallAt for escalation policies', async () => {
      const svc = t.get(RotationService);
      const ctx = t.get((await import('../../server/src/common/request-context.js')).RequestContext);
      const who = await ctx.runAsSystem('test', () =>
        svc.onCallAt(rotation.id, new Date('2026-03-03T00:00:00Z')),
      );
      expect(who.contactId).toBe(members[2]!.id);
    });

    it('the demo zone rotation has someone on call now', async () => {
      const list = await t.http.get('/api/rotations').set(auth(admin));
      const demo = (list.body.items as RotationView[]).find((r) => r.name.startsWith('管委会应急值班'))!;
      const now = await t.http.get(`/api/rotations/${demo.id}/on-call`).set(auth(admin));
      expect(now.body.source).toBe('rotation');
      expect(demo.memberContactIds).toContain(now.body.contactId);
      // The officer sees their own enterprise's rotation, not the zone's.
      const mine = await t.http.get('/api/rotations').set(auth(officer));
      expect((mine.body.items as RotationView[]).every((r) => r.enterpriseId === officerEnterprise)).toBe(
        true,
      );
      expect((await t.http.get(`/api/rotations/${demo.id}/on-call`).set(auth(officer))).status).toBe(404);
    });
  });

  describe('import and export', () => {
    it('a CSV with bad rows imports nothing and names every bad row', async () => {
      const before = await contactCount();
      const csv = [
        'name,organization,post,phones,skills,certifications,language',
        '张三,管委会,值班员,13805611111,急救,,zh-CN',
        ',管委会,值班员,13805611112,,,zh-CN', // row 3: no name
        '李四,管委会,值班员,13805611113,,,zh-CN',
        '王五,管委会,值班员,12345,,,fr', // row 5: bad phone, bad language
        '赵六,管委会,值班员,13805611115,,急救证|A1|2026-13-01,zh-CN', // row 6: bad date
      ].join('\n');
      const res = await t.http
        .post('/api/contacts/import')
        .set(auth(admin))
        .attach('file', Buffer.from(csv, 'utf8'), 'contacts.csv');
      expect(res.status).toBe(400);
      const msgs = res.body.message as string[];
      expect(msgs.some((m) => m.startsWith('row 3: name: '))).toBe(true);
      expect(msgs.some((m) => m.startsWith('row 5: phones: '))).toBe(true);
      expect(msgs.some((m) => m.startsWith('row 5: language: '))).toBe(true);
      expect(msgs.some((m) => m.startsWith('row 6: certifications.0.expiresOn: '))).toBe(true);
      expect(msgs.some((m) => /^row (2|4):/.test(m))).toBe(false);
      expect(await contactCount()).toBe(before);
    });

    it('imports a clean XLSX file, and exports what it imported', async () => {
      const before = await contactCount();
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('contacts');
      ws.addRow(['name', 'organization', 'post', 'phones', 'skills', 'certifications', 'language']);
      ws.addRow([
        '导入甲',
        '管委会',
        '值班员',
        13805612221,
        '急救; 气体检测',
        '急救证|A1|2027-01-31',
        'zh-CN',
      ]);
      ws.addRow(['Import B', 'Zone office', 'Liaison', '+86 138 0561 2222', '', '', 'en']);
      const res = await t.http
        .post('/api/contacts/import')
        .set(auth(admin))
        .attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'contacts.xlsx');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ created: 2, updated: 0 });
      expect(await contactCount()).toBe(before + 2);

      const csv = await t.http.get('/api/contacts/export?format=csv').set(auth(admin)).buffer(true);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const text = csv.text ?? csv.body.toString();
      expect(text).toContain('导入甲');
      expect(text).toContain('+8613805612221');
      expect(text).toContain('急救证|A1|2027-01-31');
    });

    it("an officer's import is limited to their own enterprise", async () => {
      const res = await t.http
        .post('/api/contacts/import')
        .set(auth(officer))
        .attach(
          'file',
          Buffer.from('name,phones,enterpriseCreditCode\n某人,13805613333,91350100M000100Y43\n'),
          'c.csv',
        );
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual([
        expect.stringMatching(/^row 2: enterpriseCreditCode: no enterprise with credit code/),
      ]);
    });

    it('refuses an unknown column and a missing file', async () => {
      const res = await t.http
        .post('/api/contacts/import')
        .set(auth(admin))
        .attach('file', Buffer.from('name,phones,shoeSize\n甲,13805614444,42\n'), 'c.csv');
      expect(res.status).toBe(400);
      expect(res.body.message[0]).toMatch(/^header: unknown column\(s\) shoeSize/);
      const none = await t.http.post('/api/contacts/import').set(auth(admin));
      expect(none.status).toBe(400);
      expect(none.body.message).toEqual(['file: a non-empty file is required']);
    });
  });
});
