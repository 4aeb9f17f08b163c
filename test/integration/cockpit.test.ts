import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CockpitView,
  ComplianceReport,
  HazardStatsView,
  IncidentStatistics,
  ListResponse,
  RiskZoneStats,
} from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';

/** The wall shows each domain's own figures: the same numbers as the domain's pages give. */
describe('the leaders’ dashboard read', () => {
  let t: TestApp;
  let commander: { Authorization: string };

  beforeAll(async () => {
    t = await createTestApp();
    commander = { Authorization: `Bearer ${await t.token('commander')}` };
    const officer = { Authorization: `Bearer ${await t.token('enterprise_officer')}` };
    await t.http.post('/api/incidents').set(officer).send(incidentReport()).expect(201);
  });
  afterAll(() => t.close());

  const get = async <T>(path: string): Promise<T> =>
    (await t.http.get(path).set(commander).expect(200)).body as T;

  it('agrees with the incident, hazard, risk, drill and alarm pages', async () => {
    const view = await get<CockpitView>('/api/cockpit');
    const year = view.year;
    const [now, last, hazards, risks, drills, alarms, open] = await Promise.all([
      get<IncidentStatistics>(`/api/incidents/statistics?year=${year}`),
      get<IncidentStatistics>(`/api/incidents/statistics?year=${year - 1}`),
      get<HazardStatsView>('/api/hazards/stats'),
      get<RiskZoneStats>('/api/risks/stats'),
      get<ComplianceReport>('/api/drills/compliance'),
      get<ListResponse<unknown>>('/api/alarms?open=true'),
      get<ListResponse<{ id: string }>>('/api/incidents?open=true&pageSize=200'),
    ]);
    expect(view.targets).toEqual({ thisYear: now.bySeverity, lastYear: last.bySeverity });
    expect(view.incidentsByMonth).toEqual({ thisYear: now.byMonth, lastYear: last.byMonth });
    expect(view.openIncidents.map((i) => i.id).sort()).toEqual(open.items.map((i) => i.id).sort());
    expect(view.openIncidents.length).toBeGreaterThan(0);
    expect(view.hazards).toEqual({
      open: hazards.total - hazards.byStatus.closed,
      overdue: hazards.overdueOpen,
      major: {
        found: hazards.majorRectificationRate.denominator,
        closed: hazards.majorRectificationRate.numerator,
        rate: hazards.majorRectificationRate.rate,
      },
    });
    expect(view.risks).toEqual(risks.total);
    expect(view.drills.overdue).toBe(drills.overdue.length);
    expect(view.alarms.open).toBe(alarms.total);
    expect(view.ranking).toEqual({ year: null, items: [] });
  });

  it('is for the zone roles only', async () => {
    for (const role of ['enterprise_officer', 'responder'] as const) {
      await t.http
        .get('/api/cockpit')
        .set('Authorization', `Bearer ${await t.token(role)}`)
        .expect(403);
    }
  });
});
