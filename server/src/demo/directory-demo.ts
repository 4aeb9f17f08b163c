import { Injectable } from '@nestjs/common';
import type { Certification, ContactLanguage, TeamType } from '@muster/contracts';
import { Db } from '../database/db.js';
import { ContactRepository } from '../directory/contact.repository.js';
import { ContactService } from '../directory/contact.service.js';
import { RotationRepository } from '../directory/rotation.repository.js';
import { RotationService } from '../directory/rotation.service.js';
import { TeamRepository } from '../directory/team.repository.js';
import { TeamService } from '../directory/team.service.js';
import { UserRepository } from '../identity/user.repository.js';
import { DEMO_ENTERPRISES } from './demo-data.js';

/**
 * The demo directory: the zone's duty officers and rescue teams, each enterprise's responsible
 * people and its own teams, and two on-call rotations. Fictional people; the phone numbers are
 * ordinary-looking mobile numbers that the emulators answer for, and, so that a call-out of the
 * hazmat team takes every route, a foreign adviser's number (a UK drama number) and the team's
 * duty-room landline.
 */
interface DemoContact {
  key: string;
  /** Key of a DEMO_ENTERPRISES entry; absent for the zone. */
  enterprise?: string;
  name: string;
  organization: string;
  post: string;
  phone: string;
  skills?: string[];
  certifications?: Certification[];
  language?: ContactLanguage;
  /** Email of a demo user account to link. */
  user?: string;
}

const ZONE_ORG = '杜集经开区管委会';
let serial = 0;
/** +86 138 0561 0001…: deterministic, distinct, valid Chinese mobile numbers. */
const mobile = () => `+86138056${10001 + serial++}`;

const ZONE_CONTACTS: DemoContact[] = [
  ['z-director', '周国平', '应急管理局', '局长', ['应急指挥']],
  ['z-deputy', '吴晓东', '应急管理局', '副局长', ['应急指挥', '危化品管理']],
  ['z-duty1', '刘建华', '应急管理局', '值班员', ['信息报送']],
  ['z-duty2', '陈思雨', '应急管理局', '值班员', ['信息报送']],
  ['z-duty3', '杨帆', '安全生产监督管理科', '科长', ['安全检查']],
  ['z-duty4', '何丽', '安全生产监督管理科', '科员', ['安全检查']],
  ['z-duty5', '郭磊', '环境保护科', '科长', ['环境监测']],
  ['z-fire-chief', '马骏', '园区专职消防队', '队长', ['灭火救援', '危化品处置']],
  ['z-fire-1', '孙浩', '园区专职消防队', '队员', ['灭火救援']],
  ['z-fire-2', '朱鹏飞', '园区专职消防队', '队员', ['灭火救援', '破拆']],
  ['z-fire-3', '胡斌', '园区专职消防队', '驾驶员', ['消防车驾驶']],
  ['z-hazmat-1', '韩冬', '危化品应急处置队', '队长', ['危化品处置', '气体检测']],
  ['z-hazmat-2', '冯晓军', '危化品应急处置队', '队员', ['堵漏', '洗消']],
  ['z-hazmat-3', '曹阳', '危化品应急处置队', '队员', ['气体检测']],
  ['z-med-1', '邓敏', '杜集区人民医院', '急诊科主任', ['急救', '中毒救治']],
  ['z-med-2', '彭雪', '杜集区人民医院', '护士长', ['急救']],
  ['z-med-3', '蒋涛', '园区医务室', '医生', ['急救']],
  ['z-evac-1', '沈伟', '综合办公室', '主任', ['疏散引导']],
  ['z-evac-2', '韦娜', '综合办公室', '科员', ['疏散引导']],
  ['z-eng-1', '吕强', '规划建设科', '科长', ['工程抢险', '起重作业']],
  ['z-eng-2', '苏明', '园区供电所', '所长', ['电力抢修']],
  ['z-comms-1', '丁杰', '信息中心', '主任', ['通信保障']],
  ['z-comms-2', '任静', '信息中心', '工程师', ['通信保障', '无人机']],
  ['z-police', '袁刚', '杜集公安分局开发区派出所', '所长', ['警戒', '交通管制']],
].map(([key, name, dept, post, skills]) => ({
  key: key as string,
  name: name as string,
  // Hospitals, the police and the zone's own units keep their own names; the rest are 管委会 offices.
  organization: /^(杜集|园区)/.test(dept as string) ? (dept as string) : `${ZONE_ORG}${dept as string}`,
  post: post as string,
  phone: mobile(),
  skills: skills as string[],
  ...(key === 'z-fire-1' ? { user: 'responder1@muster.test' } : {}),
  ...(key === 'z-comms-2' ? { language: 'en' as const } : {}),
}));

