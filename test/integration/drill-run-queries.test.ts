import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ListResponse, RunView, ScenarioView } from '@muster/contracts';
import { RequestContext } from '../../server/src/common/request-context.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { messageInject, scenarioDocument } from '../support/drills.js';

const RUNS = 20;

/**
 * The run list answers a page of runs with a fixed number of queries: the view loads the injects,
 * roster, names and enterprises of the whole page at once, not once per run.
 */
describe('drill run list: queries per page', () => {
  let t: TestApp;
  let commander: string;
  /** Request id → statements run by that request's handler. */
  const counted = new Map<string, string[]>();

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** GET `path`, recording every statement its handler sends to PostgreSQL. */
  async function countedGet<T>(path: string): Promise<{ body: T; queries: string[] }> {
    const id = `count-${randomUUID()}`;
    counted.set(id, []);
    const res = await t.http.get(path).set(as(commander)).set('X-Request-Id', id);
    expect(res.status).toBe(200);
    return { body: res.body as T, queries: counted.get(id)! };
  }

  beforeAll(async () => {
    t = await createTestApp();
    commander = await t.token('commander');

    // Every statement TypeORM runs passes the data source's logger; attribute it to the HTTP
    // request whose context it runs in (background jobs run in none and are not counted).
    const dataSource = t.get(DataSource);
    const context = t.get(RequestContext);
    const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
    dataSource.logger.logQuery = (query, parameters, runner) => {
      const id = context.requestId();
      if (id) counted.get(id)?.push(query);
      return logQuery(query, parameters, runner);
    };

    const created = await t.http
      .post('/api/drills/scenarios')
      .set(as(commander))
      .send(await scenarioDocument(t, [messageInject('a', 60), messageInject('b', 120)]));
    expect(created.status).toBe(201);
    const scenario = created.body as ScenarioView;
    const contacts = await t.http.get('/api/contacts?pageSize=3').set(as(commander));
    const teams = await t.http.get('/api/teams?pageSize=2').set(as(commander));
    const staff = await t.http.get('/api/drills/runs/staff').set(as(commander));
    const roster = {
      contactIds: (contacts.body.items as { id: string }[]).map((c) => c.id),
      teamIds: (teams.body.items as { id: string }[]).map((c) => c.id),
      evaluatorIds: (staff.body.evaluators as { id: string }[]).slice(0, 2).map((u) => u.id),
    };
    expect(roster.contactIds).toHaveLength(3);
    expect(roster.teamIds).toHaveLength(2);
    expect(roster.evaluatorIds).toHaveLength(2);
    // Far in the future, so that these runs are the first page (newest scheduled first).
    for (let i = 0; i < RUNS; i++) {
      const res = await t.http
        .post('/api/drills/runs')
        .set(as(commander))
        .send({
          scenarioId: scenario.id,
          scheduledFor: new Date(Date.UTC(2099, 0, 1, 8, i)).toISOString(),
          ...roster,
        });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('costs the same number of queries for a page of 1 run and for a page of 20', async () => {
    const one = await countedGet<ListResponse<RunView>>('/api/drills/runs?pageSize=1');
    const twenty = await countedGet<ListResponse<RunView>>(`/api/drills/runs?pageSize=${RUNS}`);
    expect(one.body.items).toHaveLength(1);
    expect(twenty.body.items).toHaveLength(RUNS);
    // Printed for the record: how many statements a page costs.
    console.log(
      `drill run list: page of 1 → ${one.queries.length} queries, page of ${RUNS} → ${twenty.queries.length}`,
    );
    expect(twenty.queries.length).toBe(one.queries.length);
    // The page (its rows and its count) plus the batched view: injects, roster, contacts, teams,
    // users, enterprises.
    expect(one.queries.length).toBeLessThanOrEqual(8);
  });

  it('answers each run of the page as the run itself is answered', async () => {
    const { body } = await countedGet<ListResponse<RunView>>(`/api/drills/runs?pageSize=${RUNS}`);
    const withoutAsOf = (r: RunView) => ({ ...r, clock: { ...r.clock, asOf: '' } });
    for (const item of body.items) {
      const single = await t.http.get(`/api/drills/runs/${item.id}`).set(as(commander));
      expect(single.status).toBe(200);
      expect(withoutAsOf(item)).toEqual(withoutAsOf(single.body as RunView));
    }
    const first = body.items[0]!;
    expect(first.roster.contacts).toHaveLength(3);
    expect(first.roster.teams).toHaveLength(2);
    expect(first.roster.evaluators).toHaveLength(2);
    expect(first.injects.map((i) => i.id)).toEqual(['a', 'b']);
    expect(first.enterpriseName).toBeTruthy();
    expect(first.directorName).toBeTruthy();
  });
});
