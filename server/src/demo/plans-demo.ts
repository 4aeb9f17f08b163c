import { Injectable } from '@nestjs/common';
import type {
  IncidentCategory,
  Severity,
  PlanHazard,
  PlanSectionKey,
  PlanType,
  ResponsibilityEntry,
  ResponsibilityKind,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { DEMO_ENTERPRISES } from './demo-data.js';
import { ContactRepository } from '../directory/contact.repository.js';
import { RotationRepository } from '../directory/rotation.repository.js';
import { TeamRepository } from '../directory/team.repository.js';
import { EscalationPolicyRepository } from '../plans/escalation-policy.repository.js';
import { EscalationPolicyService } from '../plans/escalation-policy.service.js';
import { PlanRepository } from '../plans/plan.repository.js';
import { DisposalCardService } from '../plans/disposal-card.service.js';
import { PlanLevelService } from '../plans/plan-level.service.js';
import { PlanVersionService } from '../plans/plan-version.service.js';
import { PlanService } from '../plans/plan.service.js';
import { ResponsibilityService } from '../plans/responsibility.service.js';

/**
 * The demo zone's contingency plans: the zone's comprehensive plan and its special plans for
 * hazardous-chemical leaks and fire/explosion; for the two chemical enterprises a comprehensive
 * plan, a special plan for their toxic gas and an on-site disposal plan with pocket cards. Each
 * level pages people of the demo directory (seeded before this), named here by owner and name.
 * Fictional content written after GB/T 29639-2020; used only in demo mode and by tests.
 */

/** A tier's targets by name, resolved against the demo directory of the plan's owner. */
interface DemoTier {
  contacts?: string[];
  teams?: string[];
  rotation?: string;
  channels?: ('sms' | 'voice')[];
  ackMinutes: number;
  quorum: number;
  repeats?: number;
}

interface DemoPolicy {
  name: string;
  description: string;
  tiers: DemoTier[];
}

interface DemoLevel {
  rank: number;
  code: string;
  name: string;
  activationCriteria: string;
  severities: Severity[];
  checklist: { item: string; role?: string; team?: string; targetMinutes: number }[];
  policy?: DemoPolicy;
}

interface DemoCard {
  post: string;
  title: string;
  hazards: string;
  steps: string[];
  precautions: string[];
  contacts: { name: string; phone: string }[];
}

interface DemoPlan {
  /** Key of a DEMO_ENTERPRISES entry; absent for the zone. */
  enterprise?: string;
  type: PlanType;
  code: string;
  title: string;
  scope: string;
  hazards: PlanHazard[];
  incidentCategories: IncidentCategory[];
  sections: [PlanSectionKey, string, string][];
  annexes?: {
    kind: 'resource_list' | 'contact_list' | 'map' | 'report_template';
    title: string;
    body: string;
  }[];
  levels: DemoLevel[];
  cards?: DemoCard[];
}

const ZONE_DUTY = '管委会应急值班（24小时）';
const COALCHEM_DUTY = '华晟煤化工安全值班（两班倒）';

const ZONE_REPORTING =
  '事故单位负责人接到报告后，应于1小时内向管委会应急值班室（0561-3010119）和杜集区应急管理局报告；' +
  '管委会值班员接报后立即报告带班领导，较大及以上事故在30分钟内电话报告、1小时内书面报告区政府。' +
  '报告内容包括：事故单位概况，发生时间、地点及现场情况，简要经过，已造成或可能造成的伤亡人数（含下落不明）和初步估计的直接经济损失，已采取的措施，其他应报告的情况。情况变化时及时续报。';

export const DEMO_PLANS: DemoPlan[] = [
  {
    type: 'comprehensive',
    code: 'DJKFQ-YA-00',
    title: '杜集经济开发区生产安全事故综合应急预案',
    scope:
      '适用于开发区范围内发生的、需由管委会组织或协调处置的生产安全事故，以及区内企业请求园区支援的事故。',
    hazards: [
      'fire',
      'explosion',
      'toxic_release',
      'poisoning_asphyxiation',
      'electrical',
      'mechanical',
      'confined_space',
      'natural_disaster',
    ],
    incidentCategories: [],
    sections: [
      [
        'general',
        '总则（适用范围、响应分级）',
        '依据《生产安全事故应急条例》《生产安全事故应急预案管理办法》（应急管理部令第2号）及GB/T 29639-2020编制。园区应急响应分为四级：Ⅰ级（较大及以上事故或超出园区处置能力）、Ⅱ级（发生人员死亡或事故可能波及区外）、Ⅲ级（一般事故，企业处置需园区支援）、Ⅳ级（险情或未造成伤亡的事件，园区值班跟踪）。',
      ],
      [
        'organization',
        '应急组织机构及职责',
        '成立园区生产安全事故应急指挥部，管委会主任任总指挥，分管安全生产的副主任任副总指挥，成员由应急管理局、安全生产监督管理科、环境保护科、规划建设科、综合办公室、信息中心、开发区派出所及园区专职消防队负责人组成。指挥部下设综合协调、抢险救援、医疗救护、警戒疏散、环境监测、后勤通信六个工作组，各组职责见园区责任清单。',
      ],
      ['reporting', '应急响应·信息报告', ZONE_REPORTING],
      [
        'warning',
        '预警',
        '接到企业险情报告、监控系统报警或气象灾害预警后，值班室核实情况并报带班领导，视情发布园区蓝色、黄色预警，通知周边企业做好停车和人员撤离准备；险情消除后解除预警。',
      ],
      [
        'response_start',
        '应急响应·响应启动',
        '值班室接报核实后，按响应分级提出启动建议，由总指挥（Ⅰ、Ⅱ级）或副总指挥（Ⅲ级）决定启动；启动后立即召开指挥部会议，开通现场指挥部，按本级呼叫策略通知相关人员和队伍。',
      ],
      [
        'response_disposal',
        '应急响应·处置措施',
        '抢险救援组在确保安全的前提下组织灭火、堵漏、搜救；警戒疏散组根据风向和监测结果划定警戒区，组织下风向企业和人员向集结点疏散；医疗救护组开展现场急救和伤员转运；环境监测组对大气和水体持续监测，防止次生环境事件。',
      ],
      [
        'response_support',
        '应急响应·应急支援',
        '事态超出园区处置能力时，由总指挥报请杜集区人民政府、淮北市应急管理局启动上级预案，园区指挥部移交指挥权并配合开展工作。',
      ],
      [
        'response_end',
        '应急响应·响应终止',
        '事故现场得到控制，受伤人员得到救治，环境符合有关标准，次生衍生事故隐患消除后，由总指挥宣布响应结束。',
      ],
      [
        'aftermath',
        '后期处置',
        '组织开展污染物收集清理、善后赔偿、保险理赔和生产秩序恢复工作；配合事故调查组开展调查，总结应急处置工作，提出改进措施。',
      ],
      [
        'support_measures',
        '应急保障',
        '通信保障：值班电话24小时畅通，信息中心保障通信和视频会商；队伍保障：园区专职消防队、危化品应急处置队、医疗救护队；物资装备保障：见应急物资清单；经费保障：应急经费列入管委会年度预算。',
      ],
    ],
    annexes: [
      {
        kind: 'contact_list',
        title: '应急指挥部成员及值班电话',
        body: '见系统"通讯录"与"值班"页面（实时更新）。',
      },
      {
        kind: 'map',
        title: '园区应急疏散路线及集结点示意',
        body: '集结点：管委会广场（东区）、朔西路绿地（西区）。疏散方向以实时风向为准，向上风向或侧风向撤离。',
      },
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: 'Ⅰ级响应（园区最高级）',
        activationCriteria:
          '发生或可能发生较大及以上生产安全事故（3人以上死亡或10人以上重伤），或事故超出园区处置能力、需请求区市支援。',
        severities: ['especially_serious', 'serious', 'relatively_serious'],
        checklist: [
          { item: '值班室核实事故信息并报告总指挥', role: '值班员', targetMinutes: 5 },
          { item: '总指挥宣布启动Ⅰ级响应，开设现场指挥部', role: '总指挥', targetMinutes: 15 },
          { item: '专职消防队出动，开展灭火或搜救', team: '园区专职消防队', targetMinutes: 10 },
          { item: '危化品处置队侦检并设立警戒区', team: '危化品应急处置队', targetMinutes: 20 },
          { item: '组织下风向企业人员疏散至集结点', team: '疏散引导队', targetMinutes: 30 },
          { item: '电话报告杜集区政府和区应急管理局', role: '副总指挥', targetMinutes: 30 },
          { item: '书面报告上级（快报）', role: '综合协调组', targetMinutes: 60 },
        ],
        policy: {
          name: '园区Ⅰ级响应呼叫',
          description: '值班员与指挥部领导先到，10分钟无人确认即呼叫救援队伍，再呼叫医疗与警戒力量。',
          tiers: [
            { rotation: ZONE_DUTY, contacts: ['周国平', '吴晓东'], ackMinutes: 5, quorum: 2 },
            { teams: ['园区专职消防队', '危化品应急处置队'], ackMinutes: 5, quorum: 2, repeats: 1 },
            { teams: ['医疗救护队'], contacts: ['袁刚'], ackMinutes: 10, quorum: 2 },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: 'Ⅱ级响应',
        activationCriteria: '发生一般事故并造成人员死亡，或事故可能波及相邻企业、区外。',
        severities: [],
        checklist: [
          { item: '值班室核实并报告副总指挥', role: '值班员', targetMinutes: 5 },
          { item: '副总指挥带队赶赴现场', role: '副总指挥', targetMinutes: 30 },
          { item: '专职消防队出动支援', team: '园区专职消防队', targetMinutes: 10 },
          { item: '通知周边企业做好停车准备', role: '综合协调组', targetMinutes: 20 },
        ],
        policy: {
          name: '园区Ⅱ级响应呼叫',
          description: '值班员先到；5分钟未确认则呼叫副总指挥和消防队。',
          tiers: [
            { rotation: ZONE_DUTY, ackMinutes: 5, quorum: 1, repeats: 1 },
            { contacts: ['吴晓东'], teams: ['园区专职消防队'], ackMinutes: 5, quorum: 2 },
          ],
        },
      },
      {
        rank: 3,
        code: 'III',
        name: 'Ⅲ级响应',
        activationCriteria: '发生一般事故（3人以下死亡、10人以下重伤），企业自身处置需要园区支援。',
        severities: ['ordinary'],
        checklist: [
          { item: '值班室跟踪企业处置进展，每30分钟记录一次', role: '值班员', targetMinutes: 10 },
          { item: '安全生产监督管理科派员到场', role: '安监科科长', targetMinutes: 45 },
        ],
        policy: {
          name: '园区Ⅲ级响应呼叫',
          description: '当班值班员；未确认则呼叫安监科科长。',
          tiers: [
            { rotation: ZONE_DUTY, ackMinutes: 5, quorum: 1, repeats: 2 },
            { contacts: ['杨帆'], ackMinutes: 10, quorum: 1 },
          ],
        },
      },
      {
        rank: 4,
        code: 'IV',
        name: 'Ⅳ级响应（跟踪）',
        activationCriteria: '险情或未造成人员伤亡的事件，企业可自行处置。',
        severities: [],
        checklist: [{ item: '值班室登记并跟踪至险情消除', role: '值班员', targetMinutes: 15 }],
      },
    ],
  },
  {
    type: 'special',
    code: 'DJKFQ-YA-01',
    title: '杜集经济开发区危险化学品泄漏事故专项应急预案',
    scope: '适用于园区内危险化学品生产、储存、使用和运输过程中发生的泄漏、中毒窒息事故。',
    hazards: ['toxic_release', 'poisoning_asphyxiation', 'environmental'],
    incidentCategories: ['hazardous_chemical_leak', 'poisoning_asphyxiation'],
    sections: [
      [
        'general',
        '适用范围',
        '园区内氯气、氨、一氧化碳、硫化氢、苯类等危险化学品泄漏及由此引发的中毒窒息事故。',
      ],
      [
        'organization',
        '应急组织机构及职责',
        '在园区应急指挥部统一领导下，由危化品应急处置队承担侦检、堵漏和洗消，环境保护科承担环境监测，开发区派出所承担警戒和交通管制。',
      ],
      [
        'response_start',
        '响应启动',
        '企业报告泄漏且无法在15分钟内有效控制、或园区有毒气体报警仪报警时，值班室报副总指挥启动本预案相应级别响应。',
      ],
      [
        'response_disposal',
        '处置措施',
        '1. 根据泄漏物质和风向划定初始隔离区（氯气不少于100米、下风向防护距离不少于800米）；2. 处置人员佩戴正压式空气呼吸器和防化服进入；3. 关阀断源、堵漏，对泄漏物用碱液或雾状水吸收，严禁直接喷射液态泄漏源；4. 组织下风向人员撤离，持续监测边界浓度；5. 收集洗消废水，防止进入雨水管网。',
      ],
      [
        'support_measures',
        '应急保障',
        '危化品应急处置队配备堵漏器材、便携式气体检测仪、防化服和空气呼吸器；园区医务室储备解毒和急救药品。',
      ],
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: 'Ⅰ级响应',
        activationCriteria: '有毒气体泄漏无法控制、已造成3人以上中毒或需疏散相邻企业。',
        severities: ['especially_serious', 'serious', 'relatively_serious'],
        checklist: [
          { item: '划定隔离区和下风向防护区', team: '危化品应急处置队', targetMinutes: 15 },
          { item: '组织下风向人员撤离', team: '疏散引导队', targetMinutes: 20 },
          { item: '开展边界和敏感点浓度监测', role: '环境监测组', targetMinutes: 30 },
          { item: '设立洗消点', team: '危化品应急处置队', targetMinutes: 40 },
          { item: '中毒人员送区人民医院救治', team: '医疗救护队', targetMinutes: 30 },
        ],
        policy: {
          name: '危化品泄漏Ⅰ级呼叫',
          description: '危化品处置队与值班员同时呼叫；不足则呼叫消防、医疗。',
          tiers: [
            { rotation: ZONE_DUTY, teams: ['危化品应急处置队'], ackMinutes: 5, quorum: 2 },
            {
              teams: ['园区专职消防队', '医疗救护队'],
              contacts: ['吴晓东'],
              ackMinutes: 5,
              quorum: 2,
              repeats: 1,
            },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: 'Ⅱ级响应',
        activationCriteria: '泄漏已初步控制但有人员中毒，或泄漏可能扩散出厂界。',
        severities: ['ordinary'],
        checklist: [
          { item: '危化品处置队到场侦检', team: '危化品应急处置队', targetMinutes: 15 },
          { item: '在厂界下风向布点监测', role: '环境监测组', targetMinutes: 30 },
        ],
        policy: {
          name: '危化品泄漏Ⅱ级呼叫',
          description: '危化品处置队队长和值班员。',
          tiers: [
            { rotation: ZONE_DUTY, contacts: ['韩冬'], ackMinutes: 5, quorum: 1, repeats: 1 },
            { teams: ['危化品应急处置队'], ackMinutes: 10, quorum: 1 },
          ],
        },
      },
    ],
  },
  {
    type: 'special',
    code: 'DJKFQ-YA-02',
    title: '杜集经济开发区火灾爆炸事故专项应急预案',
    scope: '适用于园区内企业生产装置、储罐、仓库及公共区域发生的火灾、爆炸事故。',
    hazards: ['fire', 'explosion'],
    incidentCategories: ['fire', 'explosion'],
    sections: [
      ['general', '适用范围', '园区内各类火灾和物理、化学爆炸事故。'],
      [
        'organization',
        '应急组织机构及职责',
        '园区专职消防队为主要灭火救援力量，工程抢险队负责断电、断气和工程支护，医疗救护队负责伤员救治。',
      ],
      [
        'response_start',
        '响应启动',
        '接到火灾爆炸报告后，专职消防队立即出动，值班室同步报告副总指挥并提出响应级别建议。',
      ],
      [
        'response_disposal',
        '处置措施',
        '1. 侦察火情，确认有无被困人员和危险化学品；2. 切断物料、电源，冷却受火势威胁的储罐和设备；3. 有爆炸危险时划定安全距离，撤离无关人员；4. 扑救结束后清理火场，防止复燃。',
      ],
      [
        'support_measures',
        '应急保障',
        '消防站配备水罐消防车、泡沫消防车各1辆；园区消火栓和消防水池分布见应急资源地图。',
      ],
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: 'Ⅰ级响应',
        activationCriteria: '发生爆炸或火灾蔓延至相邻装置、造成3人以上伤亡。',
        severities: ['especially_serious', 'serious', 'relatively_serious'],
        checklist: [
          { item: '消防队出动并请求区消防救援大队增援', team: '园区专职消防队', targetMinutes: 5 },
          { item: '切断事故区域电源和燃气', team: '工程抢险队', targetMinutes: 20 },
          { item: '设置警戒和交通管制', role: '开发区派出所', targetMinutes: 20 },
        ],
        policy: {
          name: '火灾爆炸Ⅰ级呼叫',
          description: '消防队和值班员先到；再呼叫工程抢险和警戒。',
          tiers: [
            { rotation: ZONE_DUTY, teams: ['园区专职消防队'], ackMinutes: 3, quorum: 2, repeats: 1 },
            { teams: ['工程抢险队'], contacts: ['袁刚', '周国平'], ackMinutes: 5, quorum: 2 },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: 'Ⅱ级响应',
        activationCriteria: '一般火灾，企业微型消防站无法扑灭。',
        severities: ['ordinary'],
        checklist: [{ item: '消防队出动扑救', team: '园区专职消防队', targetMinutes: 5 }],
        policy: {
          name: '火灾Ⅱ级呼叫',
          description: '消防队长和值班员。',
          tiers: [{ rotation: ZONE_DUTY, contacts: ['马骏'], ackMinutes: 3, quorum: 1, repeats: 2 }],
        },
      },
    ],
  },
  {
    enterprise: 'coalchem',
    type: 'comprehensive',
    code: 'HSMH-YA-00',
    title: '淮北华晟煤化工有限公司生产安全事故综合应急预案',
    scope:
      '适用于公司厂区内发生的各类生产安全事故的应急处置，与《杜集经济开发区生产安全事故综合应急预案》衔接。',
    hazards: [
      'fire',
      'explosion',
      'toxic_release',
      'poisoning_asphyxiation',
      'confined_space',
      'pressure_equipment',
    ],
    incidentCategories: [],
    sections: [
      [
        'general',
        '总则（适用范围、响应分级）',
        '公司应急响应分为三级：一级（公司级，需请求园区支援）、二级（车间级）、三级（班组级）。',
      ],
      [
        'organization',
        '应急组织机构及职责',
        '公司成立应急指挥部，法定代表人王建国任总指挥，安全负责人李志强任副总指挥；下设抢险救援、气防救护、警戒疏散、后勤保障组。',
      ],
      [
        'reporting',
        '应急响应·信息报告',
        '现场人员立即报告班长和公司值班室（0561-3011001）；值班室报告总指挥，总指挥在1小时内向管委会应急值班室和区应急管理局报告。',
      ],
      [
        'warning',
        '预警',
        'DCS、有毒可燃气体报警系统报警后，中控室立即确认，通知现场巡检，必要时发布厂内预警并做好停车准备。',
      ],
      [
        'response_start',
        '应急响应·响应启动',
        '值班长根据事故情况提出响应级别，由副总指挥（二、三级）或总指挥（一级）决定启动。',
      ],
      [
        'response_disposal',
        '应急响应·处置措施',
        '按专项预案和现场处置方案执行；优先抢救人员、切断物料、防止事故扩大。',
      ],
      [
        'response_support',
        '应急响应·应急支援',
        '事故超出公司处置能力时，总指挥请求园区启动相应响应，移交现场指挥权。',
      ],
      ['response_end', '应急响应·响应终止', '事故得到控制、危险因素消除后，由总指挥宣布终止。'],
      ['aftermath', '后期处置', '现场洗消、污染物处置、设备检修，事故调查和整改。'],
      ['support_measures', '应急保障', '微型消防站和气防救护组24小时值守；应急物资存放于东门应急物资库。'],
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: '一级（公司级）响应',
        activationCriteria: '事故造成人员死亡或3人以上重伤，或事故可能扩散出厂界。',
        severities: ['especially_serious', 'serious', 'relatively_serious'],
        checklist: [
          { item: '总指挥到达指挥部', role: '总指挥', targetMinutes: 20 },
          { item: '报告管委会应急值班室', role: '值班长', targetMinutes: 15 },
          { item: '全厂紧急停车', role: '中控室', targetMinutes: 10 },
          { item: '组织人员撤离至东门集结点并清点', role: '警戒疏散组', targetMinutes: 20 },
        ],
        policy: {
          name: '华晟一级响应呼叫',
          description: '当班安全值班和总指挥先到；再呼叫气防救护组和微型消防站。',
          tiers: [
            { rotation: COALCHEM_DUTY, contacts: ['王建国'], ackMinutes: 3, quorum: 2, repeats: 1 },
            { teams: ['华晟煤化工气防救护组', '华晟煤化工微型消防站'], ackMinutes: 5, quorum: 2 },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: '二级（车间级）响应',
        activationCriteria: '事故局限于一个车间，有人员受伤但无死亡。',
        severities: ['ordinary'],
        checklist: [
          { item: '车间停车并隔离事故设备', role: '车间主任', targetMinutes: 10 },
          { item: '气防救护组到场', team: '华晟煤化工气防救护组', targetMinutes: 5 },
        ],
        policy: {
          name: '华晟二级响应呼叫',
          description: '当班安全值班；未确认则呼叫气防救护组。',
          tiers: [
            { rotation: COALCHEM_DUTY, ackMinutes: 3, quorum: 1, repeats: 1 },
            { teams: ['华晟煤化工气防救护组'], ackMinutes: 5, quorum: 1 },
          ],
        },
      },
      {
        rank: 3,
        code: 'III',
        name: '三级（班组级）响应',
        activationCriteria: '险情或轻微泄漏，班组可自行处置。',
        severities: [],
        checklist: [{ item: '班组按现场处置方案处置并报告值班长', role: '班长', targetMinutes: 5 }],
      },
    ],
  },
  {
    enterprise: 'coalchem',
    type: 'special',
    code: 'HSMH-YA-01',
    title: '淮北华晟煤化工有限公司有毒气体泄漏专项应急预案',
    scope: '适用于气化、净化工段一氧化碳、硫化氢等有毒气体泄漏及中毒窒息事故。',
    hazards: ['toxic_release', 'poisoning_asphyxiation', 'confined_space'],
    incidentCategories: ['hazardous_chemical_leak', 'poisoning_asphyxiation', 'confined_space'],
    sections: [
      ['general', '适用范围', '气化炉、变换、低温甲醇洗等装置及管廊发生的煤气、硫化氢泄漏。'],
      [
        'organization',
        '应急组织机构及职责',
        '气防救护组负责检测、救人和堵漏，微型消防站负责稀释和掩护，警戒疏散组负责设立警戒。',
      ],
      [
        'response_start',
        '响应启动',
        '有毒气体报警仪二级报警或现场发现泄漏且有人员中毒时，值班长立即启动本预案。',
      ],
      [
        'response_disposal',
        '处置措施',
        '1. 佩戴空气呼吸器两人一组进入，严禁单人施救；2. 将中毒人员移至上风向空气新鲜处，必要时心肺复苏；3. 切断泄漏源，用蒸汽或雾状水稀释；4. 检测周边浓度，划定警戒区。',
      ],
      [
        'support_measures',
        '应急保障',
        '气防站配备正压式空气呼吸器8套、便携式四合一检测仪6台、担架和急救箱。',
      ],
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: '一级响应',
        activationCriteria: '泄漏无法控制或有人员中毒昏迷。',
        severities: ['especially_serious', 'serious', 'relatively_serious'],
        checklist: [
          { item: '佩戴空气呼吸器救出中毒人员', team: '华晟煤化工气防救护组', targetMinutes: 5 },
          { item: '关闭上下游切断阀', role: '中控室', targetMinutes: 5 },
          { item: '水幕稀释掩护', team: '华晟煤化工微型消防站', targetMinutes: 8 },
          { item: '报告管委会并请求危化品处置队支援', role: '值班长', targetMinutes: 15 },
        ],
        policy: {
          name: '华晟有毒气体泄漏一级呼叫',
          description: '气防救护组与当班值班同时呼叫，再呼叫总指挥和消防站。',
          tiers: [
            {
              rotation: COALCHEM_DUTY,
              teams: ['华晟煤化工气防救护组'],
              ackMinutes: 3,
              quorum: 2,
              repeats: 1,
            },
            { contacts: ['王建国'], teams: ['华晟煤化工微型消防站'], ackMinutes: 5, quorum: 2 },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: '二级响应',
        activationCriteria: '少量泄漏可控，无人员中毒或仅有轻微不适。',
        severities: ['ordinary'],
        checklist: [
          { item: '检测泄漏点周边浓度', team: '华晟煤化工气防救护组', targetMinutes: 5 },
          { item: '组织带压堵漏或切出检修', role: '车间主任', targetMinutes: 30 },
        ],
        policy: {
          name: '华晟有毒气体泄漏二级呼叫',
          description: '当班值班和气防员。',
          tiers: [{ rotation: COALCHEM_DUTY, contacts: ['贺军'], ackMinutes: 3, quorum: 1, repeats: 2 }],
        },
      },
    ],
  },
  {
    enterprise: 'coalchem',
    type: 'on_site',
    code: 'HSMH-XC-03',
    title: '气化炉区煤气泄漏现场处置方案',
    scope: '适用于气化炉区操作岗位发现煤气泄漏时的现场处置。',
    hazards: ['toxic_release', 'poisoning_asphyxiation', 'fire'],
    incidentCategories: ['hazardous_chemical_leak', 'poisoning_asphyxiation'],
    sections: [
      ['general', '事故风险描述', '气化炉出口煤气含一氧化碳约40%，泄漏可致中毒，遇明火可能燃烧爆炸。'],
      [
        'organization',
        '应急工作职责',
        '操作工发现并报告、初期处置；班长组织隔离和撤离；气防员负责检测和救护。',
      ],
      [
        'response_disposal',
        '应急处置',
        '发现泄漏→报告中控室和班长→佩戴空气呼吸器→关阀切断→疏散无关人员→检测浓度→等待救援。',
      ],
      ['other', '注意事项', '严禁无防护进入泄漏区；救人时两人一组并有人监护；使用防爆工具。'],
    ],
    levels: [],
    cards: [
      {
        post: '气化岗位操作工',
        title: '气化岗位煤气泄漏应急处置卡',
        hazards: '一氧化碳中毒、火灾爆炸',
        steps: [
          '发现泄漏立即用对讲机报告中控室和班长',
          '佩戴正压式空气呼吸器',
          '在中控指令下关闭泄漏点上下游阀门',
          '撤离至上风向，引导无关人员离开',
        ],
        precautions: ['不得单人进入泄漏区', '不得使用非防爆工具和手机'],
        contacts: [
          { name: '公司值班室', phone: '0561-3011001' },
          { name: '气防站', phone: '0561-3011120' },
        ],
      },
      {
        post: '气化班长',
        title: '气化班长煤气泄漏应急处置卡',
        hazards: '一氧化碳中毒、火灾爆炸',
        steps: [
          '确认泄漏部位和规模，报告值班长',
          '组织岗位人员佩戴防护器材，关阀隔离',
          '设立警戒，清点人数',
          '有人中毒时通知气防站并组织施救',
        ],
        precautions: ['施救时两人一组、有人监护', '风向变化时及时调整警戒区'],
        contacts: [
          { name: '公司值班室', phone: '0561-3011001' },
          { name: '园区应急值班', phone: '0561-3010119' },
        ],
      },
    ],
  },
  {
    enterprise: 'finechem',
    type: 'comprehensive',
    code: 'LSJX-YA-00',
    title: '淮北龙山精细化工有限公司生产安全事故综合应急预案',
    scope: '适用于公司厂区内各类生产安全事故，与园区综合应急预案衔接。',
    hazards: ['fire', 'explosion', 'toxic_release', 'poisoning_asphyxiation'],
    incidentCategories: [],
    sections: [
      ['general', '总则（适用范围、响应分级）', '公司应急响应分为两级：一级（公司级）和二级（车间级）。'],
      [
        'organization',
        '应急组织机构及职责',
        '法定代表人陈海峰任总指挥，安全负责人赵立新任副总指挥；微型消防站负责初期灭火和堵漏。',
      ],
      [
        'reporting',
        '应急响应·信息报告',
        '现场人员报告值班长（0561-3011002），值班长报告总指挥；总指挥在1小时内报告管委会和区应急管理局。',
      ],
      ['warning', '预警', '有毒气体报警仪报警或液氯储罐压力异常时，值班长发布厂内预警。'],
      ['response_start', '应急响应·响应启动', '副总指挥决定启动二级响应，总指挥决定启动一级响应。'],
      ['response_disposal', '应急响应·处置措施', '按液氯泄漏专项预案及现场处置方案执行。'],
      ['response_support', '应急响应·应急支援', '请求园区危化品应急处置队和专职消防队支援。'],
      ['response_end', '应急响应·响应终止', '泄漏得到控制、环境监测达标后由总指挥宣布终止。'],
      ['aftermath', '后期处置', '洗消废水收集处理，事故调查与整改。'],
      ['support_measures', '应急保障', '碱液吸收池、堵漏工具、空气呼吸器存放于液氯库房旁应急柜。'],
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: '一级（公司级）响应',
        activationCriteria: '液氯或其他有毒物料大量泄漏，或有人员中毒、死亡。',
        severities: ['especially_serious', 'serious', 'relatively_serious', 'ordinary'],
        checklist: [
          { item: '启动碱液喷淋吸收系统', role: '液氯岗位操作工', targetMinutes: 3 },
          { item: '报告管委会应急值班室', role: '值班长', targetMinutes: 10 },
          { item: '微型消防站雾状水稀释', team: '龙山精细化工微型消防站', targetMinutes: 8 },
          { item: '全厂人员向上风向撤离并清点', role: '副总指挥', targetMinutes: 15 },
        ],
        policy: {
          name: '龙山一级响应呼叫',
          description: '总指挥和副总指挥；未确认则呼叫微型消防站全员。',
          tiers: [
            { contacts: ['陈海峰', '赵立新'], ackMinutes: 3, quorum: 1, repeats: 1 },
            { teams: ['龙山精细化工微型消防站'], ackMinutes: 5, quorum: 2 },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: '二级（车间级）响应',
        activationCriteria: '少量泄漏，车间可控制，无人员伤害。',
        severities: [],
        checklist: [{ item: '车间关阀隔离并检测', role: '车间主任', targetMinutes: 10 }],
        policy: {
          name: '龙山二级响应呼叫',
          description: '安全负责人和当班值班长；未确认则呼叫总指挥。',
          tiers: [
            { contacts: ['赵立新', '汪海'], ackMinutes: 5, quorum: 1 },
            { contacts: ['陈海峰'], ackMinutes: 5, quorum: 1 },
          ],
        },
      },
    ],
  },
  {
    enterprise: 'finechem',
    type: 'special',
    code: 'LSJX-YA-01',
    title: '淮北龙山精细化工有限公司液氯泄漏专项应急预案',
    scope: '适用于液氯库房、汽化和氯化工段发生的氯气泄漏及中毒事故。',
    hazards: ['toxic_release', 'poisoning_asphyxiation'],
    incidentCategories: ['hazardous_chemical_leak', 'poisoning_asphyxiation'],
    sections: [
      ['general', '适用范围', '液氯钢瓶、汽化器及氯气管道泄漏。'],
      [
        'organization',
        '应急组织机构及职责',
        '微型消防站负责堵漏和稀释，液氯岗位负责启动吸收装置，值班长负责报告和联络园区。',
      ],
      ['response_start', '响应启动', '氯气报警仪报警且确认泄漏时，值班长立即启动本预案。'],
      [
        'response_disposal',
        '处置措施',
        '1. 启动碱液喷淋吸收装置；2. 佩戴空气呼吸器和防化服，用钢瓶堵漏器具处置；3. 泄漏钢瓶可推入碱液池；4. 人员向上风向撤离，下风向800米内人员疏散。',
      ],
      ['support_measures', '应急保障', '碱液池常备20%氢氧化钠溶液不少于10吨；钢瓶堵漏工具2套。'],
    ],
    levels: [
      {
        rank: 1,
        code: 'I',
        name: '一级响应',
        activationCriteria: '钢瓶或管道大量泄漏无法堵漏，或有人员中毒。',
        severities: ['especially_serious', 'serious', 'relatively_serious'],
        checklist: [
          { item: '启动碱液吸收装置', role: '液氯岗位操作工', targetMinutes: 2 },
          { item: '堵漏或将钢瓶推入碱液池', team: '龙山精细化工微型消防站', targetMinutes: 10 },
          { item: '报告园区并请求危化品处置队支援', role: '值班长', targetMinutes: 10 },
        ],
        policy: {
          name: '龙山液氯泄漏一级呼叫',
          description: '气防员和安全负责人先到，再呼叫消防站和总指挥。',
          tiers: [
            { contacts: ['孟凡', '赵立新'], ackMinutes: 3, quorum: 1, repeats: 1 },
            { teams: ['龙山精细化工微型消防站'], contacts: ['陈海峰'], ackMinutes: 5, quorum: 2 },
          ],
        },
      },
      {
        rank: 2,
        code: 'II',
        name: '二级响应',
        activationCriteria: '阀门、接头微量泄漏，可立即堵漏。',
        severities: ['ordinary'],
        checklist: [{ item: '关闭角阀、更换垫片并检测', role: '液氯岗位操作工', targetMinutes: 10 }],
        policy: {
          name: '龙山液氯泄漏二级呼叫',
          description: '气防员。',
          tiers: [{ contacts: ['孟凡'], ackMinutes: 5, quorum: 1, repeats: 2 }],
        },
      },
    ],
  },
  {
    enterprise: 'finechem',
    type: 'on_site',
    code: 'LSJX-XC-02',
    title: '液氯钢瓶泄漏现场处置方案',
    scope: '适用于液氯库房和汽化岗位发现钢瓶泄漏时的现场处置。',
    hazards: ['toxic_release', 'poisoning_asphyxiation'],
    incidentCategories: ['hazardous_chemical_leak', 'poisoning_asphyxiation'],
    sections: [
      ['general', '事故风险描述', '氯气为剧毒气体，比空气重，泄漏后沿地面扩散，吸入可致肺水肿。'],
      ['organization', '应急工作职责', '汽化岗操作工初期处置；班长组织撤离和报告；气防员堵漏。'],
      [
        'response_disposal',
        '应急处置',
        '发现泄漏→报告→佩戴防护→关闭钢瓶角阀→启动碱液吸收→堵漏或推入碱液池→撤离。',
      ],
      ['other', '注意事项', '不得对液氯钢瓶直接喷水；撤离时向上风向、高处转移。'],
    ],
    levels: [],
    cards: [
      {
        post: '液氯汽化岗',
        title: '液氯钢瓶泄漏应急处置卡',
        hazards: '氯气中毒',
        steps: [
          '闻到刺激性气味或报警仪报警，立即报告班长',
          '佩戴正压式空气呼吸器',
          '关闭钢瓶角阀和汽化器进口阀',
          '启动碱液喷淋吸收装置',
          '无法关阀时用堵漏器具处置或将钢瓶推入碱液池',
        ],
        precautions: ['严禁向液氯钢瓶直接喷水', '撤离方向：上风向、高处'],
        contacts: [
          { name: '公司值班室', phone: '0561-3011002' },
          { name: '园区应急值班', phone: '0561-3010119' },
        ],
      },
    ],
  },
];

const ZONE_RESPONSIBILITIES: [ResponsibilityKind, string, string | null, string[], string[]][] = [
  [
    'supervision',
    '应急管理局',
    '局长',
    ['危险化学品', '工贸行业'],
    [
      '负责园区安全生产综合监管和危险化学品、工贸企业安全监管',
      '组织编制园区应急预案并组织演练',
      '负责应急值守和事故信息报送',
    ],
  ],
  [
    'supervision',
    '安全生产监督管理科',
    '科长',
    ['危险化学品', '机械制造', '纺织', '食品加工'],
    ['开展日常安全检查和隐患排查治理督办', '对重大事故隐患挂牌督办并组织验收销号'],
  ],
  [
    'supervision',
    '规划建设科',
    '科长',
    ['建筑施工', '建材'],
    ['负责园区建设工程施工安全监管', '负责燃气、供排水等市政设施安全'],
  ],
  [
    'supervision',
    '环境保护科',
    '科长',
    ['环境'],
    ['负责突发环境事件监测和处置', '督促企业落实环境风险防控措施'],
  ],
  [
    'supervision',
    '经济发展局',
    '局长',
    ['仓储物流', '电力装备', '电子材料', '医药制造', '新材料'],
    ['管行业必须管安全：将安全生产纳入行业管理', '督促本行业企业落实安全生产主体责任'],
  ],
  ['department', '综合办公室', '主任', [], ['负责应急后勤保障和人员疏散安置']],
];

function enterpriseResponsibilities(legal: string, safety: string, chem: string): ResponsibilityEntry[] {
  const e = (
    kind: ResponsibilityKind,
    unit: string,
    post: string | null,
    holder: string | null,
    duties: string[],
  ) => ({
    kind,
    unit,
    post,
    holder,
    phone: null,
    industries: [],
    duties,
  });
  return [
    e('post', '公司领导', '法定代表人（第一责任人）', legal, [
      '建立健全并落实全员安全生产责任制',
      '组织制定并实施应急预案，保证安全投入',
      '及时、如实报告生产安全事故',
    ]),
    e('post', '公司领导', '安全负责人', safety, ['组织隐患排查治理和应急演练', '督促落实安全管理制度']),
    e('department', '安全环保部', '部长', safety, [
      '组织安全检查，建立隐患台账并跟踪整改',
      '组织安全教育培训',
      '管理应急物资和气防器材',
    ]),
    e('department', '生产部', '部长', null, ['落实工艺安全管理和变更管理', '组织生产装置紧急停车']),
    e('department', '设备部', '部长', null, ['负责特种设备和安全设施的检验维护']),
    e('post', chem, '岗位操作工', null, ['严格执行操作规程', '发现异常立即报告并按应急处置卡处置']),
  ];
}

export interface PlansSeedResult {
  plansCreated: number;
  policiesCreated: number;
}

/** Seeds the demo plans through the services (validated, audited, published); skips what exists. */
/** The demo plans' expert review and signature day, and the panel that reviewed them. */
const DEMO_REVIEW_DAY = '2026-01-15';
const DEMO_REVIEWERS = [
  { name: '刘振华', affiliation: '安徽省安全生产专家库（化工）' },
  { name: '孙卫东', affiliation: '淮北市应急管理局专家组' },
  { name: '何静', affiliation: '淮北矿业集团安全技术中心' },
];
/** Who signs the zone's own plans: the head of the zone administration. */
const ZONE_PRINCIPAL = '杜集经济开发区管委会主任';

@Injectable()
export class PlansDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly planService: PlanService,
    private readonly versionService: PlanVersionService,
    private readonly levelService: PlanLevelService,
    private readonly cardService: DisposalCardService,
    private readonly plans: PlanRepository,
    private readonly policyService: EscalationPolicyService,
    private readonly policies: EscalationPolicyRepository,
    private readonly responsibilities: ResponsibilityService,
    private readonly contacts: ContactRepository,
    private readonly teams: TeamRepository,
    private readonly rotations: RotationRepository,
  ) {}

  /** `enterpriseIds`: demo enterprise key → id. Must run as the system, after the directory seed. */
  seed(enterpriseIds: Map<string, string>): Promise<PlansSeedResult> {
    return this.db.transaction(() => this.seedAll(enterpriseIds));
  }

  private async seedAll(enterpriseIds: Map<string, string>): Promise<PlansSeedResult> {
    const result: PlansSeedResult = { plansCreated: 0, policiesCreated: 0 };
    const owner = (key?: string) => (key ? enterpriseIds.get(key)! : null);
    const [existingPlans] = await this.plans.list({ skip: 0, take: 1000 });
    const planKeys = new Set(existingPlans.map((p) => `${p.enterpriseId}|${p.title}`));
    const [existingPolicies] = await this.policies.list({ skip: 0, take: 1000 });
    const policyIds = new Map(existingPolicies.map((p) => [`${p.enterpriseId}|${p.name}`, p.id]));
    const directory = await this.directory();

    for (const d of DEMO_PLANS) {
      const enterpriseId = owner(d.enterprise);
      if (planKeys.has(`${enterpriseId}|${d.title}`)) continue;
      const find = <T>(kind: string, map: Map<string, T>, name: string): T => {
        const found = map.get(`${enterpriseId}|${name}`);
        if (!found)
          throw new Error(
            `demo plans: ${kind} "${name}" of ${d.enterprise ?? 'the zone'} is not in the demo directory`,
          );
        return found;
      };

      const plan = await this.planService.create({
        enterpriseId,
        type: d.type,
        code: d.code,
        title: d.title,
        scope: d.scope,
        hazards: d.hazards,
        incidentCategories: d.incidentCategories,
      });
      const versionId = plan.versions[0]!.id;
      await this.versionService.update(versionId, {
        label: '2026版',
        sections: d.sections.map(([key, title, body]) => ({ key, title, body })),
        annexes: d.annexes ?? [],
      });
      for (const l of d.levels) {
        let policyId: string | null = null;
        if (l.policy) {
          policyId = policyIds.get(`${enterpriseId}|${l.policy.name}`) ?? null;
          if (!policyId) {
            policyId = (
              await this.policyService.create({
                enterpriseId,
                name: l.policy.name,
                description: l.policy.description,
                tiers: l.policy.tiers.map((t) => ({
                  contactIds: (t.contacts ?? []).map((n) => find('contact', directory.contacts, n)),
                  teamIds: (t.teams ?? []).map((n) => find('team', directory.teams, n)),
                  rotationId: t.rotation ? find('rotation', directory.rotations, t.rotation) : null,
                  channels: t.channels ?? ['sms', 'voice'],
                  voiceDelaySeconds: 60,
                  ackTimeoutSeconds: t.ackMinutes * 60,
                  quorum: t.quorum,
                  repeats: t.repeats ?? 0,
                })),
              })
            ).id;
            policyIds.set(`${enterpriseId}|${l.policy.name}`, policyId);
            result.policiesCreated++;
          }
        }
        await this.levelService.add(versionId, {
          rank: l.rank,
          code: l.code,
          name: l.name,
          activationCriteria: l.activationCriteria,
          severities: l.severities,
          checklist: l.checklist.map((i) => ({
            item: i.item,
            role: i.role ?? null,
            teamId: i.team ? find('team', directory.teams, i.team) : null,
            targetMinutes: i.targetMinutes,
          })),
          policyId,
        });
      }
      for (const c of d.cards ?? []) await this.cardService.add(versionId, c);
      // Art. 21 and 24: the demo units are all listed or medium-size, so experts review; the
      // principal signs; plans against releases that leave the site are told to the neighbours.
      const principal = d.enterprise
        ? DEMO_ENTERPRISES.find((e) => e.key === d.enterprise)!.legalRepresentative
        : ZONE_PRINCIPAL;
      await this.versionService.recordReview(versionId, {
        kind: 'expert_review',
        heldOn: DEMO_REVIEW_DAY,
        members: DEMO_REVIEWERS,
        conclusion: '预案要素齐全，应急响应分级合理，处置措施可行，修改完善后同意发布。',
      });
      await this.versionService.submit(versionId);
      await this.versionService.recordSignature(versionId, {
        signedBy: principal,
        signedOn: DEMO_REVIEW_DAY,
      });
      await this.versionService.publish(versionId);
      if (d.hazards.includes('toxic_release')) {
        await this.versionService.recordNeighbourNotice(versionId, {
          required: true,
          notifiedOn: DEMO_REVIEW_DAY,
          notified: ['相邻企业', '下风向村（居）委会'],
          how: '告知书及座谈会',
        });
      }
      result.plansCreated++;
    }

    await this.seedResponsibilities(enterpriseIds);
    return result;
  }

  private async seedResponsibilities(enterpriseIds: Map<string, string>): Promise<void> {
    const lists: [string, ResponsibilityEntry[]][] = [
      [
        'zone',
        ZONE_RESPONSIBILITIES.map(([kind, unit, post, industries, duties]) => ({
          kind,
          unit,
          post,
          holder: null,
          phone: null,
          industries,
          duties,
        })),
      ],
      [enterpriseIds.get('coalchem')!, enterpriseResponsibilities('王建国', '李志强', '气化车间')],
      [enterpriseIds.get('finechem')!, enterpriseResponsibilities('陈海峰', '赵立新', '液氯汽化工段')],
    ];
    for (const [owner, entries] of lists) {
      if ((await this.responsibilities.get(owner)).entries.length) continue;
      await this.responsibilities.replace(owner, { entries });
    }
  }

  private async directory() {
    const contacts = await this.contacts.all();
    const [teams] = await this.teams.list({ skip: 0, take: 1000 });
    const [rotations] = await this.rotations.list({ skip: 0, take: 1000 });
    const key = (r: { enterpriseId: string | null; name: string }) => `${r.enterpriseId}|${r.name}`;
    return {
      contacts: new Map(contacts.map((c) => [key(c), c.id])),
      teams: new Map(teams.map((t) => [key(t), t.id])),
      rotations: new Map(rotations.map((r) => [key(r), r.id])),
    };
  }
}
