import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Response } from 'supertest';
import type { Role } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

/**
 * An id in a request body is a read of that record: it must be in the caller's scope. An
 * enterprise officer who names another enterprise's team, user, resource or plan (or the zone's,
 * where an officer cannot read those) gets the 404 a read of it would give, and nothing is
 * written: no row, no room event, no audit entry. The same request naming the officer's own
 * record goes through, and zone roles, who see the whole zone, may name anyone's.
 */
describe('references in request bodies stay in the caller’s scope', () => {
  let t: TestApp;
  let sql: pg.Client;
  const tokens = {} as Record<Role | 'officer2', string>;
  /** Ids of the demo zone's records, by whose they are: own (officer1's enterprise), foreign, zone. */
  const ids = {} as Record<string, string>;
  let incidentId: string;

  const as = (who: Role | 'officer2') => ({ Authorization: `Bearer ${tokens[who]}` });

  /** Everything a refused request could have written. */
  const written = async () =>
    (
      await sql.query(`SELECT (SELECT count(*) FROM room_task)::int AS tasks,
                              (SELECT count(*) FROM incident_dispatch)::int AS dispatches,
                              (SELECT count(*) FROM hazard)::int AS hazards,
                              (SELECT count(*) FROM hazard_transition)::int AS transitions,
                              (SELECT count(*) FROM contact)::int AS contacts,
                              (SELECT count(*) FROM room_event)::int AS room_events,
                              (SELECT count(*) FROM audit_log)::int AS audit,
                              (SELECT max(updated_at) FROM room_task) AS task_change,
                              (SELECT max(updated_at) FROM hazard) AS hazard_change,
                              (SELECT max(updated_at) FROM contact) AS contact_change`)
    ).rows[0] as Record<string, unknown>;

  /** The request is answered 404 with the record's "not found", and changes nothing at all. */
  async function refused(send: () => Promise<Response>, notFound: string): Promise<void> {
    const before = await written();
    const res = await send();
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 404, message: notFound });
    expect(await written()).toEqual(before);
  }

  const one = async (query: string, params: unknown[] = []) => {
    const row = (await sql.query<{ id: string }>(query, params)).rows[0];
    if (!row) throw new Error(`the demo zone has none: ${query} ${JSON.stringify(params)}`);
    return row.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    for (const who of ['zone_admin', 'commander', 'inspector', 'enterprise_officer', 'officer2'] as const)
      tokens[who] = await t.token(who);
    const user = async (email: string) =>
      (
        await sql.query<{ id: string; enterprise_id: string | null }>(
          'SELECT id, enterprise_id FROM app_user WHERE email = $1',
          [email],
        )
      ).rows[0]!;
    const officer1 = await user('officer1@muster.test');
    const officer2 = await user('officer2@muster.test');
    ids.e1 = officer1.enterprise_id!;
    ids.e2 = officer2.enterprise_id!;
    ids.ownUser = officer1.id;
    ids.foreignUser = officer2.id;
    ids.zoneUser = (await user('admin@muster.test')).id;
    for (const [table, key] of [
      ['team', 'Team'],
      ['resource', 'Resource'],
      ['plan', 'Plan'],
    ] as const) {
      // A resource that may be sent: an available vehicle or kit, not a place.
      const sendable =
        table === 'resource'
          ? ` AND status = 'available' AND type IN ('equipment', 'supplies', 'vehicle')`
          : '';
      ids[`own${key}`] = await one(`SELECT id FROM ${table} WHERE enterprise_id = $1${sendable} LIMIT 1`, [
        ids.e1,
      ]);
      ids[`foreign${key}`] = await one(
        `SELECT id FROM ${table} WHERE enterprise_id = $1${sendable} LIMIT 1`,
        [ids.e2],
      );
      ids[`zone${key}`] = await one(`SELECT id FROM ${table} WHERE enterprise_id IS NULL${sendable} LIMIT 1`);
    }
    const filed = await t.http.post('/api/incidents').set(as('enterprise_officer')).send(incidentReport());
    expect(filed.status).toBe(201);
    incidentId = filed.body.id;
  }, 120_000);
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  describe('room tasks', () => {
    const task = (over: Record<string, unknown>) => ({ title: '关闭储罐出口阀门', ...over });
    const post = (who: Role | 'officer2', body: object) =>
      t.http.post(`/api/incidents/${incidentId}/tasks`).set(as(who)).send(body);

    it('refuses an officer assigning another enterprise’s or the zone’s team or user', async () => {
      await refused(
        () => post('enterprise_officer', task({ assigneeTeamId: ids.foreignTeam })),
        'Team not found',
      );
      await refused(
        () => post('enterprise_officer', task({ assigneeTeamId: ids.zoneTeam })),
        'Team not found',
      );
      await refused(
        () => post('enterprise_officer', task({ assigneeUserId: ids.foreignUser })),
        'User not found',
      );
      await refused(
        () => post('enterprise_officer', task({ assigneeUserId: ids.zoneUser })),
        'User not found',
      );
      // One good reference does not carry a bad one through.
      await refused(
        () =>
          post('enterprise_officer', task({ assigneeUserId: ids.ownUser, assigneeTeamId: ids.foreignTeam })),
        'Team not found',
      );
    });

    it('assigns the officer’s own team and user', async () => {
      const res = await post(
        'enterprise_officer',
        task({ assigneeTeamId: ids.ownTeam, assigneeUserId: ids.ownUser }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ assigneeTeamId: ids.ownTeam, assigneeUserId: ids.ownUser });
    });

    it('refuses re-assigning a task out of scope, and leaves it as it was', async () => {
      const created = await post('enterprise_officer', task({ assigneeTeamId: ids.ownTeam }));
      expect(created.status).toBe(201);
      const patch = (body: object) =>
        t.http
          .patch(`/api/incidents/${incidentId}/tasks/${created.body.id}`)
          .set(as('enterprise_officer'))
          .send(body);
      await refused(() => patch({ assigneeTeamId: ids.foreignTeam }), 'Team not found');
      await refused(() => patch({ assigneeUserId: ids.zoneUser, status: 'accepted' }), 'User not found');
      const tasks = await t.http.get(`/api/incidents/${incidentId}/tasks`).set(as('enterprise_officer'));
      expect(tasks.body.find((x: { id: string }) => x.id === created.body.id)).toEqual(created.body);
      const ok = await patch({ assigneeUserId: ids.ownUser });
      expect(ok.status).toBe(200);
      expect(ok.body.assigneeUserId).toBe(ids.ownUser);
    });

    it('lets a zone role assign any enterprise’s team to the incident (mutual aid)', async () => {
      const res = await post(
        'commander',
        task({ assigneeTeamId: ids.foreignTeam, assigneeUserId: ids.foreignUser }),
      );
      expect(res.status).toBe(201);
      const zone = await post('commander', task({ assigneeTeamId: ids.zoneTeam }));
      expect(zone.status).toBe(201);
    });

    it('refuses an id that names nothing, for zone roles too', async () => {
      const nobody = '00000000-0000-4000-8000-000000000000';
      await refused(() => post('commander', task({ assigneeTeamId: nobody })), 'Team not found');
      await refused(() => post('commander', task({ assigneeUserId: nobody })), 'User not found');
    });
  });

  describe('dispatches', () => {
    const post = (who: Role, resourceId: string) =>
      t.http
        .post(`/api/incidents/${incidentId}/dispatches`)
        .set(as(who))
        .send({ resourceId, label: '泡沫消防车' });

    it('refuses an officer dispatching another enterprise’s or the zone’s resource', async () => {
      await refused(() => post('enterprise_officer', ids.foreignResource), 'Resource not found');
      await refused(() => post('enterprise_officer', ids.zoneResource), 'Resource not found');
    });

    it('dispatches the officer’s own resource, and a zone role any', async () => {
      const own = await post('enterprise_officer', ids.ownResource);
      expect(own.status).toBe(201);
      expect(own.body.resourceId).toBe(ids.ownResource);
      expect((await post('commander', ids.foreignResource)).status).toBe(201);
      expect((await post('commander', ids.zoneResource)).status).toBe(201);
    });
  });

  describe('hazards', () => {
    const hazard = (over: Record<string, unknown> = {}) => ({
      place: '2号罐区东侧管廊',
      category: 'hazardous_chemicals',
      description: '管廊法兰处有轻微渗漏痕迹',
      level: 'general',
      source: 'self_inspection',
      deadline: '2099-12-31',
      ...over,
    });
    const post = (who: Role, body: object) => t.http.post('/api/hazards').set(as(who)).send(body);

    it('refuses an officer pointing a hazard at another enterprise’s plan', async () => {
      await refused(
        () => post('enterprise_officer', hazard({ contingencyPlanId: ids.foreignPlan })),
        'Plan not found',
      );
    });

    it('takes the officer’s own plan or the zone’s (officers read the zone’s plans)', async () => {
      for (const planId of [ids.ownPlan, ids.zonePlan]) {
        const res = await post('enterprise_officer', hazard({ contingencyPlanId: planId }));
        expect(res.status).toBe(201);
        expect(res.body.contingencyPlanId).toBe(planId);
      }
    });

    it('refuses an update to another enterprise’s plan, and leaves the hazard as it was', async () => {
      const created = await post('enterprise_officer', hazard({ contingencyPlanId: ids.ownPlan }));
      expect(created.status).toBe(201);
      const patch = (body: object) =>
        t.http.patch(`/api/hazards/${created.body.id}`).set(as('enterprise_officer')).send(body);
      await refused(() => patch({ contingencyPlanId: ids.foreignPlan, measures: '改' }), 'Plan not found');
      const now = await t.http.get(`/api/hazards/${created.body.id}`).set(as('enterprise_officer'));
      expect(now.body).toEqual(created.body);
      const ok = await patch({ contingencyPlanId: ids.zonePlan });
      expect(ok.status).toBe(200);
      expect(ok.body.contingencyPlanId).toBe(ids.zonePlan);
    });

    it('keeps a zone inspector’s hazard with its own enterprise’s plan or the zone’s', async () => {
      const res = await post(
        'inspector',
        hazard({ enterpriseId: ids.e1, contingencyPlanId: ids.foreignPlan }),
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['contingencyPlanId: the plan belongs to another enterprise']);
      const ok = await post(
        'inspector',
        hazard({ enterpriseId: ids.e2, contingencyPlanId: ids.foreignPlan }),
      );
      expect(ok.status).toBe(201);
    });
  });

  describe('directory contacts', () => {
    const contact = (over: Record<string, unknown>) => ({
      name: '值班安全员',
      phones: ['+8613912345678'],
      ...over,
    });
    const post = (who: Role, body: object) => t.http.post('/api/contacts').set(as(who)).send(body);

    it('refuses an officer linking a contact to the zone admin’s or another enterprise’s user', async () => {
      await refused(() => post('enterprise_officer', contact({ userId: ids.zoneUser })), 'User not found');
      await refused(() => post('enterprise_officer', contact({ userId: ids.foreignUser })), 'User not found');
    });

    it('links the officer’s own user, and refuses re-linking it out of scope', async () => {
      const created = await post('enterprise_officer', contact({ userId: ids.ownUser }));
      expect(created.status).toBe(201);
      expect(created.body.userId).toBe(ids.ownUser);
      await refused(
        () =>
          t.http
            .patch(`/api/contacts/${created.body.id}`)
            .set(as('enterprise_officer'))
            .send({ userId: ids.zoneUser, notes: '改' }),
        'User not found',
      );
      const now = await t.http.get(`/api/contacts/${created.body.id}`).set(as('enterprise_officer'));
      expect(now.body).toEqual(created.body);
    });

    it('lets the zone link a zone-wide user to an enterprise’s contact, not another enterprise’s user', async () => {
      const zone = await post('zone_admin', contact({ enterpriseId: ids.e1, userId: ids.zoneUser }));
      expect(zone.status).toBe(201);
      const other = await post('zone_admin', contact({ enterpriseId: ids.e1, userId: ids.foreignUser }));
      expect(other.status).toBe(400);
      expect(other.body.message).toEqual(['userId: the user belongs to another enterprise']);
    });
  });

  describe('inspection answers', () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = async (who: Role | 'officer2') => {
      const res = await t.http.post('/api/files').set(as(who)).attach('file', png, 'photo.png');
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it('refuses a photo of another enterprise in an answer, and keeps the answers as they were', async () => {
      const record = await t.http
        .post('/api/inspections/records')
        .set(as('enterprise_officer'))
        .send({ checklist: [{ text: '消防通道畅通', category: 'fire' }] });
      expect(record.status).toBe(201);
      const answer = (photoId: string) =>
        t.http
          .patch(`/api/inspections/records/${record.body.id}`)
          .set(as('enterprise_officer'))
          .send({ items: [{ itemId: 'c1', result: 'pass', photoIds: [photoId] }] });
      const foreign = await upload('officer2');
      const before = await written();
      const refused = await answer(foreign);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toEqual([
        `items.photoIds: file ${foreign} does not exist or belongs elsewhere`,
      ]);
      expect(await written()).toEqual(before);
      const items = async () =>
        (
          await sql.query<{ items: { result: string | null; photoIds?: string[] }[] }>(
            'SELECT items FROM inspection_record WHERE id = $1',
            [record.body.id],
          )
        ).rows[0]!.items;
      expect((await items())[0]).toMatchObject({ result: null });
      expect((await items())[0]!.photoIds ?? []).toEqual([]);

      const own = await upload('enterprise_officer');
      const ok = await answer(own);
      expect(ok.status).toBe(200);
      expect(ok.body.items[0]).toMatchObject({ result: 'pass' });
      expect((await items())[0]).toMatchObject({ result: 'pass', photoIds: [own] });
    });
  });

  describe('response levels', () => {
    it('refuses a plan that does not exist', async () => {
      await refused(
        () =>
          t.http
            .post(`/api/incidents/${incidentId}/level`)
            .set(as('commander'))
            .send({ level: 'IV', planId: '00000000-0000-4000-8000-000000000000' }),
        'Plan not found',
      );
      const ok = await t.http
        .post(`/api/incidents/${incidentId}/level`)
        .set(as('commander'))
        .send({ level: 'IV', planId: ids.ownPlan });
      expect(ok.status).toBe(200);
      expect(ok.body.planId).toBe(ids.ownPlan);
    });
  });
});
