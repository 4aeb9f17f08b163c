import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import pg from 'pg';
import { Clock } from '../../server/src/common/clock.js';
import type { HazardStatsView } from '@muster/contracts';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * A small ledger whose figures were worked out by hand (see the comments on each row), with the
 * zone-midnight edges: a hazard found at 00:30 on 1 February in Shanghai is February's though it
 * is still 31 January in UTC; one closed at 23:59:59 on its deadline day is on time, one closed a
 * second later is late.
 */
const LEDGER: [
  key: 'A' | 'B',
  level: string,
  category: string,
  status: string,
  foundAt: string,
  deadline: string | null,
  closedAt: string | null,
][] = [
  ['A', 'general', 'fire', 'closed', '2026-01-05T02:00:00Z', '2026-01-20', '2026-01-15T03:00:00Z'], // 1 on time, Jan/Jan
  ['A', 'general', 'fire', 'closed', '2026-01-31T16:30:00Z', '2026-02-10', '2026-02-10T15:59:59Z'], // 2 on time, Feb/Feb
  ['A', 'general', 'electrical', 'closed', '2026-02-03T01:00:00Z', '2026-02-10', '2026-02-10T16:00:00Z'], // 3 late, Feb/Feb
  [
    'A',
    'major',
    'hazardous_chemicals',
    'closed',
    '2026-02-20T01:00:00Z',
    '2026-03-31',
    '2026-03-31T16:00:00Z',
  ], // 4 late, Feb/Apr
  ['A', 'major', 'hazardous_chemicals', 'rectifying', '2026-03-01T01:00:00Z', '2026-06-30', null], // 5 overdue
  ['A', 'general', 'machinery', 'found', '2026-03-15T01:00:00Z', null, null], // 6 no deadline yet
  ['A', 'general', 'fire', 'closed', '2026-04-02T01:00:00Z', null, '2026-04-02T02:00:00Z'], // 7 closed on the spot
  ['B', 'general', 'fire', 'submitted', '2026-04-10T01:00:00Z', '2026-06-30', null], // 8 overdue though submitted
  ['B', 'major', 'electrical', 'found', '2026-05-05T01:00:00Z', '2026-07-01', null], // 9 due today: not overdue
  ['B', 'general', 'management', 'closed', '2026-05-20T01:00:00Z', '2026-05-31', '2026-05-30T01:00:00Z'], // 10 on time
  ['B', 'general', 'fire', 'closed', '2026-06-30T16:10:00Z', null, '2026-06-30T17:00:00Z'], // 11 1 July locally: outside
  ['B', 'general', 'fire', 'found', '2025-12-31T16:00:00Z', '2026-01-10', null], // 12 1 January locally: inside, overdue
];

/** "Now": 1 July 2026, 08:00 in Shanghai. */
const NOW = '2026-07-01T00:00:00Z';