const SHIFT_LEADERS = [
  '范志勇',
  '汪海',
  '田军',
  '石磊',
  '钱坤',
  '秦川',
  '尹峰',
  '江波',
  '许亮',
  '潘东',
  '姚远',
];

const CERT_EXPIRIES = ['2025-12-31', '2026-06-30', '2027-03-31', '2028-09-30'];

/** The legal representative, the safety lead and a shift leader of every demo enterprise. */
const ENTERPRISE_CONTACTS: DemoContact[] = DEMO_ENTERPRISES.flatMap((e, i) => [
  {
    key: `${e.key}-legal`,
    enterprise: e.key,
    name: e.legalRepresentative,
    organization: e.name,
    post: '法定代表人（主要负责人）',
    phone: mobile(),
  },
  {
    key: `${e.key}-safety`,
    enterprise: e.key,
    name: e.safetyLead,
    organization: e.name,
    post: '安全负责人',
    phone: mobile(),
    skills: ['安全管理', '应急指挥'],
    certifications: [
      {
        name: '安全生产管理人员安全生产知识和管理能力考核合格证',
        number: `AQ${340600 + i}`,
        expiresOn: CERT_EXPIRIES[i % 4]!,
      },
    ],
  },
  {
    key: `${e.key}-shift`,
    enterprise: e.key,
    name: SHIFT_LEADERS[i % SHIFT_LEADERS.length]!,
    organization: e.name,
    post: '生产值班长',
    phone: mobile(),
    skills: ['现场处置', '急救'],
  },
]);

/** Extra people of the two chemical enterprises, who staff their own teams and rotation. */
const CHEMICAL_STAFF: DemoContact[] = [
  ['coalchem', '薛涛', '微型消防站站长', ['灭火救援']],
  ['coalchem', '雷鸣', '微型消防站队员', ['灭火救援']],
  ['coalchem', '贺军', '气防员', ['气体检测', '空气呼吸器']],
  ['coalchem', '龚平', '安全员', ['安全检查']],
  ['finechem', '顾晨', '微型消防站站长', ['灭火救援']],
  ['finechem', '孟凡', '气防员', ['气体检测', '堵漏']],
].map(([enterprise, name, post, skills]) => ({
  key: `${enterprise as string}-${name as string}`,
  enterprise: enterprise as string,
  name: name as string,
  organization: DEMO_ENTERPRISES.find((e) => e.key === enterprise)!.name,
  post: post as string,
  phone: mobile(),
  skills: skills as string[],
}));

/** The zone's commander, who signs in to the console as the demo commander (numbers after the rest). */
const COMMAND_CONTACTS: DemoContact[] = [
  {
    key: 'z-commander',
    name: '李卫东',
    organization: `${ZONE_ORG}应急管理局`,
    post: '应急指挥中心值班领导',
    phone: mobile(),
    skills: ['应急指挥'],
    user: 'commander@muster.test',
  },
];

/** Numbers that are not mainland mobiles: texted by Twilio, and called only. */
const OTHER_LINES: DemoContact[] = [
  {
    key: 'z-hazmat-adviser',
    name: 'Owen Hughes',
    organization: '危化品应急处置队（外方技术顾问）',
    post: '工艺安全顾问',
    phone: '+447700900461',
    skills: ['危化品处置'],
    language: 'en',
  },
  {
    key: 'z-hazmat-room',
    name: '危化品处置队值班室',
    organization: '危化品应急处置队',
    post: '值班固定电话',
    phone: '+865613011119',
  },
];

