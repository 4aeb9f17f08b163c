import { Inject, Injectable } from '@nestjs/common';
import type { LeadingGroupRole, SafetyManagerKind, SafetyOrgIndustry } from '@muster/contracts';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { ContactRepository } from '../directory/contact.repository.js';
import { ContactService } from '../directory/contact.service.js';
import { LeadingGroupService } from '../organisation/leading-group.service.js';
import type { SafetyOrgDto } from '../organisation/organisation.dto.js';
import { OrganisationService } from '../organisation/organisation.service.js';
import { addDays, zoneDate } from '../zone/zone-time.js';

const ZONE_ORG = '杜集经开区管委会';

/** The committee's two leaders, who are not in the duty directory: they head the group. */
const LEADERS = [
  { name: '张建军', organization: ZONE_ORG, post: '主任', phone: '+8613805619001' },
  { name: '王海涛', organization: ZONE_ORG, post: '副主任（分管安全生产）', phone: '+8613805619002' },
];

/**
 * The group as the plan's 四(二) sets it up: the committee's head leads, the deputy in charge of
 * safety is deputy leader, the heads of the departments concerned are members; the emergency
 * management bureau's head directs the group's office.
 */
const GROUP: { name: string; role: LeadingGroupRole; department: string; post: string }[] = [
  { name: '张建军', role: 'leader', department: '管委会', post: '主任' },
  { name: '王海涛', role: 'deputy_leader', department: '管委会', post: '副主任' },
  { name: '周国平', role: 'office_director', department: '应急管理局', post: '局长' },
  { name: '吴晓东', role: 'member', department: '应急管理局', post: '副局长' },
  { name: '杨帆', role: 'member', department: '安全生产监督管理科', post: '科长' },
  { name: '郭磊', role: 'member', department: '环境保护科', post: '科长' },
  { name: '吕强', role: 'member', department: '规划建设科', post: '科长' },
  { name: '沈伟', role: 'member', department: '综合办公室', post: '主任' },
  { name: '马骏', role: 'member', department: '园区专职消防队', post: '队长' },
  { name: '袁刚', role: 'member', department: '开发区派出所', post: '所长' },
];
const GROUP_FROM = '2026-01-05';

const MEETING_TITLE = '安全生产工作领导小组全体会议（危险化学品安全专项整治部署）';

/**
 * A few enterprises' safety organisation, one of each kind of finding: the fine chemicals works
 * lacks a registered chemical safety engineer, the machinery works has over 100 employees but only
 * part-time managers; the others meet the law. The coal chemicals works (officer1's) is left
 * unreported, for its officer to fill in.
 */
const ORGS: {
  /** Key of a DEMO_ENTERPRISES entry. */
  enterprise: string;
  industry: SafetyOrgIndustry | null;
  headcount: number;
  officeName: string | null;
  managers: { name: string; kind: SafetyManagerKind; engineer?: string }[];
}[] = [
  {
    enterprise: 'finechem',
    industry: null,
    headcount: 320,
    officeName: '安全环保部',
    managers: [
      { name: '赵立新', kind: 'full_time' },
      { name: '孟凡', kind: 'part_time' },
    ],
  },
  {
    enterprise: 'machinery',
    industry: 'other',
    headcount: 420,
    officeName: null,
    managers: [{ name: '吴永华', kind: 'part_time' }],
  },
  {
    enterprise: 'food',
    industry: 'other',
    headcount: 85,
    officeName: null,
    managers: [{ name: '冯建军', kind: 'part_time' }],
  },
  {
    enterprise: 'logistics',
    industry: 'dangerous_goods',
    headcount: 150,
    officeName: '安全管理部',
    managers: [{ name: '马俊', kind: 'full_time', engineer: 'ZA-2024-34060061' }],
  },
];

