import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { ScenarioDocument } from '@muster/contracts';
import { Db } from '../database/db.js';
import { Contact } from '../directory/contact.entity.js';
import { Team } from '../directory/team.entity.js';
import { DrillRun, DrillScenario } from '../drills/drill.entities.js';
import { DrillRunService } from '../drills/drill-run.service.js';
import { ScenarioService } from '../drills/scenario.service.js';
import { User } from '../identity/user.entity.js';
import { Plan } from '../plans/plan.entity.js';
import { DEMO_ENTERPRISES } from './demo-data.js';

export const CHLORINE_TITLE = '龙山精细化工液氯钢瓶泄漏综合应急演练';
export const WAREHOUSE_TITLE = '通达物流仓库火灾桌面推演';

const at = (key: string) => {
  const e = DEMO_ENTERPRISES.find((x) => x.key === key)!;
  return { lat: e.lat, lng: e.lng };
};

/** A circle on the map: a Point with a radius, [lng, lat] as GeoJSON has it. */
const circle = (p: { lat: number; lng: number }, dLat = 0, dLng = 0) => ({
  type: 'Point' as const,
  coordinates: [p.lng + dLng, p.lat + dLat],
});

function chlorine(ids: DemoIds): ScenarioDocument {
  const site = at('finechem');
  return {
    title: CHLORINE_TITLE,
    form: 'live',
    scope: 'comprehensive',
    planId: ids.plan('淮北龙山精细化工有限公司液氯泄漏专项应急预案'),
    responseLevel: 'III',
    objectives: [
      { id: 'alert', text: '信息报告与人员呼叫及时：5 分钟内完成危化品应急处置队呼叫并得到确认' },
      { id: 'cordon', text: '警戒疏散到位：10 分钟内划定警戒区并设置集结点' },
      { id: 'control', text: '泄漏控制有效：堵漏完成并确认险情得到控制' },
    ],
    roles: ['总指挥', '现场指挥', '危化品应急处置队', '园区专职消防队', '医疗救护队', '企业值班长'],
    teamIds: [ids.team('危化品应急处置队'), ids.team('园区专职消防队')],
    setting: {
      enterpriseId: ids.enterprise('finechem'),
      category: 'poisoning_asphyxiation',
      title: '液氯钢瓶库氯气泄漏',
      address: '杜集经济开发区龙山路16号 液氯钢瓶库',
      location: site,
      summary: '液氯钢瓶库一只 1 吨液氯钢瓶阀门填料处泄漏，现场可见黄绿色气体，库区氯气报警。',
    },
    injects: [
      {
        id: 'alarm',
        offsetSeconds: 30,
        synopsis: '中控室报告：钢瓶库氯气报警 35 ppm 且持续上升',
        kind: 'message',
        targetRoles: ['总指挥', '企业值班长'],
        content: { text: '中控室：液氯钢瓶库 DCS 报警，氯气浓度 35 ppm 且持续上升，现场可见黄绿色气体。' },
        expectedActions: [
          {
            id: 'callout',
            description: '5 分钟内呼叫危化品应急处置队',
            match: { kind: 'callout_started' },
            targetSeconds: 300,
            objectiveId: 'alert',
          },
          {
            id: 'ack',
            description: '5 分钟内至少一名队员确认响应',
            match: { kind: 'callout_acknowledged' },
            targetSeconds: 300,
            objectiveId: 'alert',
          },
        ],
      },
      {
        id: 'plume',
        offsetSeconds: 120,
        synopsis: '气体检测：下风向 300 米范围内氯气超标',
        kind: 'map_event',
        targetRoles: ['现场指挥'],
        content: {
          featureKind: 'hazard_zone',
          label: '氯气扩散区（下风向 300 m）',
          geometry: circle(site, -0.0008, 0.0012),
          radiusM: 300,
        },
        expectedActions: [
          {
            id: 'cordon',
            description: '10 分钟内划定警戒区',
            match: { kind: 'map_feature_added', featureKind: 'cordon' },
            targetSeconds: 600,
            objectiveId: 'cordon',
          },
          {
            id: 'assembly',
            description: '10 分钟内设置上风向集结点',
            match: { kind: 'map_feature_added', featureKind: 'assembly_point' },
            targetSeconds: 600,
            objectiveId: 'cordon',
          },
        ],
      },
      {
        id: 'casualty',
        offsetSeconds: 240,
        synopsis: '续报：一名操作工吸入氯气，呼吸困难',
        kind: 'incident_report',
        targetRoles: ['总指挥', '医疗救护队'],
        content: {
          summary: '一名操作工关阀时吸入氯气，呼吸困难，已撤至上风向。',
          casualties: { deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 0 },
          directLossCny: 50000,
        },
        expectedActions: [
          {
            id: 'medical',
            description: '5 分钟内派出医疗救护力量',
            match: { kind: 'resource_dispatched' },
            targetSeconds: 300,
            objectiveId: 'control',
          },
        ],
      },
      {
        id: 'unreachable',
        offsetSeconds: 360,
        synopsis: '危化品应急处置队队员冯晓军手机无法接通',
        kind: 'responder_unreachable',
        targetRoles: ['现场指挥'],
        content: { contactId: ids.contact('冯晓军'), name: '冯晓军' },
        expectedActions: [],
      },
      {
        id: 'spread',
        offsetSeconds: 480,
        synopsis: '风向转为东南风，扩散区扩大至 600 米',
        kind: 'map_event',
        targetRoles: ['总指挥', '现场指挥'],
        content: {
          featureKind: 'hazard_zone',
          label: '氯气扩散区（风向转变，600 m）',
          geometry: circle(site, 0.001, -0.0015),
          radiusM: 600,
        },
        expectedActions: [
          {
            id: 'plug',
            description: '15 分钟内完成钢瓶堵漏任务',
            match: { kind: 'task_done', textIncludes: '堵漏' },
            targetSeconds: 900,
            objectiveId: 'control',
          },
        ],
      },
      {
        id: 'controlled',
        offsetSeconds: 720,
        synopsis: '堵漏完成，库区氯气浓度降至 1 ppm 以下',
        kind: 'message',
        targetRoles: ['总指挥'],
        content: { text: '现场指挥：钢瓶堵漏完成，碱液吸收装置运行正常，库区氯气浓度降至 1 ppm 以下。' },
        expectedActions: [
          {
            id: 'contained',
            description: '5 分钟内确认险情得到控制',
            match: { kind: 'status_changed', status: 'contained' },
            targetSeconds: 300,
            objectiveId: 'control',
          },
        ],
      },
    ],
  };
}