export const DEMO_CONTACTS: DemoContact[] = [
  ...ZONE_CONTACTS,
  ...ENTERPRISE_CONTACTS,
  ...CHEMICAL_STAFF,
  ...COMMAND_CONTACTS,
  ...OTHER_LINES,
];

interface DemoTeam {
  enterprise?: string;
  name: string;
  type: TeamType;
  leader: string;
  members: string[];
  base: { lat: number; lng: number };
  baseAddress: string;
  readiness?: 'ready' | 'limited' | 'unavailable';
}

export const DEMO_TEAMS: DemoTeam[] = [
  {
    name: '园区专职消防队',
    type: 'fire',
    leader: 'z-fire-chief',
    members: ['z-fire-1', 'z-fire-2', 'z-fire-3'],
    base: { lat: 33.9905, lng: 116.8262 },
    baseAddress: '杜集经济开发区朔西路18号消防站',
  },
  {
    name: '危化品应急处置队',
    type: 'hazmat',
    leader: 'z-hazmat-1',
    members: ['z-hazmat-2', 'z-hazmat-3', 'z-hazmat-adviser', 'z-hazmat-room'],
    base: { lat: 33.9968, lng: 116.8168 },
    baseAddress: '杜集经济开发区凤凰山路60号',
  },
  {
    name: '医疗救护队',
    type: 'medical',
    leader: 'z-med-1',
    members: ['z-med-2', 'z-med-3'],
    base: { lat: 33.9868, lng: 116.8402 },
    baseAddress: '杜集经济开发区创业路88号园区医务室',
  },
  {
    name: '疏散引导队',
    type: 'evacuation',
    leader: 'z-evac-1',
    members: ['z-evac-2', 'z-duty4'],
    base: { lat: 33.9925, lng: 116.832 },
    baseAddress: '杜集经济开发区管委会',
  },
  {
    name: '工程抢险队',
    type: 'engineering',
    leader: 'z-eng-1',
    members: ['z-eng-2'],
    base: { lat: 34.0012, lng: 116.8455 },
    baseAddress: '杜集经济开发区开渠路9号',
    readiness: 'limited',
  },
  {
    name: '通信保障队',
    type: 'comms',
    leader: 'z-comms-1',
    members: ['z-comms-2'],
    base: { lat: 33.9925, lng: 116.8322 },
    baseAddress: '杜集经济开发区管委会信息中心',
  },
  {
    name: '应急领导小组',
    // Not a field team: its members lead (logistics is the nearest of the team types).
    type: 'logistics',
    leader: 'z-director',
    members: ['z-deputy', 'z-commander'],
    base: { lat: 33.9925, lng: 116.8321 },
    baseAddress: '杜集经济开发区管委会',
  },
  {
    enterprise: 'coalchem',
    name: '华晟煤化工微型消防站',
    type: 'fire',
    leader: 'coalchem-薛涛',
    members: ['coalchem-雷鸣', 'coalchem-shift'],
    base: { lat: 33.9951, lng: 116.8112 },
    baseAddress: '华晟煤化工厂区东门',
  },
  {
    enterprise: 'coalchem',
    name: '华晟煤化工气防救护组',
    type: 'hazmat',
    leader: 'coalchem-贺军',
    members: ['coalchem-龚平', 'coalchem-safety'],
    base: { lat: 33.997, lng: 116.814 },
    baseAddress: '华晟煤化工气防站',
  },
  {
    enterprise: 'finechem',
    name: '龙山精细化工微型消防站',
    type: 'fire',
    leader: 'finechem-顾晨',
    members: ['finechem-孟凡', 'finechem-shift'],
    base: { lat: 33.9915, lng: 116.8196 },
    baseAddress: '龙山精细化工厂区南门',
  },
];

interface DemoRotation {
  enterprise?: string;
  name: string;
  members: string[];
  shiftHours: number;
  handoffTime: string;
  startDate: string;
}

