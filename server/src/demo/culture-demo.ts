import { Inject, Injectable } from '@nestjs/common';
import sharp from 'sharp';
import { type CultureActivityKind, MODEL_CRITERIA_TEMPLATE } from '@muster/contracts';
import { Clock } from '../common/clock.js';
import { type Principal, RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ActivityCreateDto, CriteriaDto, ReviewDto, SelfAssessmentDto } from '../culture/culture.dto.js';
import { CultureService } from '../culture/culture.service.js';
import { ModelProgrammeService } from '../culture/model-programme.service.js';
import { ContactService } from '../directory/contact.service.js';
import { FileService } from '../files/file.service.js';
import { UserRepository } from '../identity/user.repository.js';
import { zoneDate } from '../zone/zone-time.js';

interface DemoActivity {
  /** Key of a demo enterprise whose officer records it; null: the committee's own. */
  enterprise: 'coalchem' | 'finechem' | null;
  /** Month and day; in the latest year in which that day has passed. */
  monthDay: string;
  kind: CultureActivityKind;
  title: string;
  place: string;
  participantCount: number;
  description: string;
  /** Scenes to draw as photos. */
  photos?: ('assembly' | 'extinguisher')[];
  /** Name two of the enterprise's people from the directory as taking part. */
  namedParticipants?: boolean;
}

const ACTIVITIES: DemoActivity[] = [
  {
    enterprise: 'coalchem',
    monthDay: '06-03',
    kind: 'safety_month',
    title: '“安全生产月”启动仪式暨全员安全承诺签名',
    place: '厂区中心广场',
    participantCount: 236,
    description:
      '围绕“人人讲安全、个个会应急”主题，总经理作动员讲话，各车间负责人签订安全承诺书，全体员工在安全承诺墙签名；现场演示灭火器和正压式空气呼吸器的使用。',
    photos: ['assembly', 'extinguisher'],
    namedParticipants: true,
  },
  {
    enterprise: null,
    monthDay: '06-15',
    kind: 'consultation_day',
    title: '杜集经济开发区“安全宣传咨询日”活动',
    place: '开发区管委会门前广场',
    participantCount: 420,
    description:
      '管委会联合区应急管理、消防救援等部门和园区 11 家企业设置咨询台，发放安全生产法律法规和应急避险宣传资料 3000 余份，开展危化品事故警示教育展板展示。',
  },
  {
    enterprise: 'finechem',
    monthDay: '06-22',
    kind: 'contest',
    title: '安全生产知识竞赛',
    place: '公司综合楼三楼会议室',
    participantCount: 64,
    description:
      '各生产班组组队参赛，内容涵盖危险化学品安全管理、特殊作业管理和应急处置，决出团体一、二、三等奖。',
  },
  {
    enterprise: 'finechem',
    monthDay: '11-09',
    kind: 'fire_day',
    title: '“119”消防宣传月消防安全培训及疏散演练',
    place: '公司生产区及办公楼',
    participantCount: 158,
    description: '邀请消防救援站讲解初起火灾扑救，组织全员疏散演练和微型消防站拉动。',
  },
];

