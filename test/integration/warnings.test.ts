import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { WarningPreview, WarningView } from '@muster/contracts';
import { Db } from '../../server/src/database/db.js';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { RoomLog } from '../../server/src/room-log/room-log.js';
import { capSchemaErrors } from '../support/cap.js';
import { type CalloutStack, Phone, startCalloutStack, waitFor } from '../support/callouts.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { incidentReport } from '../support/incidents.js';

/**
 * Geo-targeted warnings end to end: a threat zone computed in the room, the enterprises and
 * sensitive targets inside it paged through the real Twilio SDK and the emulator, their CAP
 * alerts valid against the OASIS schema. Each case builds its own places far from the demo
 * zone's, so nothing else is inside its area.
 */
describe('geo-targeted warnings', () => {
  let s: CalloutStack;
  let commander: string;
  let admin: string;
  let n = 0;

  beforeAll(async () => {
    // Real time: the call that follows an unanswered SMS comes after two minutes, so a phone
    // that answers its SMS gets no call and each is paged exactly once.
    s = await startCalloutStack({}, 1);
    commander = await s.t.token('commander');
    admin = await s.t.token('zone_admin');
  });
  afterAll(() => s.close());

  const api = () => request(s.t.baseUrl);
  const auth = () => ({ Authorization: `Bearer ${commander}` });
  const phoneNumber = () => `+86139${String(20_000_000 + ++n * 7919).slice(-8)}`;

  /** A square threat zone around (lat, lng), ±0.005° (about 550 m north–south). */
  function square(lat: number, lng: number): number[][][] {
    const d = 0.005;
    return [
      [
        [lng - d, lat - d],
        [lng + d, lat - d],
        [lng + d, lat + d],
        [lng - d, lat + d],
        [lng - d, lat - d],
      ],
    ];
  }

  async function enterprise(name: string, lat: number, lng: number) {
    const first17 = `91340602MA${String(1_000_000 + ++n).slice(-7)}`;
    const res = await api()
      .post('/api/enterprises')
      .set({ Authorization: `Bearer ${admin}` })
      .send({
        name,
        creditCode: first17 + creditCodeCheckChar(first17),
        industry: '化工',
        riskClass: 'medium',
        address: `${name}厂区`,
        location: { lat, lng },
        legalRepresentative: '法人',
        safetyLead: '安全员',
        dutyPhone: '0561-3000000',
      });
    expect(res.status).toBe(201);
    const contact = await api()
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${admin}` })
      .send({
        name: `${name}安全员`,
        enterpriseId: res.body.id,
        phones: [phoneNumber()],
        language: 'zh-CN',
        organization: name,
        post: '安全员',
      });
    expect(contact.status).toBe(201);
    return {
      id: res.body.id as string,
      contactId: contact.body.id as string,
      phone: new Phone(s.emulator, contact.body.phones[0]),
    };
  }

  async function sensitiveTarget(name: string, lat: number, lng: number) {
    const res = await api()
      .post('/api/sensitive-targets')
      .set(auth())
      .send({
        kind: 'school',
        name,
        location: { lat, lng },
        populationDay: 800,
        populationNight: 0,
        contactName: `${name}校长`,
        contactPhone: phoneNumber(),
      });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, phone: new Phone(s.emulator, res.body.contactPhone) };
  }

  /** One enterprise and one school inside the zone, and one of each just (~100 m) outside its edge. */
  async function places(lat: number, lng: number) {
    return {
      inside: {
        enterprise: await enterprise(`区内企业${n}`, lat + 0.001, lng),
        target: await sensitiveTarget(`区内学校${n}`, lat - 0.002, lng + 0.002),
      },
      outside: {
        enterprise: await enterprise(`区外企业${n}`, lat, lng + 0.0061),
        target: await sensitiveTarget(`区外学校${n}`, lat + 0.0061, lng),
      },
    };
  }

  /** A consequence model's threat zone, logged in the room as the consequence module logs it. */
  async function threatZone(incidentId: string, polygon: number[][][]): Promise<string> {
    const id = `run-${++n}:AEGL-2`;
    await s.t.get(Db).transaction(() =>
      s.t.get(RoomLog).append(incidentId, 'consequence.modelled', {
        modelRunId: `run-${n}`,
        model: 'plume',
        title: '氯气 2 kg/s',
        inputs: {},
        zones: [
          {
            id,
            modelRunId: `run-${n}`,
            model: 'plume',
            level: 'AEGL-2',
            rank: 2,
            geometry: { type: 'Polygon', coordinates: polygon },
          },
        ],
      }),
    );
    return id;
  }

  /** The texts of this warning a phone got: SMS starting with the warning's head, not the replies to it. */
  const warningTexts = (p: Phone, emulatorMessages: { to: string; body: string }[]) =>
    emulatorMessages.filter((m) => m.to === p.number && /^(【演练】)?【杜集开发区应急】预警：/.test(m.body));

  async function cap(id: string): Promise<string> {
    const res = await api().get(`/cap/alerts/${id}.xml`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/cap\+xml/);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(await capSchemaErrors(res.text)).toEqual([]);
    return res.text;
  }

  it('pages exactly the people of the enterprises and sensitive targets inside a threat zone, once each, and publishes a valid CAP alert', async () => {
    const incidentId = (await api().post('/api/incidents').set(auth()).send(incidentReport())).body
      .id as string;
    const [lat, lng] = [33.95, 116.9];
    const p = await places(lat, lng);
    const zoneId = await threatZone(incidentId, square(lat, lng));

    const preview = await api()
      .post(`/api/incidents/${incidentId}/warnings/preview`)
      .set(auth())
      .send({ area: { threatZoneId: zoneId } });
    expect(preview.status).toBe(200);
    const pv = preview.body as WarningPreview;
    expect(pv.targets.map((t) => t.refId).sort()).toEqual(
      [p.inside.enterprise.id, p.inside.target.id].sort(),
    );
    expect(pv.counts).toMatchObject({ enterprises: 1, sensitiveTargets: 1, phones: 2, populationDay: 800 });

    const sent = await api()
      .post(`/api/incidents/${incidentId}/warnings`)
      .set(auth())
      .send({ area: { threatZoneId: zoneId }, text: '龙山精细化工氯气泄漏', action: 'shelter_in_place' });
    expect(sent.status).toBe(201);
    const w = sent.body as WarningView;
    expect(w).toMatchObject({ msgType: 'Alert', isDrill: false, referencesId: null });

    for (const inside of [p.inside.enterprise.phone, p.inside.target.phone]) {
      const sms = await inside.expectSms();
      expect(sms.body).toMatch(/^【杜集开发区应急】预警：龙山精细化工氯气泄漏。请立即就地避险/);
      expect(sms.body).toContain('收到请回复1');
      await inside.reply('1');
    }
    const board = await waitFor(
      async () => {
        const b = (await api().get(`/api/warnings/${w.id}`).set(auth())).body as WarningView;
        return b.targets.every((t) => t.acknowledged) ? b : undefined;
      },
      10_000,
      'both targets to acknowledge',
    );
    expect(board.targets.flatMap((t) => t.people.map((x) => x.state))).toEqual([
      'acknowledged',
      'acknowledged',
    ]);
    const callout = await api().get(`/api/callouts/${w.calloutId}`).set(auth());
    expect(callout.body.status).toBe('succeeded');
    const all = s.emulator.messages({}) as unknown as { to: string; body: string }[];
    for (const inside of [p.inside.enterprise.phone, p.inside.target.phone]) {
      expect(warningTexts(inside, all)).toHaveLength(1);
      expect(inside.counts().calls).toBe(0);
    }
    for (const outside of [p.outside.enterprise.phone, p.outside.target.phone])
      expect(outside.counts()).toEqual({ sms: 0, calls: 0 });

    const xml = await cap(w.id);
    expect(xml).toContain('<status>Actual</status>');
    expect(xml).toContain('<msgType>Alert</msgType>');
    expect(xml).toContain('<responseType>Shelter</responseType>');
    // CAP's "lat,lon" order, the ring closed.
    const corner = `${+(lat - 0.005).toFixed(6)},${+(lng - 0.005).toFixed(6)}`;
    const polygon = /<polygon>([^<]+)<\/polygon>/.exec(xml)![1]!.split(' ');
    expect(polygon).toHaveLength(5);
    expect([polygon[0], polygon[4]]).toEqual([corner, corner]);
    expect(xml).not.toContain('<references>');
  });

  it('updates a warning with a reference to the original, and lists both on the public feed', async () => {
    const incidentId = (await api().post('/api/incidents').set(auth()).send(incidentReport())).body
      .id as string;
    const [lat, lng] = [33.93, 116.9];
    const p = await places(lat, lng);
    const feature = await api()
      .post(`/api/incidents/${incidentId}/features`)
      .set(auth())
      .send({
        kind: 'hazard_zone',
        label: '警戒区',
        geometry: { type: 'Polygon', coordinates: square(lat, lng) },
      });
    expect(feature.status).toBe(201);
    const point = await api()
      .post(`/api/incidents/${incidentId}/features`)
      .set(auth())
      .send({
        kind: 'assembly_point',
        label: '东门集合点',
        geometry: { type: 'Point', coordinates: [lng + 0.02, lat] },
      });
    expect(point.status).toBe(201);

    const first = await api()
      .post(`/api/incidents/${incidentId}/warnings`)
      .set(auth())
      .send({ area: { featureId: feature.body.id }, text: '氯气扩散', action: 'shelter_in_place' });
    expect(first.status).toBe(201);
    const noPoint = await api()
      .post(`/api/warnings/${first.body.id}/update`)
      .set(auth())
      .send({ text: '氯气扩散加剧', action: 'evacuate' });
    expect(noPoint.status).toBe(400);
    expect(noPoint.body.message).toEqual([expect.stringMatching(/^assemblyPointId: /)]);
    const update = await api().post(`/api/warnings/${first.body.id}/update`).set(auth()).send({
      text: '氯气扩散加剧',
      action: 'evacuate',
      assemblyPointId: point.body.id,
      severity: 'Extreme',
    });
    expect(update.status).toBe(201);
    expect(update.body).toMatchObject({ msgType: 'Update', referencesId: first.body.id });
    const sms = await waitFor(
      () =>
        (s.emulator.messages({ to: p.inside.target.phone.number }) as unknown as { body: string }[]).find(
          (m) => m.body.includes('东门集合点'),
        ),
      10_000,
      'the updated warning',
    );
    expect(sms.body).toContain('请立即疏散撤离至东门集合点');

    const xml = await cap(update.body.id);
    const original = await cap(first.body.id);
    const sent = /<sent>([^<]+)<\/sent>/.exec(original)![1];
    const sender = /<sender>([^<]+)<\/sender>/.exec(original)![1];
    expect(xml).toContain('<msgType>Update</msgType>');
    expect(xml).toContain(`<references>${sender},muster-warning-${first.body.id},${sent}</references>`);
    expect(xml).toContain('<severity>Extreme</severity>');
    expect(xml).toContain('<responseType>Evacuate</responseType>');

    const cancel = await api()
      .post(`/api/warnings/${first.body.id}/cancel`)
      .set(auth())
      .send({ text: '泄漏已控制' });
    expect(cancel.status).toBe(201);
    const cancelXml = await cap(cancel.body.id);
    expect(cancelXml).toContain('<msgType>Cancel</msgType>');
    expect(cancelXml).toContain(`<references>${sender},muster-warning-${first.body.id},${sent}</references>`);

    const feed = await api().get('/cap/alerts.atom');
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    for (const id of [first.body.id, update.body.id, cancel.body.id])
      expect(feed.text).toContain(`/cap/alerts/${id}.xml`);
    expect(feed.text.indexOf(cancel.body.id)).toBeLessThan(feed.text.indexOf(first.body.id));
    const malformed = await api().get('/cap/alerts/not-an-id.xml');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toEqual([expect.stringMatching(/^file: /)]);
    expect((await api().get(`/cap/alerts/${incidentId}.xml`)).status).toBe(404);
  });

  it('in a drill pages only the roster, marked as a drill, and publishes an Exercise', async () => {
    const [lat, lng] = [33.91, 116.9];
    const p = await places(lat, lng);
    const sc = await api()
      .post('/api/drills/scenarios')
      .set(auth())
      .send(await scenarioDocument(s.t, [messageInject('a', 0)]));
    expect(sc.status).toBe(201);
    const created = await api()
      .post('/api/drills/runs')
      .set(auth())
      .send({
        scenarioId: sc.body.id,
        scheduledFor: new Date().toISOString(),
        contactIds: [p.inside.enterprise.contactId],
        evaluatorIds: [],
      });
    expect(created.status).toBe(201);
    const run = (await api().post(`/api/drills/runs/${created.body.id}/start`).set(auth())).body as {
      incidentId: string;
    };
    const zoneId = await threatZone(run.incidentId, square(lat, lng));

    const preview = (
      await api()
        .post(`/api/incidents/${run.incidentId}/warnings/preview`)
        .set(auth())
        .send({ area: { threatZoneId: zoneId } })
    ).body as WarningPreview;
    expect(preview.isDrill).toBe(true);
    expect(preview.counts).toMatchObject({
      enterprises: 1,
      sensitiveTargets: 1,
      phones: 1,
      outsideRoster: 1,
    });

    const sent = await api()
      .post(`/api/incidents/${run.incidentId}/warnings`)
      .set(auth())
      .send({ area: { threatZoneId: zoneId }, text: '演练：氯气泄漏', action: 'shelter_in_place' });
    expect(sent.status).toBe(201);
    expect(sent.body.isDrill).toBe(true);
    const sms = await p.inside.enterprise.phone.expectSms();
    expect(sms.body).toMatch(/^【演练】【杜集开发区应急】预警：/);
    await p.inside.enterprise.phone.reply('1');
    await waitFor(
      async () => {
        const c = await api().get(`/api/callouts/${sent.body.calloutId}`).set(auth());
        return c.body.status === 'succeeded' ? true : undefined;
      },
      10_000,
      'the drill warning to be acknowledged',
    );
    const board = (await api().get(`/api/warnings/${sent.body.id}`).set(auth())).body as WarningView;
    const school = board.targets.find((t) => t.kind === 'sensitive_target')!;
    expect(school.people[0]!.state).toBe('not_paged');
    for (const phone of [p.inside.target.phone, p.outside.enterprise.phone, p.outside.target.phone])
      expect(phone.counts()).toEqual({ sms: 0, calls: 0 });

    const xml = await cap(sent.body.id);
    expect(xml).toContain('<status>Exercise</status>');
    expect(xml).toContain('【演练】预警');
  });
});