describe('hazard statistics on a generated ledger', () => {
  let t: TestApp;
  let sql: pg.Client;
  let token: string;
  const ent: Record<'A' | 'B', string> = { A: '', B: '' };

  beforeAll(async () => {
    t = await createTestApp();
    token = await t.token('zone_admin');
    sql = new pg.Client({ connectionString: t.db.url });
    await sql.connect();
    for (const [key, serial] of [
      ['A', 90001],
      ['B', 90002],
    ] as const) {
      const first17 = `91340602MA2T${serial}`;
      const res = await t.http
        .post('/api/enterprises')
        .set('Authorization', `Bearer ${token}`)
        .send({
          name: `统计测试企业${key}`,
          creditCode: first17 + creditCodeCheckChar(first17),
          industry: '测试',
          riskClass: 'medium',
          address: '杜集经济开发区测试路',
          location: { lat: 33.99, lng: 116.83 },
          legalRepresentative: '甲',
          safetyLead: '乙',
          dutyPhone: '0561-3000000',
        });
      expect(res.status).toBe(201);
      ent[key] = res.body.id;
    }
    for (const [key, level, category, status, foundAt, deadline, closedAt] of LEDGER) {
      await sql.query(
        `INSERT INTO hazard (enterprise_id, place, category, description, level, source, found_by, found_at,
                             deadline, status, closed_at, reported_to_zone_at)
         VALUES ($1, '测试部位', $2, '统计测试', $3, 'self_inspection', '测试员', $4, $5, $6, $7, $4)`,
        [ent[key], category, level, foundAt, deadline, status, closedAt],
      );
    }
    jest.spyOn(t.get(Clock), 'now').mockReturnValue(new Date(NOW));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await sql.end();
    await t.close();
  });

  const stats = async (query: string): Promise<HazardStatsView> => {
    const res = await t.http.get(`/api/hazards/stats?${query}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body as HazardStatsView;
  };

  it('enterprise A, first half of 2026', async () => {
    const s = await stats(`from=2026-01-01&to=2026-06-30&enterpriseId=${ent.A}`);
    expect(s.total).toBe(7);
    expect(s.byLevel).toEqual({ general: 5, major: 2 });
    expect(s.byStatus).toEqual({ found: 1, rectifying: 1, submitted: 0, closed: 5 });
    expect(s.byCategory).toEqual([
      { category: 'fire', count: 3 },
      { category: 'electrical', count: 1 },
      { category: 'hazardous_chemicals', count: 2 },
      { category: 'machinery', count: 1 },
    ]);
    expect(s.rectificationRate).toEqual({ numerator: 5, denominator: 7, rate: 5 / 7 });
    expect(s.onTimeRate).toEqual({ numerator: 2, denominator: 4, rate: 0.5 });
    expect(s.majorRectificationRate).toEqual({ numerator: 1, denominator: 2, rate: 0.5 });
    expect(s.overdueOpen).toBe(1);
    expect(s.monthly).toEqual([
      { month: '2026-01', found: 1, closed: 1 },
      { month: '2026-02', found: 3, closed: 2 },
      { month: '2026-03', found: 2, closed: 0 },
      { month: '2026-04', found: 1, closed: 2 },
      { month: '2026-05', found: 0, closed: 0 },
      { month: '2026-06', found: 0, closed: 0 },
    ]);
  });

  it('enterprise B, first half of 2026 (the hazard found on 1 July locally is out)', async () => {
    const s = await stats(`from=2026-01-01&to=2026-06-30&enterpriseId=${ent.B}`);
    expect(s.total).toBe(4);
    expect(s.byLevel).toEqual({ general: 3, major: 1 });
    expect(s.byStatus).toEqual({ found: 2, rectifying: 0, submitted: 1, closed: 1 });
    expect(s.byCategory).toEqual([
      { category: 'fire', count: 2 },
      { category: 'electrical', count: 1 },
      { category: 'management', count: 1 },
    ]);
    expect(s.rectificationRate).toEqual({ numerator: 1, denominator: 4, rate: 0.25 });
    expect(s.onTimeRate).toEqual({ numerator: 1, denominator: 1, rate: 1 });
    expect(s.majorRectificationRate).toEqual({ numerator: 0, denominator: 1, rate: 0 });
    expect(s.overdueOpen).toBe(2);
    expect(s.monthly.filter((m) => m.found || m.closed)).toEqual([
      { month: '2026-01', found: 1, closed: 0 },
      { month: '2026-04', found: 1, closed: 0 },
      { month: '2026-05', found: 2, closed: 1 },
    ]);
  });

  it('zone-wide: each enterprise as above, and the ledger list agrees', async () => {
    const s = await stats('from=2026-01-01&to=2026-06-30');
    const mine = s.byEnterprise.filter((e) => e.enterpriseId === ent.A || e.enterpriseId === ent.B);
    expect(mine).toEqual([
      { enterpriseId: ent.A, enterpriseName: '统计测试企业A', total: 7, closed: 5, major: 2, overdue: 1 },
      { enterpriseId: ent.B, enterpriseName: '统计测试企业B', total: 4, closed: 1, major: 1, overdue: 2 },
    ]);
    const list = await t.http
      .get(`/api/hazards?enterpriseId=${ent.B}&foundFrom=2026-01-01&foundTo=2026-06-30&overdue=true`)
      .set('Authorization', `Bearer ${token}`);
    expect(list.body.total).toBe(2);
    const all = await stats(`enterpriseId=${ent.B}`);
    expect(all.total).toBe(5);
    expect(all.monthly.at(-1)).toEqual({ month: '2026-07', found: 1, closed: 1 });
  });
});
