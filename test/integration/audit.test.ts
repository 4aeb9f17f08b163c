import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AUDIT_LABEL_SQL } from '../../server/src/audit/audit-labels.js';
import { AuditService } from '../../server/src/audit/audit.service.js';
import { Db } from '../../server/src/database/db.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  let sql: pg.Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.token('zone_admin');
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await t.close();
  });

  const count = async () => Number((await sql.query('SELECT count(*) FROM audit_log')).rows[0].count);

  it('writes exactly one row per mutation, with who, what, before/after, when and from where', async () => {
    const officer = await t.login('officer1@muster.test');
    const id = officer.user.enterpriseId!;
    const before = await count();
    const res = await t.http
      .patch(`/api/enterprises/${id}`)
      .set('Authorization', `Bearer ${officer.accessToken}`)
      .set('X-Request-Id', 'req-audit-1')
      .send({ dutyPhone: '0561-3099999' });
    expect(res.status).toBe(200);
    expect(await count()).toBe(before + 1);

    const { rows } = await sql.query('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1');
    const row = rows[0];
    expect(row).toMatchObject({
      user_id: officer.user.id,
      user_email: 'officer1@muster.test',
      role: 'enterprise_officer',
      enterprise_id: id,
      action: 'enterprise.updated',
      entity: 'enterprise',
      entity_id: id,
      request_id: 'req-audit-1',
    });
    expect(row.ip).toMatch(/127\.0\.0\.1/);
    expect(row.before.dutyPhone).toBe('0561-3011001');
    expect(row.after.dutyPhone).toBe('0561-3099999');
    expect(Date.now() - new Date(row.at).getTime()).toBeLessThan(60_000);
  });

  it('writes nothing when the mutation fails', async () => {
    const before = await count();
    const res = await t.http
      .post('/api/enterprises')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'x' });
    expect(res.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    await expect(sql.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(sql.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await count()).toBeGreaterThan(0);
  });

  it('rolls the change back with its audit row: both or neither', async () => {
    const db = t.get(Db);
    const audit = t.get(AuditService);
    const before = await count();
    await expect(
      db.transaction(async () => {
        await audit.record({ action: 'enterprise.updated', entity: 'enterprise' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count()).toBe(before);
    await expect(audit.record({ action: 'enterprise.updated', entity: 'enterprise' })).rejects.toThrow(
      /outside a transaction/,
    );
  });

  it('lists entries for zone admins with filters and paging', async () => {
    const res = await t.http
      .get('/api/audit?entity=enterprise&action=enterprise.updated&pageSize=1')
      .set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThanOrEqual(1);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].action).toBe('enterprise.updated');

    const bad = await t.http.get('/api/audit?from=yesterday').set('Authorization', `Bearer ${admin}`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual([expect.stringMatching(/^from: /)]);
  });

  it('names the record each entry points at, also once it is deleted', async () => {
    const contact = await t.http
      .post('/api/contacts')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: '审计测试联系人', phones: ['+8613900001111'] });
    expect(contact.status).toBe(201);
    const enterprise = (await sql.query(`SELECT id, name FROM enterprise ORDER BY name LIMIT 1`)).rows[0];
    expect(
      (
        await t.http
          .patch(`/api/enterprises/${enterprise.id}`)
          .set('Authorization', `Bearer ${admin}`)
          .send({ dutyPhone: '0561-3088888' })
      ).status,
    ).toBe(200);
    const labelOf = async (entity: string, id: string) => {
      const res = await t.http
        .get(`/api/audit?entity=${entity}&pageSize=50`)
        .set('Authorization', `Bearer ${admin}`);
      expect(res.status).toBe(200);
      return res.body.items.find((e: { entityId: string }) => e.entityId === id)?.entityLabel;
    };
    expect(await labelOf('enterprise', enterprise.id)).toBe(enterprise.name);
    expect(await labelOf('contact', contact.body.id)).toBe('审计测试联系人');
    const deleted = await t.http
      .delete(`/api/contacts/${contact.body.id}`)
      .set('Authorization', `Bearer ${admin}`);
    expect(deleted.status).toBeLessThan(300);
    expect(await labelOf('contact', contact.body.id)).toBe('审计测试联系人');
  });

  it('has a label query that runs for every kind of record it names', async () => {
    const none = '00000000-0000-0000-0000-000000000000';
    for (const [entity, query] of Object.entries(AUDIT_LABEL_SQL)) {
      const { rows } = await sql.query(query, [[none]]).catch((e: Error) => {
        throw new Error(`${entity}: ${e.message}`);
      });
      expect(rows).toEqual([]);
    }
  });
});