function warehouse(ids: DemoIds): ScenarioDocument {
  const site = at('logistics');
  return {
    title: WAREHOUSE_TITLE,
    form: 'tabletop',
    scope: 'single_function',
    planId: ids.plan('杜集经济开发区火灾爆炸事故专项应急预案'),
    responseLevel: 'IV',
    objectives: [
      { id: 'alert', text: '3 分钟内启动呼叫并通知消防力量' },
      { id: 'fire', text: '初期火灾扑救与人员搜救组织有序' },
    ],
    roles: ['总指挥', '企业值班长', '园区专职消防队', '疏散引导队'],
    teamIds: [ids.team('园区专职消防队'), ids.team('疏散引导队')],
    setting: {
      enterpriseId: ids.enterprise('logistics'),
      category: 'fire',
      title: '3 号仓库火灾',
      address: '杜集经济开发区高岳路58号 3 号仓库',
      location: site,
      summary: '3 号仓库东侧货架起火，烟雾较大，库内有作业人员。',
    },
    injects: [
      {
        id: 'smoke',
        offsetSeconds: 0,
        synopsis: '3 号库区烟感报警，值班人员发现明火',
        kind: 'message',
        targetRoles: ['企业值班长'],
        content: { text: '值班长：3 号库区东侧烟感报警，现场发现明火，正在组织初期扑救。' },
        expectedActions: [
          {
            id: 'callout',
            description: '3 分钟内呼叫园区专职消防队',
            match: { kind: 'callout_started' },
            targetSeconds: 180,
            objectiveId: 'alert',
          },
        ],
      },
      {
        id: 'smoke-zone',
        offsetSeconds: 180,
        synopsis: '浓烟向北侧办公区蔓延',
        kind: 'map_event',
        targetRoles: ['总指挥'],
        content: {
          featureKind: 'hazard_zone',
          label: '烟气影响区 150 m',
          geometry: circle(site),
          radiusM: 150,
        },
        expectedActions: [
          {
            id: 'cordon',
            description: '10 分钟内划定警戒区',
            match: { kind: 'map_feature_added', featureKind: 'cordon' },
            targetSeconds: 600,
            objectiveId: 'fire',
          },
        ],
      },
      {
        id: 'batteries',
        offsetSeconds: 300,
        synopsis: '库内存放锂电池约 2 吨，火势有蔓延趋势',
        kind: 'message',
        targetRoles: ['总指挥', '园区专职消防队'],
        content: { text: '仓库主管：库内存放锂电池约 2 吨，火势有向西侧蔓延趋势。' },
        expectedActions: [
          {
            id: 'dispatch',
            description: '5 分钟内增派灭火力量',
            match: { kind: 'resource_dispatched' },
            targetSeconds: 300,
            objectiveId: 'fire',
          },
        ],
      },
      {
        id: 'trapped',
        offsetSeconds: 600,
        synopsis: '续报：一名搬运工被困，救出后轻伤',
        kind: 'incident_report',
        targetRoles: ['总指挥'],
        content: {
          summary: '一名搬运工被困于 3 号库西侧通道，已由消防队救出，轻度烧伤。',
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1 },
          directLossCny: 300000,
        },
        expectedActions: [
          {
            id: 'search',
            description: '10 分钟内完成人员搜救任务',
            match: { kind: 'task_done', textIncludes: '搜救' },
            targetSeconds: 600,
            objectiveId: 'fire',
          },
        ],
      },
    ],
  };
}

