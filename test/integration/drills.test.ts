import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { RoomEventView, RunView, ScenarioView } from '@muster/contracts';
import { type CalloutStack, Phone, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { Db } from '../../server/src/database/db.js';
import { incidentReport } from '../support/incidents.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('drills: scenarios, the scenario clock, containment and measurement', () => {
  let s: CalloutStack;
  let commander: string;
  let admin: string;
  let n = 0;

  beforeAll(async () => {
    s = await startCalloutStack();
    commander = await s.t.token('commander');
    admin = await s.t.token('zone_admin');
  });
  afterAll(() => s.close());

  const api = () => request(s.t.baseUrl);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function contact(name: string) {
    const phone = `+86137${String(20_000_000 + ++n * 7919).slice(-8)}`;
    const res = await api()
      .post('/api/contacts')
      .set(as(admin))
      .send({ name, phones: [phone], organization: '危化品应急处置队', post: '队员' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, phone: new Phone(s.emulator, res.body.phones[0]) };
  }

  async function scenario(doc: object): Promise<ScenarioView> {
    const res = await api().post('/api/drills/scenarios').set(as(commander)).send(doc);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function run(
    scenarioId: string,
    roster: { contactIds?: string[]; teamIds?: string[] } = {},
  ): Promise<RunView> {
    const res = await api()
      .post('/api/drills/runs')
      .set(as(commander))
      .send({
        scenarioId,
        scheduledFor: new Date().toISOString(),
        contactIds: [],
        evaluatorIds: [],
        ...roster,
      });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function act(runId: string, verb: string): Promise<RunView> {
    const res = await api().post(`/api/drills/runs/${runId}/${verb}`).set(as(commander));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function events(incidentId: string): Promise<RoomEventView[]> {
    const res = await api().get(`/api/incidents/${incidentId}/events?sinceSeq=0`).set(as(commander));
    expect(res.status).toBe(200);
    return res.body;
  }

  const injectEvents = async (incidentId: string) =>
    (await events(incidentId)).filter((e) => e.type === 'drill.inject');

  describe('the scenario library', () => {
    it('validates a scenario and names every bad field by its path', async () => {
      const doc = await scenarioDocument(s.t, [
        { ...messageInject('a', -5), content: { text: '' } },
        messageInject('a', 10, [
          {
            id: 'x',
            description: '警戒',
            match: { kind: 'map_feature_added' },
            targetSeconds: 60,
            objectiveId: 'nope',
          },
        ]),
      ]);
      const first = await api().post('/api/drills/scenarios').set(as(commander)).send(doc);
      expect(first.status).toBe(400);
      expect(first.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^injects\.0\.offsetSeconds: /)]),
      );
      const fixed = { ...doc, injects: [messageInject('a', 5), doc.injects[1]] };
      const second = await api().post('/api/drills/scenarios').set(as(commander)).send(fixed);
      expect(second.status).toBe(400);
      expect(second.body.message).toEqual(
        expect.arrayContaining([
          'injects.1.id: repeats "a"',
          'injects.1.expectedActions.0.objectiveId: no objective "nope"',
          'injects.1.expectedActions.0.match.featureKind: name the kind of feature to be drawn',
        ]),
      );
    });

    it('versions every save, copies, and round-trips through export and import', async () => {
      const doc = await scenarioDocument(s.t, [messageInject('b', 30), messageInject('a', 10)]);
      const created = await scenario(doc);
      expect(created.version).toBe(1);
      // Kept in clock order whatever order they were typed in.
      expect(created.injects.map((i) => i.id)).toEqual(['a', 'b']);

      const updated = await api()
        .put(`/api/drills/scenarios/${created.id}`)
        .set(as(commander))
        .send({ ...doc, title: `${doc.title} v2` });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(2);
      const versions = await api().get(`/api/drills/scenarios/${created.id}/versions`).set(as(commander));
      expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const v1 = await api().get(`/api/drills/scenarios/${created.id}/versions/1`).set(as(commander));
      expect(v1.body.title).toBe(doc.title);

      const copy = await api().post(`/api/drills/scenarios/${created.id}/copy`).set(as(commander));
      expect(copy.status).toBe(201);
      expect(copy.body.id).not.toBe(created.id);
      expect(copy.body.title).toBe(`${doc.title} v2（副本）`);

      const exported = await api().get(`/api/drills/scenarios/${created.id}/export`).set(as(commander));
      expect(exported.body.format).toBe('muster.drill-scenario');
      const imported = await api()
        .post('/api/drills/scenarios/import')
        .set(as(commander))
        .send(exported.body);
      expect(imported.status).toBe(201);
      const strip = (v: ScenarioView) => ({ ...v, id: '', version: 0, createdAt: '', updatedAt: '' });
      expect(strip(imported.body)).toEqual(strip(updated.body));

      const bad = await api()
        .post('/api/drills/scenarios/import')
        .set(as(commander))
        .send({ ...exported.body, scenario: { ...exported.body.scenario, form: 'opera' } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual([expect.stringMatching(/^scenario\.form: /)]);
    });

    it('archives a scenario out of the list while its runs keep what they rehearsed', async () => {
      const created = await scenario(await scenarioDocument(s.t, [messageInject('a', 3600)]));
      const r = await run(created.id);
      const gone = await api().delete(`/api/drills/scenarios/${created.id}`).set(as(commander));
      expect(gone.status).toBe(204);
      const list = await api()
        .get(`/api/drills/scenarios?q=${encodeURIComponent(created.title)}`)
        .set(as(commander));
      expect(list.body.items).toEqual([]);
      expect((await api().get(`/api/drills/scenarios/${created.id}`).set(as(commander))).status).toBe(200);
      const still = await api().get(`/api/drills/runs/${r.id}`).set(as(commander));
      expect(still.body.injects.map((i: { id: string }) => i.id)).toEqual(['a']);
      const officer = await api()
        .delete(`/api/drills/scenarios/${created.id}`)
        .set(as(await s.t.token('officer2')));
      expect(officer.status).toBe(403);
    });

    it("keeps an enterprise's scenarios to that enterprise", async () => {
      const created = await scenario(await scenarioDocument(s.t, [messageInject('a', 10)]));
      const own = await api()
        .get(`/api/drills/scenarios/${created.id}`)
        .set(as(await s.t.token('officer2')));
      expect(own.status).toBe(200);
      const other = await api()
        .get(`/api/drills/scenarios/${created.id}`)
        .set(as(await s.t.token('enterprise_officer')));
      expect(other.status).toBe(404);
    });
  });

  it('lists who may direct and evaluate a run for the commander scheduling it', async () => {
    const res = await api().get('/api/drills/runs/staff').set(as(commander));
    expect(res.status).toBe(200);
    const emails = async (ids: string[]) =>
      (
        await s.t
          .get(Db)
          .manager.query(`SELECT email FROM app_user WHERE id = ANY($1::uuid[]) ORDER BY email`, [ids])
      ).map((r: { email: string }) => r.email);
    const directors = await emails(res.body.directors.map((d: { id: string }) => d.id));
    const evaluators = await emails(res.body.evaluators.map((d: { id: string }) => d.id));
    expect(directors).toEqual(expect.arrayContaining(['admin@muster.test', 'commander@muster.test']));
    expect(directors).not.toContain('evaluator@muster.test');
    expect(evaluators).toEqual(expect.arrayContaining(['evaluator@muster.test', 'inspector@muster.test']));
    expect(evaluators).not.toContain('officer1@muster.test');
  });

  describe('the scenario clock', () => {
    it('fires injects in order at their offsets, each exactly once', async () => {
      const sc = await scenario(
        await scenarioDocument(s.t, [
          messageInject('one', 1),
          messageInject('two', 2),
          messageInject('three', 3),
        ]),
      );
      const r = await act((await run(sc.id)).id, 'start');
      expect(r.status).toBe('running');
      const incident = await api().get(`/api/incidents/${r.incidentId}`).set(as(commander));
      expect(incident.body.isDrill).toBe(true);
      expect(incident.body.title).toMatch(/^【演练】/);

      const fired = await waitFor(
        async () =>
          (await injectEvents(r.incidentId!)).length >= 3 ? injectEvents(r.incidentId!) : undefined,
        15_000,
        'three injects',
      );
      expect(fired.map((e) => e.payload.injectId)).toEqual(['one', 'two', 'three']);
      for (const [i, e] of fired.entries()) {
        const at = e.payload.scenarioMs as number;
        expect(at).toBeGreaterThanOrEqual((i + 1) * 1000 - 50);
        expect(at).toBeLessThan((i + 1) * 1000 + 1500);
      }
      await sleep(1500);
      expect(await injectEvents(r.incidentId!)).toHaveLength(3);
      const after = await api().get(`/api/drills/runs/${r.id}`).set(as(commander));
      expect(after.body.injects.map((i: { state: string }) => i.state)).toEqual([
        'released',
        'released',
        'released',
      ]);
    });

    it('pause stops the clock and shifts what is pending; resume carries on where it stopped', async () => {
      const sc = await scenario(
        await scenarioDocument(s.t, [messageInject('p', 2), messageInject('later', 600)]),
      );
      const r = await act((await run(sc.id)).id, 'start');
      await sleep(500);
      const paused = await act(r.id, 'pause');
      expect(paused.clock.running).toBe(false);
      const stoppedAt = paused.clock.elapsedSeconds;
      await sleep(3000);
      expect(await injectEvents(r.incidentId!)).toHaveLength(0);
      const still = await api().get(`/api/drills/runs/${r.id}`).set(as(commander));
      expect(still.body.clock.elapsedSeconds).toBe(stoppedAt);

      const resumedAt = Date.now();
      await act(r.id, 'resume');
      const [fired] = await waitFor(
        async () => ((await injectEvents(r.incidentId!)).length ? injectEvents(r.incidentId!) : undefined),
        10_000,
        'the inject after resume',
      );
      // 1.5 s of scenario time were left at the pause: it fires about that long after the resume.
      expect(Date.parse(fired!.at) - resumedAt).toBeGreaterThanOrEqual(1000);
      expect(fired!.payload.scenarioMs as number).toBeGreaterThanOrEqual(1950);
      expect(fired!.payload.scenarioMs as number).toBeLessThan(3500);
      const types = (await events(r.incidentId!)).map((e) => e.type);
      expect(types.indexOf('drill.paused')).toBeLessThan(types.indexOf('drill.resumed'));
    });

    it('releases an inject now, skips one, takes one added on the fly, and refuses a second release', async () => {
      const sc = await scenario(
        await scenarioDocument(s.t, [messageInject('far', 3600), messageInject('skipme', 1800)]),
      );
      const r = await act((await run(sc.id)).id, 'start');
      const far = r.injects.find((i) => i.id === 'far')!;
      const skipme = r.injects.find((i) => i.id === 'skipme')!;

      const released = await act(r.id, `injects/${far.runInjectId}/release`);
      expect(released.injects.find((i) => i.id === 'far')!.state).toBe('released');
      const again = await api()
        .post(`/api/drills/runs/${r.id}/injects/${far.runInjectId}/release`)
        .set(as(commander));
      expect(again.status).toBe(409);

      const skipped = await act(r.id, `injects/${skipme.runInjectId}/skip`);
      expect(skipped.injects.find((i) => i.id === 'skipme')!.state).toBe('skipped');

      const added = await api()
        .post(`/api/drills/runs/${r.id}/injects`)
        .set(as(commander))
        .send({ synopsis: '临时加注：道路封闭', kind: 'message', content: { text: '凤凰山路封闭' } });
      expect(added.status).toBe(201);
      const fired = await waitFor(
        async () => {
          const evs = await injectEvents(r.incidentId!);
          return evs.length >= 2 ? evs : undefined;
        },
        10_000,
        'the added inject',
      );
      expect(fired.map((e) => [e.payload.injectId, e.payload.manual])).toEqual([
        ['far', true],
        ['added-3', false],
      ]);
      const all = await events(r.incidentId!);
      expect(all.filter((e) => e.type === 'drill.inject_skipped').map((e) => e.payload.synopsis)).toEqual([
        'inject skipme',
      ]);

      const bad = await api()
        .post(`/api/drills/runs/${r.id}/injects`)
        .set(as(commander))
        .send({ synopsis: 'x', kind: 'map_event', content: { label: 'x' } });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining([expect.stringMatching(/^content\.featureKind: /)]),
      );

      const ended = await act(r.id, 'end');
      expect(ended.status).toBe('ended');
      const closed = await api().get(`/api/incidents/${r.incidentId}`).set(as(commander));
      expect(closed.body.status).toBe('closed');
      const late = await api().post(`/api/drills/runs/${r.id}/resume`).set(as(commander));
      expect(late.status).toBe(409);
    });
  });

  describe('containment', () => {
    it('pages only the roster, with 【演练】 on every message, and refuses anyone else by name', async () => {
      const onRoster = await contact('演练队员甲');
      const offRoster = await contact('非演练人员乙');
      const team = await api()
        .post('/api/teams')
        .set(as(admin))
        .send({
          name: `演练测试队 ${n}`,
          type: 'hazmat',
          leaderContactId: onRoster.id,
          memberContactIds: [onRoster.id, offRoster.id],
        });
      expect(team.status).toBe(201);
      const sc = await scenario(await scenarioDocument(s.t, [messageInject('a', 3600)]));
      const r = await act((await run(sc.id, { contactIds: [onRoster.id] })).id, 'start');

      const refused = await api()
        .post(`/api/incidents/${r.incidentId}/callouts`)
        .set(as(commander))
        .send({ contactIds: [onRoster.id, offRoster.id], message: '危化品泄漏，请集结' });
      expect(refused.status).toBe(400);
      // By name: the commander cannot read an id.
      expect(refused.body.message).toEqual(["contactIds: not on the drill's roster: 非演练人员乙"]);
      expect(refused.body.problems).toEqual([
        {
          code: 'drill.notOnRoster',
          field: 'contactIds',
          params: { names: '非演练人员乙' },
          message: refused.body.message[0],
        },
      ]);

      const onlyRoster = await api()
        .post(`/api/incidents/${r.incidentId}/callouts`)
        .set(as(commander))
        .send({ contactIds: [onRoster.id], message: '危化品泄漏，请集结' });
      expect(onlyRoster.status).toBe(201);
      expect(onlyRoster.body.recipients.map((x: { name: string }) => x.name)).toEqual(['演练队员甲']);
      const sms = await onRoster.phone.expectSms();
      expect(sms.body.startsWith('【演练】')).toBe(true);
      const started = (await events(r.incidentId!)).find((e) => e.type === 'callout.started')!;
      expect(started.payload).toMatchObject({ isDrill: true, outsideRoster: 0 });

      await sleep(1500);
      expect(offRoster.phone.counts()).toEqual({ sms: 0, calls: 0 });

      // Reinforcements join mid-drill: once on the roster, they can be paged.
      const bad = await api()
        .put(`/api/drills/runs/${r.id}/roster`)
        .set(as(commander))
        .send({
          contactIds: [onRoster.id, '00000000-0000-4000-8000-000000000000'],
          teamIds: [],
          evaluatorIds: [],
        });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toEqual([
        'contactIds.1: no such contact 00000000-0000-4000-8000-000000000000',
      ]);
      const widened = await api()
        .put(`/api/drills/runs/${r.id}/roster`)
        .set(as(commander))
        .send({ contactIds: [onRoster.id, offRoster.id], teamIds: [], evaluatorIds: [] });
      expect(widened.status).toBe(200);
      expect(widened.body.roster.contacts.map((c: { name: string }) => c.name).sort()).toEqual(
        ['演练队员甲', '非演练人员乙'].sort(),
      );
      const now = await api()
        .post(`/api/incidents/${r.incidentId}/callouts`)
        .set(as(commander))
        .send({ contactIds: [offRoster.id], message: '增援，请集结' });
      expect(now.status).toBe(201);
      expect((await offRoster.phone.expectSms()).body.startsWith('【演练】')).toBe(true);
      await act(r.id, 'end');
      const late = await api()
        .put(`/api/drills/runs/${r.id}/roster`)
        .set(as(commander))
        .send({ contactIds: [], teamIds: [], evaluatorIds: [] });
      expect(late.status).toBe(409);
    });

    it('refuses a team off the roster by name instead of dropping it, and pages nobody', async () => {
      const player = await contact('演练队员丙');
      const teamMate = await contact('演练队员丁');
      const stranger = await contact('非演练人员戊');
      const team = async (name: string, members: string[]) => {
        const res = await api()
          .post('/api/teams')
          .set(as(admin))
          .send({ name, type: 'hazmat', leaderContactId: members[0], memberContactIds: members });
        expect(res.status).toBe(201);
        return res.body as { id: string; name: string };
      };
      const rosterTeam = await team(`演练编组 ${n}`, [teamMate.id]);
      // Half its people are on the roster: a team is on it or not, its members do not make it so.
      const otherTeam = await team(`非演练编组 ${n}`, [player.id, stranger.id]);
      const sc = await scenario(await scenarioDocument(s.t, [messageInject('a', 3600)]));
      const r = await act(
        (await run(sc.id, { contactIds: [player.id], teamIds: [rosterTeam.id] })).id,
        'start',
      );
      // The call-out dialog finds the roster by the room's incident.
      const byRoom = await api().get(`/api/drills/runs?incidentId=${r.incidentId}`).set(as(commander));
      expect(byRoom.body.items.map((x: RunView) => x.id)).toEqual([r.id]);
      expect(byRoom.body.items[0].roster.teams).toEqual([{ teamId: rosterTeam.id, name: rosterTeam.name }]);

      const refused = await api()
        .post(`/api/incidents/${r.incidentId}/callouts`)
        .set(as(commander))
        .send({
          contactIds: [player.id],
          teamIds: [rosterTeam.id, otherTeam.id],
          message: '危化品泄漏，请集结',
        });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toEqual([`teamIds: not on the drill's roster: ${otherTeam.name}`]);
      expect(refused.body.problems).toEqual([
        expect.objectContaining({
          code: 'drill.teamsNotOnRoster',
          field: 'teamIds',
          params: { names: otherTeam.name },
        }),
      ]);
      const board = await api().get(`/api/incidents/${r.incidentId}/callouts`).set(as(commander));
      expect(board.body).toEqual([]);
      expect((await events(r.incidentId!)).some((e) => e.type === 'callout.started')).toBe(false);

      // The roster's own team is paged whole.
      const ok = await api()
        .post(`/api/incidents/${r.incidentId}/callouts`)
        .set(as(commander))
        .send({ teamIds: [rosterTeam.id], message: '危化品泄漏，请集结' });
      expect(ok.status).toBe(201);
      expect(ok.body.recipients.map((x: { name: string }) => x.name)).toEqual(['演练队员丁']);
      await teamMate.phone.expectSms();
      await act(r.id, 'end');
      expect(player.phone.counts()).toEqual({ sms: 0, calls: 0 });
      expect(stranger.phone.counts()).toEqual({ sms: 0, calls: 0 });
    });

    it('shows a real incident to the director at once and keeps drills out of real lists and rooms', async () => {
      const stats = async () => (await api().get('/api/incidents/statistics').set(as(commander))).body;
      const before = await stats();
      const sc = await scenario(
        await scenarioDocument(s.t, [
          {
            id: 'worse',
            offsetSeconds: 1,
            synopsis: '续报：5 人死亡',
            kind: 'incident_report',
            targetRoles: [],
            content: {
              summary: '模拟续报',
              casualties: { deaths: 5, missing: 0, seriousInjuries: 0, minorInjuries: 0 },
              directLossCny: 20_000_000,
            },
            expectedActions: [],
          },
        ]),
      );
      const r = await act((await run(sc.id)).id, 'start');
      const real = await api().post('/api/incidents').set(as(commander)).send(incidentReport());
      expect(real.status).toBe(201);

      const alert = await waitFor(
        async () => (await events(r.incidentId!)).find((e) => e.type === 'drill.real_incident'),
        5000,
        'the real-incident alert in the drill room',
      );
      expect(alert.payload).toMatchObject({ incidentId: real.body.id, title: real.body.title });

      await waitFor(
        async () => ((await injectEvents(r.incidentId!)).length ? true : undefined),
        10_000,
        'inject',
      );
      await act(r.id, 'end');
      const realEvents = await events(real.body.id);
      expect(realEvents.some((e) => e.type.startsWith('drill.'))).toBe(false);
      const realNow = await api().get(`/api/incidents/${real.body.id}`).set(as(commander));
      expect(realNow.body.status).toBe('reported');

      const list = await api().get('/api/incidents?pageSize=500').set(as(commander));
      const ids = list.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(real.body.id);
      expect(ids).not.toContain(r.incidentId);
      const drills = await api().get('/api/incidents?isDrill=true&pageSize=500').set(as(commander));
      expect(drills.body.items.map((i: { id: string }) => i.id)).toContain(r.incidentId);

      // The drill's invented deaths re-graded its own incident and nothing else.
      const drill = await api().get(`/api/incidents/${r.incidentId}`).set(as(commander));
      expect(drill.body).toMatchObject({ severity: 'relatively_serious', casualties: { deaths: 5 } });
      const after = await stats();
      expect(after.total).toBe(before.total + 1);
      expect(after.drills).toBe(before.drills + 1);
      expect(after.deaths).toBe(before.deaths + real.body.casualties.deaths);
      expect(after.bySeverity.relatively_serious).toBe(before.bySeverity.relatively_serious);

      const csv = await api().get(`/api/incidents/${r.incidentId}/activity.csv`).set(as(commander));
      expect(csv.text.split('\n')[0]).toContain('【演练】DRILL');
      expect(csv.text).toContain('（模拟事故报告）：续报：5 人死亡');
      const realCsv = await api().get(`/api/incidents/${real.body.id}/activity.csv`).set(as(commander));
      expect(realCsv.text).not.toContain('演练');
    });
  });

  describe('measurement', () => {
    it('matches expected actions to room events: met, late and missed, per objective', async () => {
      const sc = await scenario(
        await scenarioDocument(s.t, [
          {
            id: 'zone',
            offsetSeconds: 0,
            synopsis: '扩散区',
            kind: 'map_event',
            targetRoles: ['现场指挥'],
            // The scenario draws a cordon itself: that must not count as the players drawing one.
            content: {
              featureKind: 'cordon',
              label: '模拟警戒',
              geometry: { type: 'Point', coordinates: [116.82, 33.99] },
              radiusM: 100,
            },
            expectedActions: [
              {
                id: 'cordon',
                description: '划定警戒区',
                match: { kind: 'map_feature_added', featureKind: 'cordon' },
                targetSeconds: 30,
                objectiveId: 'o2',
              },
              {
                id: 'call',
                description: '呼叫',
                match: { kind: 'callout_started' },
                targetSeconds: 1,
                objectiveId: 'o1',
              },
              {
                id: 'plug',
                description: '堵漏',
                match: { kind: 'task_done', textIncludes: '堵漏' },
                targetSeconds: 600,
                objectiveId: 'o1',
              },
            ],
          },
        ]),
      );
      const member = await contact('度量队员');
      const r = await act((await run(sc.id, { contactIds: [member.id] })).id, 'start');
      await waitFor(
        async () => ((await injectEvents(r.incidentId!)).length ? true : undefined),
        10_000,
        'inject',
      );

      let m = await api().get(`/api/drills/runs/${r.id}/metrics`).set(as(commander));
      expect(m.body.actions.find((a: { actionId: string }) => a.actionId === 'cordon').outcome).toBe(
        'pending',
      );

      await sleep(1500);
      const cordon = await api()
        .post(`/api/incidents/${r.incidentId}/features`)
        .set(as(commander))
        .send({
          kind: 'cordon',
          label: '警戒线',
          geometry: { type: 'Point', coordinates: [116.821, 33.992] },
          radiusM: 200,
        });
      expect(cordon.status).toBe(201);
      const callout = await api()
        .post(`/api/incidents/${r.incidentId}/callouts`)
        .set(as(commander))
        .send({ contactIds: [member.id], message: '请集结' });
      expect(callout.status).toBe(201);
      await member.phone.expectSms();
      await member.phone.reply('1');
      await waitFor(
        async () => {
          const res = await api().get(`/api/drills/runs/${r.id}/metrics`).set(as(commander));
          return res.body.acknowledged === 1 ? res : undefined;
        },
        10_000,
        'the acknowledgement in the metrics',
      );
      await act(r.id, 'end');

      m = await api().get(`/api/drills/runs/${r.id}/metrics`).set(as(commander));
      const outcome = (id: string) => m.body.actions.find((a: { actionId: string }) => a.actionId === id);
      expect(outcome('cordon')).toMatchObject({ outcome: 'met' });
      expect(outcome('cordon').achievedAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(outcome('call')).toMatchObject({ outcome: 'late' });
      expect(outcome('plug')).toMatchObject({ outcome: 'missed', achievedAfterSeconds: null });
      expect(m.body.objectives).toEqual([
        expect.objectContaining({ objectiveId: 'o1', outcome: 'partly_met', actions: 2, met: 0 }),
        expect.objectContaining({ objectiveId: 'o2', outcome: 'met', actions: 1, met: 1 }),
      ]);
      expect(m.body.responders).toEqual([
        expect.objectContaining({ name: '度量队员', state: 'acknowledged', channel: 'sms' }),
      ]);
      expect(m.body.responders[0].secondsToRespond).toBeGreaterThanOrEqual(0);
      expect(m.body.medianAckSeconds).toBe(m.body.responders[0].secondsToRespond);
    });
  });
});