export const DEMO_ROTATIONS: DemoRotation[] = [
  {
    name: '管委会应急值班（24小时）',
    members: ['z-duty1', 'z-duty2', 'z-duty3', 'z-duty4', 'z-duty5'],
    shiftHours: 24,
    handoffTime: '08:30',
    startDate: '2026-01-05',
  },
  {
    enterprise: 'coalchem',
    name: '华晟煤化工安全值班（两班倒）',
    members: ['coalchem-safety', 'coalchem-shift', 'coalchem-贺军', 'coalchem-龚平'],
    shiftHours: 12,
    handoffTime: '08:00',
    startDate: '2026-01-05',
  },
];

export interface DirectorySeedResult {
  contactsCreated: number;
  teamsCreated: number;
  rotationsCreated: number;
}

/** Seeds the demo directory through the services (validated and audited); skips what exists. */
@Injectable()
export class DirectoryDemoSeeder {
  constructor(
    private readonly db: Db,
    private readonly contactService: ContactService,
    private readonly contacts: ContactRepository,
    private readonly teamService: TeamService,
    private readonly teams: TeamRepository,
    private readonly rotationService: RotationService,
    private readonly rotations: RotationRepository,
    private readonly users: UserRepository,
  ) {}

  /** `enterpriseIds`: demo enterprise key → id. Must run as the system (zone scope). */
  seed(enterpriseIds: Map<string, string>): Promise<DirectorySeedResult> {
    return this.db.transaction(() => this.seedAll(enterpriseIds));
  }

  private async seedAll(enterpriseIds: Map<string, string>): Promise<DirectorySeedResult> {
    const result: DirectorySeedResult = { contactsCreated: 0, teamsCreated: 0, rotationsCreated: 0 };
    const owner = (key?: string) => (key ? enterpriseIds.get(key)! : null);
    const existing = new Map((await this.contacts.all()).map((c) => [`${c.enterpriseId}|${c.name}`, c.id]));
    const ids = new Map<string, string>();
    for (const c of DEMO_CONTACTS) {
      const enterpriseId = owner(c.enterprise);
      let id = existing.get(`${enterpriseId}|${c.name}`);
      if (!id) {
        const user = c.user ? await this.users.findForLogin(c.user) : null;
        id = (
          await this.contactService.create({
            enterpriseId,
            name: c.name,
            organization: c.organization,
            post: c.post,
            phones: [c.phone],
            skills: c.skills ?? [],
            certifications: c.certifications ?? [],
            language: c.language ?? 'zh-CN',
            userId: user?.id ?? null,
          })
        ).id;
        existing.set(`${enterpriseId}|${c.name}`, id);
        result.contactsCreated++;
      }
      ids.set(c.key, id);
    }

    const [teams] = await this.teams.list({ skip: 0, take: 1000 });
    const teamNames = new Set(teams.map((t) => `${t.enterpriseId}|${t.name}`));
    for (const t of DEMO_TEAMS) {
      const enterpriseId = owner(t.enterprise);
      if (teamNames.has(`${enterpriseId}|${t.name}`)) continue;
      await this.teamService.create({
        enterpriseId,
        name: t.name,
        type: t.type,
        leaderContactId: ids.get(t.leader)!,
        memberContactIds: [t.leader, ...t.members].map((k) => ids.get(k)!),
        base: t.base,
        baseAddress: t.baseAddress,
        readiness: t.readiness ?? 'ready',
      });
      result.teamsCreated++;
    }

    const [rotations] = await this.rotations.list({ skip: 0, take: 1000 });
    const rotationNames = new Set(rotations.map((r) => `${r.enterpriseId}|${r.name}`));
    for (const r of DEMO_ROTATIONS) {
      const enterpriseId = owner(r.enterprise);
      if (rotationNames.has(`${enterpriseId}|${r.name}`)) continue;
      await this.rotationService.create({
        enterpriseId,
        name: r.name,
        memberContactIds: r.members.map((k) => ids.get(k)!),
        shiftHours: r.shiftHours,
        handoffTime: r.handoffTime,
        startDate: r.startDate,
      });
      result.rotationsCreated++;
    }
    return result;
  }
}