interface DemoIds {
  enterprise(key: string): string;
  plan(title: string): string;
  team(name: string): string;
  contact(name: string): string;
}

/**
 * The zone's two ready drills (a live chlorine-leak exercise and a warehouse-fire tabletop) and
 * a chlorine run scheduled for today with the hazmat and fire teams and the plant's downwind
 * neighbour on its roster, so a person can start a drill at once and answer the call-outs, the
 * warning and the roll call on the phone simulator.
 */
@Injectable()
export class DrillsDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly scenarios: ScenarioService,
    private readonly runs: DrillRunService,
  ) {}

  async seed(enterpriseIds: Map<string, string>): Promise<{ scenariosCreated: number }> {
    const existing = new Set(
      (await this.db.repo(DrillScenario).findBy({ title: In([CHLORINE_TITLE, WAREHOUSE_TITLE]) })).map(
        (s) => s.title,
      ),
    );
    const ids = await this.lookups(enterpriseIds);
    let created = 0;
    for (const doc of [chlorine(ids), warehouse(ids)]) {
      if (existing.has(doc.title)) continue;
      const scenario = await this.scenarios.create(doc);
      created++;
      if (
        doc.title === CHLORINE_TITLE &&
        !(await this.db.repo(DrillRun).existsBy({ scenarioId: scenario.id }))
      )
        await this.scheduleDemoRun(scenario.id, ids);
    }
    return { scenariosCreated: created };
  }

  private async scheduleDemoRun(scenarioId: string, ids: DemoIds): Promise<void> {
    const director = await this.db.repo(User).findOneByOrFail({ email: 'commander@muster.test' });
    const evaluator = await this.db.repo(User).findOneByOrFail({ email: 'evaluator@muster.test' });
    await this.runs.schedule({
      scenarioId,
      scheduledFor: new Date().toISOString(),
      directorId: director.id,
      // The neighbouring coal-chemical plant's safety lead takes part: the scenario's south-easterly
      // carries the gas over that plant, and a drill warns and counts only its roster.
      contactIds: [ids.contact('赵立新'), ids.contact('顾晨'), ids.contact('孟凡'), ids.contact('李志强')],
      teamIds: [ids.team('危化品应急处置队'), ids.team('园区专职消防队')],
      evaluatorIds: [evaluator.id],
    });
  }

  private async lookups(enterpriseIds: Map<string, string>): Promise<DemoIds> {
    const plans = new Map((await this.db.repo(Plan).find()).map((p) => [p.title, p.id]));
    const teams = new Map((await this.db.repo(Team).find()).map((t) => [t.name, t.id]));
    const contacts = new Map((await this.db.repo(Contact).find()).map((c) => [c.name, c.id]));
    const need = (m: Map<string, string>, k: string, what: string) => {
      const v = m.get(k);
      if (!v) throw new Error(`demo drills need the demo ${what} "${k}"`);
      return v;
    };
    return {
      enterprise: (k) => need(enterpriseIds, k, 'enterprise'),
      plan: (t) => need(plans, t, 'plan'),
      team: (n) => need(teams, n, 'team'),
      contact: (n) => need(contacts, n, 'contact'),
    };
  }
}
