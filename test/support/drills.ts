import type { ScenarioDocument, ScenarioInject } from '@muster/contracts';
import { Db } from '../../server/src/database/db.js';
import type { TestApp } from './app.js';

/** A message inject at `offsetSeconds`, optionally expecting actions. */
export function messageInject(
  id: string,
  offsetSeconds: number,
  expectedActions: ScenarioInject['expectedActions'] = [],
): ScenarioInject {
  return {
    id,
    offsetSeconds,
    synopsis: `inject ${id}`,
    kind: 'message',
    targetRoles: ['总指挥'],
    content: { text: `消息 ${id}` },
    expectedActions,
  };
}

/** A small scenario at a demo enterprise, with the injects given (short offsets for real-time runs). */
export async function scenarioDocument(
  t: TestApp,
  injects: ScenarioInject[],
  extra: Partial<ScenarioDocument> = {},
): Promise<ScenarioDocument> {
  const [ent]: { id: string }[] = await t
    .get(Db)
    .manager.query(`SELECT id FROM enterprise WHERE name = '淮北龙山精细化工有限公司'`);
  return {
    title: `测试演练 ${Math.random().toString(36).slice(2, 8)}`,
    form: 'live',
    scope: 'comprehensive',
    planId: null,
    responseLevel: null,
    objectives: [
      { id: 'o1', text: '及时呼叫' },
      { id: 'o2', text: '警戒到位' },
    ],
    roles: ['总指挥'],
    teamIds: [],
    setting: {
      enterpriseId: ent!.id,
      category: 'hazardous_chemical_leak',
      title: '液氯泄漏',
      address: '龙山路16号',
      location: { lat: 33.9921, lng: 116.8205 },
      summary: '钢瓶阀门泄漏',
    },
    injects,
    ...extra,
  };
}