/** Two scenes in plain shapes (no fonts needed): a crowd before a red banner, and a fire extinguisher drill. */
function scene(kind: 'assembly' | 'extinguisher'): string {
  const people = Array.from({ length: 36 }, (_, i) => {
    const x = 40 + (i % 12) * 48;
    const y = 300 + Math.floor(i / 12) * 36;
    const shirt = ['#2b6cb0', '#c05621', '#2f855a', '#4a5568'][i % 4];
    return `<circle cx="${x}" cy="${y}" r="11" fill="#f6d5b8"/><rect x="${x - 14}" y="${y + 11}" width="28" height="26" rx="8" fill="${shirt}"/>`;
  });
  if (kind === 'assembly') {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420">
      <rect width="640" height="420" fill="#cfe6f7"/><rect y="250" width="640" height="170" fill="#b9b4a8"/>
      <rect x="70" y="60" width="500" height="70" fill="#c53030"/>
      <rect x="90" y="82" width="460" height="26" fill="#f6e05e" opacity="0.9"/>
      <rect x="220" y="150" width="200" height="90" fill="#8b5a2b"/>${people.join('')}</svg>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="420">
    <rect width="640" height="420" fill="#e2e8f0"/><rect y="260" width="640" height="160" fill="#a0aec0"/>
    <rect x="250" y="200" width="140" height="60" fill="#4a5568"/>
    <path d="M320 90 q-40 60 -10 110 q40 -30 20 -60 q30 30 20 60 q40 -60 -30 -110z" fill="#ed8936"/>
    <rect x="120" y="190" width="40" height="110" rx="14" fill="#e53e3e"/>
    <rect x="132" y="172" width="16" height="22" fill="#2d3748"/>
    <path d="M160 200 q60 -30 110 -20" stroke="#2d3748" stroke-width="6" fill="none"/>
    <circle cx="100" cy="180" r="16" fill="#f6d5b8"/><rect x="80" y="196" width="40" height="70" rx="10" fill="#2b6cb0"/>
    ${people.slice(24).join('')}</svg>`;
}

/**
 * The demo zone's safety culture: the year's model-enterprise criteria, Safety Production Month
 * activities with photos, and the coal-chemical works' application under review. Goes through
 * the real services as the demo users; idempotent.
 */
@Injectable()
export class CultureDemoSeeder {
  constructor(
    private readonly culture: CultureService,
    private readonly programme: ModelProgrammeService,
    private readonly files: FileService,
    private readonly contacts: ContactService,
    private readonly users: UserRepository,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Must run as the system, after the directory. Returns the activities created. */
  async seed(enterpriseIds: Map<string, string>): Promise<number> {
    const admin = await this.principal('admin@muster.test');
    const inspector = await this.principal('inspector@muster.test');
    const coalchem = await this.principal('officer1@muster.test');
    const finechem = await this.principal('officer2@muster.test');
    if (!admin || !inspector || !coalchem || !finechem) return 0;
    const officers = { coalchem, finechem };
    const as = <T>(p: Principal, fn: () => Promise<T>) => this.context.run({ principal: p }, fn);
    const today = zoneDate(this.clock.now(), this.config.TZ);
    const year = Number(today.slice(0, 4));

    let created = 0;
    /** The Safety Month's photos, which the application shows as evidence too. */
    const monthPhotos: string[] = [];
    if ((await this.culture.list({ page: 1, pageSize: 1 })).total === 0) {
      for (const a of ACTIVITIES) {
        const who = a.enterprise ? officers[a.enterprise] : admin;
        const heldOn =
          `${year}-${a.monthDay}` <= today ? `${year}-${a.monthDay}` : `${year - 1}-${a.monthDay}`;
        await as(who, async () => {
          const photoFileIds: string[] = [];
          for (const [i, s] of (a.photos ?? []).entries()) {
            const buffer = await sharp(Buffer.from(scene(s)))
              .jpeg({ quality: 80 })
              .toBuffer();
            const f = await this.files.upload({
              buffer,
              originalname: `安全生产月-${i + 1}.jpg`,
              size: buffer.length,
            });
            photoFileIds.push(f.id);
            if (a.kind === 'safety_month') monthPhotos.push(f.id);
          }
          const enterpriseId = a.enterprise ? enterpriseIds.get(a.enterprise) : undefined;
          const people =
            a.namedParticipants && enterpriseId
              ? (await this.contacts.ofEnterprises([enterpriseId])).slice(0, 2).map((c) => c.id)
              : [];
          await this.culture.create({
            heldOn,
            kind: a.kind,
            title: a.title,
            place: a.place,
            participantCount: a.participantCount,
            participantContactIds: people,
            description: a.description,
            photoFileIds,
          } as ActivityCreateDto);
        });
        created++;
      }
    }

    if ((await this.programme.criteriaList()).some((c) => c.year === year)) return created;
    await as(admin, () =>
      this.programme.setCriteria(year, {
        items: MODEL_CRITERIA_TEMPLATE,
        passScore: 80,
        incidentYears: 3,
        validityYears: 3,
      } as CriteriaDto),
    );
    // The coal-chemical works has applied; the zone's inspector has scored the first elements.
    const detail = await as(officers.coalchem, async () => {
      const d = await this.programme.create({ year });
      await this.programme.saveSelf(d.application.id, {
        items: MODEL_CRITERIA_TEMPLATE.map((i) => ({
          code: i.code,
          selfScore: i.points - (i.points >= 6 ? 1 : 0),
          selfNote: i.code === 'E2' ? '安全生产月启动仪式、全员签名，见活动照片' : '已按要求落实，材料见附件',
          evidenceFileIds: i.code === 'E2' ? monthPhotos : [],
        })),
      } as SelfAssessmentDto);
      return this.programme.submit(d.application.id);
    });
    await as(inspector, () =>
      this.programme.review(detail.application.id, {
        items: MODEL_CRITERIA_TEMPLATE.filter((i) => i.code < 'C').map((i) => ({
          code: i.code,
          reviewScore: i.points - 1,
          reviewNote: '现场查看与资料相符',
        })),
      } as ReviewDto),
    );
    return created;
  }

  private async principal(email: string): Promise<Principal | null> {
    const u = await this.users.findForLogin(email);
    return u ? { id: u.id, email: u.email, name: u.name, role: u.role, enterpriseId: u.enterpriseId } : null;
  }
}
