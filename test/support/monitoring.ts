import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { InstallationView, PointView } from '@muster/contracts';
import type { TestApp } from './app.js';

/** A topic prefix of this test run's own, so parallel runs on one broker never meet. */
export const topicPrefix = (): string => `test-${randomBytes(6).toString('hex')}/readings`;

export const MQTT_TEST_URL = process.env.MQTT_TEST_URL ?? 'mqtt://127.0.0.1:1883';

let seq = 0;

/** An installation of the fine-chemicals plant with one point per threshold set given. */
export async function newMonitoredInstallation(
  t: TestApp,
  points: Partial<PointView>[],
  baseUrl = t.baseUrl,
): Promise<{
  installation: InstallationView;
  points: PointView[];
  enterpriseId: string;
  creditCode: string;
}> {
  const token = await t.token('zone_admin');
  const auth = { Authorization: `Bearer ${token}` };
  const [ent] = (await t.db.query(
    `SELECT id, credit_code FROM enterprise WHERE name LIKE '%龙山精细化工%'`,
  )) as {
    id: string;
    credit_code: string;
  }[];
  const n = ++seq;
  const installation = (
    await request(baseUrl)
      .post('/api/installations')
      .set(auth)
      .send({
        enterpriseId: ent!.id,
        code: `T${n}-${randomBytes(3).toString('hex')}`,
        name: `测试储存单元 ${n}`,
        kind: 'storage',
        location: { lat: 33.9925, lng: 116.8201 },
        peopleExposed: 10,
        chemicals: [{ substance: 'chlorine', name: '液氯', category: 'J3', maxQuantityT: 20 }],
        responsible: { operational: { name: '赵立新', phone: '13905610203' } },
      })
      .expect(201)
  ).body as InstallationView;
  const created: PointView[] = [];
  for (const [i, p] of points.entries()) {
    const res = await request(baseUrl)
      .post(`/api/installations/${installation.id}/points`)
      .set(auth)
      .send({
        code: `P${n}-${i}-${randomBytes(3).toString('hex')}`,
        name: `氯气浓度 ${i}`,
        kind: 'gas',
        unit: 'ppm',
        rangeMin: 0,
        rangeMax: 20,
        high: 1,
        highHigh: 3,
        delaySeconds: 2,
        holdSeconds: 3,
        ...p,
      });
    if (res.status !== 201) throw new Error(`point: ${res.status} ${JSON.stringify(res.body)}`);
    created.push(res.body as PointView);
  }
  return { installation, points: created, enterpriseId: ent!.id, creditCode: ent!.credit_code };
}
