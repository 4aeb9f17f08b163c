import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { CalloutView, RunView } from '@muster/contracts';
import { incidentReport } from '../support/incidents.js';
import { messageInject, scenarioDocument } from '../support/drills.js';
import { type CalloutStack, Phone, startCalloutStack, waitFor } from '../support/callouts.js';

/**
 * Call-outs as a field trial met them: the response level named so it cannot be misread, a
 * drill's quorum that its roster can meet, and a call-out that has ended taking no more answers.
 */
describe('call-outs: level names, quora that can be met, and ended call-outs', () => {
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
  const auth = () => ({ Authorization: `Bearer ${commander}` });

  async function contact(name: string, language: 'zh-CN' | 'en' = 'zh-CN') {
    const phone = `+86136${String(30_000_000 + ++n * 7919).slice(-8)}`;
    const res = await api()
      .post('/api/contacts')
      .set({ Authorization: `Bearer ${admin}` })
      .send({ name, phones: [phone], language, organization: '危化品应急处置队', post: '队员' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, phone: new Phone(s.emulator, res.body.phones[0]) };
  }

  const newIncident = async () =>
    (await api().post('/api/incidents').set(auth()).send(incidentReport())).body.id as string;
  const callout = async (incidentId: string, body: object) => {
    const res = await api().post(`/api/incidents/${incidentId}/callouts`).set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body as CalloutView;
  };
  const get = async (id: string) => (await api().get(`/api/callouts/${id}`).set(auth())).body as CalloutView;

  describe('the response level in every text', () => {
    it('names the level in words in the SMS and the call, with a full stop before the reply prompt', async () => {
      const incidentId = await newIncident();
      const suggestion = await api().get(`/api/incidents/${incidentId}/suggested-plans`).set(auth());
      const item = suggestion.body.items.find((i: { match: string }) => i.match === 'zone_comprehensive');
      const version = (await api().get(`/api/plan-versions/${item.versionId}`).set(auth())).body;
      const level = version.levels.find((l: { rank: number }) => l.rank === 3);
      const res = await api()
        .post(`/api/incidents/${incidentId}/activate-level`)
        .set(auth())
        .send({ versionId: item.versionId, levelId: level.id });
      expect(res.status).toBe(201);
      expect(res.body.callout.responseLevel).toBe('III');
      const first = res.body.callout.recipients[0] as { phone: string; language: string };
      expect(first.language).toBe('zh-CN');
      const phone = new Phone(s.emulator, first.phone);

      const sms = await phone.expectSms();
      expect(sms.body).toContain('。已启动三级响应。回复1确认');
      expect(sms.body).not.toMatch(/[IVⅠⅡⅢⅣ]级/);

      const call = await phone.expectCall();
      await phone.press(call.sid, '1');
      // The call's record is written as its TwiML plays: read it once the script has been said.
      const transcript = await waitFor(
        () => {
          const rec = s.emulator.calls({ to: first.phone }).find((c) => c.sid === call.sid);
          const text = JSON.stringify((rec as { transcript?: unknown } | undefined)?.transcript ?? []);
          return text.includes('已启动') ? text : undefined;
        },
        10_000,
        'the call script in the transcript',
      );
      expect(transcript).toContain('已启动三级响应。');
      expect(transcript).not.toMatch(/[IVⅠⅡⅢⅣ]级/);
    });
  });

  describe('a drill’s quorum', () => {
    it('becomes everyone the roster leaves when that is fewer than the policy asks, and the drill measures it', async () => {
      const onRoster = [await contact('演练甲'), await contact('演练乙'), await contact('演练丙')];
      const offRoster = [await contact('场外丁'), await contact('场外戊'), await contact('场外己')];
      const policy = await api()
        .post('/api/policies')
        .set({ Authorization: `Bearer ${admin}` })
        .send({
          name: `六人确认 ${n}`,
          tiers: [
            {
              contactIds: [...onRoster, ...offRoster].map((c) => c.id),
              teamIds: [],
              channels: ['sms'],
              voiceDelaySeconds: 60,
              ackTimeoutSeconds: 3600,
              quorum: 6,
              repeats: 0,
            },
          ],
        });
      expect(policy.status).toBe(201);
      const sc = await api()
        .post('/api/drills/scenarios')
        .set(auth())
        .send(
          await scenarioDocument(s.t, [
            messageInject('a', 0, [
              {
                id: 'quorum',
                description: '呼叫到位人数满足',
                match: { kind: 'callout_quorum_met' },
                targetSeconds: 3600,
                objectiveId: 'o1',
              },
            ]),
          ]),
        );
      expect(sc.status).toBe(201);
      const created = await api()
        .post('/api/drills/runs')
        .set(auth())
        .send({
          scenarioId: sc.body.id,
          scheduledFor: new Date().toISOString(),
          contactIds: onRoster.map((c) => c.id),
          evaluatorIds: [],
        });
      expect(created.status).toBe(201);
      const run = (await api().post(`/api/drills/runs/${created.body.id}/start`).set(auth())).body as RunView;
      await waitFor(
        async () => {
          const e = await api().get(`/api/incidents/${run.incidentId}/events?sinceSeq=0`).set(auth());
          return e.body.some((x: { type: string }) => x.type === 'drill.inject') ? true : undefined;
        },
        10_000,
        'the inject',
      );

      const c = await callout(run.incidentId!, {
        policyId: policy.body.id,
        message: '演练：液氯泄漏，请集结',
      });
      expect(c.recipients).toHaveLength(3);
      expect(c.tiers[0]).toMatchObject({ quorum: 3, policyQuorum: 6 });
      for (const p of onRoster) {
        await p.phone.expectSms();
        await p.phone.reply('1');
      }
      const done = await waitFor(
        async () => {
          const x = await get(c.id);
          return x.status === 'succeeded' ? x : undefined;
        },
        10_000,
        'the drill call-out to meet its quorum',
      );
      expect(done.acknowledged).toBe(3);
      const m = await api().get(`/api/drills/runs/${run.id}/metrics`).set(auth());
      expect(m.body.actions.find((a: { actionId: string }) => a.actionId === 'quorum')).toMatchObject({
        outcome: 'met',
      });
      for (const p of offRoster) expect(p.phone.counts()).toEqual({ sms: 0, calls: 0 });
    });
  });

  describe('a call-out that has ended', () => {
    it('answers a text politely and records nothing', async () => {
      const a = await contact('结束短信');
      const incidentId = await newIncident();
      const c = await callout(incidentId, { contactIds: [a.id], message: '请到指挥部报到' });
      await a.phone.expectSms();
      await api().post(`/api/callouts/${c.id}/cancel`).set(auth()).expect(200);
      await a.phone.reply('1');
      const answer = await a.phone.expectSms();
      expect(answer.body).toBe('本次应急呼叫已结束，您的回复未记录，无需再回复。谢谢！');
      await a.phone.reply(`1 ${c.shortCode}`);
      expect((await a.phone.expectSms()).body).toBe(answer.body);
      const after = await get(c.id);
      expect(after.recipients[0]).toMatchObject({ state: 'notified', respondedAt: null });
    });

    it('answers a key politely, in English for an English speaker, and records nothing', async () => {
      const a = await contact('Ended Caller', 'en');
      const incidentId = await newIncident();
      const c = await callout(incidentId, { contactIds: [a.id], message: 'Report to the command post' });
      await a.phone.expectSms();
      const call = await a.phone.expectCall();
      // Wait for the prompt, end the call-out while the call waits for a key, then press it.
      await waitFor(
        () => {
          const rec = s.emulator.calls({ to: a.phone.number })[0] as { transcript?: unknown };
          return JSON.stringify(rec.transcript ?? []).includes('Press 1 to accept') ? true : undefined;
        },
        10_000,
        'the call’s prompt',
      );
      await api().post(`/api/callouts/${c.id}/cancel`).set(auth()).expect(200);
      await a.phone.press(call.sid, '1');
      const transcript = await waitFor(
        () => {
          const text = JSON.stringify(
            (s.emulator.calls({ to: a.phone.number })[0] as { transcript?: unknown }).transcript,
          );
          return text.includes('has ended') ? text : undefined;
        },
        10_000,
        'the call to say the call-out has ended',
      );
      expect(transcript).toContain('This call-out has ended; no answer is needed. Thank you, goodbye.');
      expect(transcript).not.toContain('Accepted');
      expect((await get(c.id)).recipients[0]).toMatchObject({ state: 'notified', respondedAt: null });
    });

    it('takes no answer by link after the drill ended, and shows only the incident’s title', async () => {
      const member = await contact('演练链接');
      const sc = await api()
        .post('/api/drills/scenarios')
        .set(auth())
        .send(await scenarioDocument(s.t, [messageInject('a', 3600)]));
      const created = await api()
        .post('/api/drills/runs')
        .set(auth())
        .send({
          scenarioId: sc.body.id,
          scheduledFor: new Date().toISOString(),
          contactIds: [member.id],
          evaluatorIds: [],
        });
      const run = (await api().post(`/api/drills/runs/${created.body.id}/start`).set(auth())).body as RunView;
      const c = await callout(run.incidentId!, { contactIds: [member.id], message: '演练：请集结' });
      const sms = await member.phone.expectSms();
      const link = /\/r\/(\S+)$/.exec(sms.body)![1]!;
      const open = await api().get(`/api/respond/${link}`);
      expect(open.body.incident.address).toBeTruthy();

      await api().post(`/api/drills/runs/${run.id}/end`).set(auth()).expect(200);
      const late = await api().post(`/api/respond/${link}`).send({ decision: 'accept' });
      expect(late.status).toBe(200);
      expect(late.body).toMatchObject({ calloutStatus: 'cancelled', state: 'notified', message: null });
      expect(late.body.incident).toEqual({ title: open.body.incident.title });
      expect(late.body.places).toEqual([]);
      expect((await api().get(`/api/respond/${link}`)).body.incident).toEqual({
        title: open.body.incident.title,
      });
      expect((await get(c.id)).recipients[0]).toMatchObject({ state: 'notified', respondedAt: null });
      const m = await api().get(`/api/drills/runs/${run.id}/metrics`).set(auth());
      expect(m.body.responders).toEqual([
        expect.objectContaining({ name: '演练链接', state: 'notified', secondsToRespond: null }),
      ]);
    });
  });
});