/** Seeds the leading group, one meeting with two decisions, and some enterprises' safety offices. */
@Injectable()
export class OrganisationDemoSeeder {
  constructor(
    private readonly group: LeadingGroupService,
    private readonly orgs: OrganisationService,
    private readonly contactService: ContactService,
    private readonly contacts: ContactRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `enterpriseIds`: demo enterprise key → id. Must run as the system, after the directory. */
  async seed(
    enterpriseIds: Map<string, string>,
  ): Promise<{ members: number; meetings: number; orgs: number }> {
    const result = { members: 0, meetings: 0, orgs: 0 };
    const all = await this.contacts.all();
    const zone = new Map(all.filter((c) => c.enterpriseId === null).map((c) => [c.name, c.id]));
    for (const l of LEADERS) {
      if (zone.has(l.name)) continue;
      const c = await this.contactService.create({
        enterpriseId: null,
        name: l.name,
        organization: l.organization,
        post: l.post,
        phones: [l.phone],
        skills: ['应急指挥'],
      });
      zone.set(l.name, c.id);
    }

    if ((await this.group.members(true)).length === 0) {
      for (const m of GROUP) {
        const contactId = zone.get(m.name);
        if (!contactId) continue;
        await this.group.addMember({
          contactId,
          role: m.role,
          department: m.department,
          post: m.post,
          fromDate: GROUP_FROM,
        });
        result.members++;
      }
    }

    const meetings = await this.group.meetings({ page: 1, pageSize: 100 });
    if (!meetings.items.some((m) => m.title === MEETING_TITLE)) {
      // Dated from today, so the demo always shows one item under way and one overdue.
      const today = zoneDate(this.clock.now(), this.config.TZ);
      const attendees = GROUP.map((m) => zone.get(m.name)).filter((id): id is string => Boolean(id));
      const meeting = await this.group.createMeeting({
        kind: 'plenary',
        title: MEETING_TITLE,
        heldOn: addDays(today, -21),
        attendeeContactIds: attendees,
        otherAttendees: '淮北华晟煤化工有限公司、淮北龙山精细化工有限公司主要负责人',
        agenda:
          '一、通报园区安全生产形势；二、部署危险化学品安全专项整治；三、研究储罐区可燃气体报警系统检定问题',
        minutes:
          '会议由组长张建军主持。会议听取了应急管理局关于园区安全生产形势的通报，研究部署了危险化学品安全专项整治工作。会议议定：\n' +
          '一、由安全生产监督管理科牵头，对园区涉及特殊作业的危险化学品企业开展专项检查，形成问题清单并督促整改；\n' +
          '二、由应急管理局督促有关企业完成储罐区可燃气体报警器检定，检定报告报领导小组办公室备案。',
        minutesFileIds: [],
      });
      const inspection = await this.group.addDecision(meeting.id, {
        item: '对园区涉及特殊作业的危险化学品企业开展专项检查，形成问题清单并督促整改',
        department: '安全生产监督管理科',
        responsibleContactId: zone.get('杨帆') ?? null,
        deadline: addDays(today, 9),
      });
      await this.group.act(inspection.id, {
        action: 'progress',
        note: '已完成华晟煤化工、龙山精细化工 2 家企业现场检查，发现动火作业票证管理问题 5 项，已下达整改通知。',
      });
      await this.group.addDecision(meeting.id, {
        item: '督促有关企业完成储罐区可燃气体报警器检定，检定报告报领导小组办公室备案',
        department: '应急管理局',
        responsibleContactId: zone.get('吴晓东') ?? null,
        deadline: addDays(today, -3),
      });
      result.meetings++;
    }

    const byEnterprise = new Map<string, Map<string, string>>();
    for (const c of all) {
      if (!c.enterpriseId) continue;
      const names = byEnterprise.get(c.enterpriseId) ?? new Map<string, string>();
      names.set(c.name, c.id);
      byEnterprise.set(c.enterpriseId, names);
    }
    for (const o of ORGS) {
      const enterpriseId = enterpriseIds.get(o.enterprise);
      if (!enterpriseId || (await this.orgs.get(enterpriseId)).updatedAt) continue;
      const people = byEnterprise.get(enterpriseId) ?? new Map<string, string>();
      const dto: SafetyOrgDto = {
        ...(o.industry ? { industry: o.industry } : {}),
        headcount: o.headcount,
        hasOffice: o.officeName !== null,
        officeName: o.officeName ?? '',
        managers: o.managers.flatMap((m) => {
          const contactId = people.get(m.name);
          if (!contactId) return [];
          return [
            {
              contactId,
              kind: m.kind,
              engineer: m.engineer
                ? { certificateNo: m.engineer, specialty: 'chemical', level: 'intermediate' }
                : null,
            },
          ];
        }),
      } as SafetyOrgDto;
      await this.orgs.update(enterpriseId, dto);
      result.orgs++;
    }
    return result;
  }
}
