import { Inject, Injectable } from '@nestjs/common';
import type { AuditAction, PlanVersionStatus, PlanVersionView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { FileService } from '../files/file.service.js';
import { DisposalCard } from './disposal-card.entity.js';
import { PlanAccess } from './plan-access.js';
import { dayIn } from './plan-dates.js';
import { PlanLevel } from './plan-level.entity.js';
import { completenessProblems, outline, publicationDeadlines, reviewKindProblems } from './plan-rules.js';
import { PlanVersion } from './plan-version.entity.js';
import type {
  NeighbourNoticeDto,
  VersionCreateDto,
  VersionFilingDto,
  VersionReturnDto,
  VersionReviewDto,
  VersionSignatureDto,
  VersionUpdateDto,
} from './plan.dto.js';
import type { Plan } from './plan.entity.js';
import { PlanRepository } from './plan.repository.js';
import { PlanViews } from './plan.view.js';

/**
 * A plan's versions and their workflow: a draft is edited, submitted for review, returned or
 * published; publishing retires the version in force. Only one draft or in-review version at a time.
 */
@Injectable()
export class PlanVersionService {
  constructor(
    private readonly db: Db,
    private readonly plans: PlanRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly access: PlanAccess,
    private readonly views: PlanViews,
    private readonly audit: AuditService,
    private readonly files: FileService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<PlanVersionView> {
    const { version } = await this.plans.getVersion(id);
    return this.views.version(version);
  }

  /** A new draft starts as a copy of the latest version: a revision changes what needs changing. */
  async create(planId: string, dto: VersionCreateDto): Promise<PlanVersionView> {
    const id = await this.db.transaction(async () => {
      const plan = await this.plans.getById(planId);
      this.access.assertWritable(plan);
      await this.plans.lock(planId);
      const open = await this.plans.findVersionByStatus(planId, ['draft', 'in_review']);
      if (open) {
        throw new ConflictError(`Version ${open.number} is still ${open.status}; finish or discard it first`);
      }
      const latest = await this.plans.latestVersion(planId);
      const v = new PlanVersion();
      v.planId = planId;
      v.number = (latest?.number ?? 0) + 1;
      v.label = dto.label ?? '';
      v.status = 'draft';
      v.sections = latest?.sections ?? outline(plan.type);
      v.annexes = latest?.annexes ?? [];
      v.changeSummary = dto.changeSummary;
      v.revisionTriggers = dto.revisionTriggers;
      v.reviewDueOn = null;
      const saved = await this.plans.saveVersion(v);
      if (latest) {
        for (const l of await this.plans.levelsOf([latest.id])) {
          await this.plans.saveLevel(
            Object.assign(new PlanLevel(), { ...l, id: undefined, versionId: saved.id }),
          );
        }
        for (const c of await this.plans.cardsOf(latest.id)) {
          await this.plans.saveCard(
            Object.assign(new DisposalCard(), { ...c, id: undefined, versionId: saved.id }),
          );
        }
      }
      await this.audit.record({
        action: 'plan_version.created',
        entity: 'plan_version',
        entityId: saved.id,
        after: { planId, number: saved.number, copiedFrom: latest?.id ?? null, ...dto },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async update(id: string, dto: VersionUpdateDto): Promise<PlanVersionView> {
    await this.db.transaction(async () => {
      const { version } = await this.access.draftVersion(id);
      const before = { ...version };
      if (dto.label !== undefined) version.label = dto.label;
      if (dto.changeSummary !== undefined) version.changeSummary = dto.changeSummary;
      if (dto.revisionTriggers !== undefined) version.revisionTriggers = dto.revisionTriggers;
      if (dto.sections !== undefined)
        version.sections = dto.sections.map(({ key, title, body }) => ({ key, title, body }));
      if (dto.annexes !== undefined)
        version.annexes = dto.annexes.map(({ kind, title, body }) => ({ kind, title, body }));
      if (dto.reviewDueOn !== undefined) version.reviewDueOn = dto.reviewDueOn;
      const saved = await this.plans.saveVersion(version);
      await this.audit.record({
        action: 'plan_version.updated',
        entity: 'plan_version',
        entityId: id,
        before,
        after: saved,
      });
    });
    return this.get(id);
  }

  /** Discards a draft revision; the first version of a plan goes with the plan instead. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const { version } = await this.access.draftVersion(id);
      if (version.number === 1) {
        throw new ConflictError('This is the plan’s only version; delete the plan instead');
      }
      await this.plans.removeVersion(id);
      await this.audit.record({
        action: 'plan_version.deleted',
        entity: 'plan_version',
        entityId: id,
        before: version,
      });
    });
  }

  async submit(id: string): Promise<PlanVersionView> {
    await this.transition(id, 'plan_version.submitted', async (version, plan) => {
      if (version.status !== 'draft') {
        throw new ConflictError(
          `Version ${version.number} is ${version.status}; only a draft can be submitted`,
        );
      }
      const problems =
        plan.type !== 'on_site'
          ? completenessProblems(version, plan.type, await this.plans.levelsOf([version.id]), 0)
          : completenessProblems(version, plan.type, [], (await this.plans.cardsOf(version.id)).length);
      if (problems.length) throw new InvalidError(problems);
      version.status = 'in_review';
      version.submittedAt = new Date();
      version.submittedBy = this.access.actorName();
    });
    return this.get(id);
  }

  async returnToDraft(id: string, dto: VersionReturnDto): Promise<PlanVersionView> {
    await this.transition(
      id,
      'plan_version.returned',
      async (version) => {
        if (version.status !== 'in_review') {
          throw new ConflictError(
            `Version ${version.number} is ${version.status}; only a version in review can be returned`,
          );
        }
        version.status = 'draft';
        version.submittedAt = null;
        version.submittedBy = null;
      },
      { note: dto.note },
    );
    return this.get(id);
  }

  /**
   * Puts a reviewed version in force and retires the one it replaces, in one transaction under
   * the plan's row lock: concurrent attempts queue on the lock, and each re-reads the status it
   * acts on, so exactly one succeeds. The partial unique index is the backstop.
   */
  async publish(id: string): Promise<PlanVersionView> {
    await this.transition(id, 'plan_version.published', async (version, plan) => {
      if (version.status !== 'in_review') {
        throw new ConflictError(
          `Version ${version.number} is ${version.status}; only a version in review can be published`,
        );
      }
      // Art. 21 and 24: reviewed (or discussed), then signed by the principal, then published.
      if (!version.reviewKind) {
        throw new ConflictError(
          `Version ${version.number} has no review: record the expert review or discussion first (MEM Order 2 Art. 21)`,
        );
      }
      if (!version.signedBy) {
        throw new ConflictError(
          `Version ${version.number} is not signed: record the principal's signature first (MEM Order 2 Art. 24)`,
        );
      }
      const now = new Date();
      const current = await this.plans.findVersionByStatus(plan.id, ['published']);
      if (current) {
        current.status = 'superseded';
        current.supersededAt = now;
        await this.plans.saveVersion(current);
      }
      const today = dayIn(now, this.config.TZ);
      const owner = plan.enterpriseId ? await this.enterprises.getById(plan.enterpriseId) : null;
      const due = publicationDeadlines(today, owner);
      version.status = 'published';
      version.publishedAt = now;
      version.publishedBy = this.access.actorName();
      version.filingDueOn = due.filingDueOn;
      version.evaluationDueOn = due.evaluationDueOn;
      return current ? { superseded: current.id } : {};
    });
    return this.get(id);
  }

  /**
   * Records (or replaces) the review of a version in preparation (MEM Order 2 Art. 21). A
   * discussion instead of an expert review only for the units the article does not list.
   */
  async recordReview(id: string, dto: VersionReviewDto): Promise<PlanVersionView> {
    await this.paperwork(id, 'plan_version.reviewed', ['draft', 'in_review'], async (version, plan) => {
      const owner = plan.enterpriseId ? await this.enterprises.getById(plan.enterpriseId) : null;
      const problems = reviewKindProblems(dto.kind, owner);
      if (dto.heldOn > this.today()) problems.push('heldOn: lies in the future');
      if (problems.length) throw new InvalidError(problems);
      version.reviewKind = dto.kind;
      version.reviewHeldOn = dto.heldOn;
      version.reviewMembers = dto.members.map((m) => ({ name: m.name, affiliation: m.affiliation ?? '' }));
      version.reviewConclusion = dto.conclusion;
      version.reviewRecordedBy = this.access.actorName();
    });
    return this.get(id);
  }

  /** The principal signs the reviewed text (Art. 24): after the review, before publication. */
  async recordSignature(id: string, dto: VersionSignatureDto): Promise<PlanVersionView> {
    await this.paperwork(id, 'plan_version.signed', ['in_review'], async (version) => {
      if (!version.reviewHeldOn) {
        throw new ConflictError(
          `Version ${version.number} has no review: record the expert review or discussion first (MEM Order 2 Art. 21)`,
        );
      }
      const problems: string[] = [];
      if (dto.signedOn < version.reviewHeldOn) problems.push('signedOn: lies before the review');
      if (dto.signedOn > this.today()) problems.push('signedOn: lies in the future');
      if (problems.length) throw new InvalidError(problems);
      version.signedBy = dto.signedBy;
      version.signedOn = dto.signedOn;
    });
    return this.get(id);
  }

  /**
   * Whether the plan concerns neighbouring units and people who may be affected, and when and
   * whom the unit told of the risks and measures (Art. 24). Kept for the version in force too:
   * the notice often follows publication.
   */
  async recordNeighbourNotice(id: string, dto: NeighbourNoticeDto): Promise<PlanVersionView> {
    await this.paperwork(
      id,
      'plan_version.neighbours_notified',
      ['draft', 'in_review', 'published'],
      async (version) => {
        const notified = dto.notified ?? [];
        const problems: string[] = [];
        if (dto.notifiedOn && !notified.length) problems.push('notified: name who was told');
        if (dto.notifiedOn && dto.notifiedOn > this.today()) problems.push('notifiedOn: lies in the future');
        if (!dto.required && (dto.notifiedOn || notified.length)) {
          problems.push('required: a notice was recorded, so the plan concerns its neighbours');
        }
        if (problems.length) throw new InvalidError(problems);
        version.concernsNeighbours = dto.required;
        version.neighboursNotifiedOn = dto.notifiedOn ?? null;
        version.neighboursNotified = notified;
        version.neighbourNoticeHow = dto.how ?? '';
      },
    );
    return this.get(id);
  }

  /** A paperwork record on a version in one of `statuses`, under the plan's lock, audited. */
  private async paperwork(
    id: string,
    action: AuditAction,
    statuses: PlanVersionStatus[],
    change: (v: PlanVersion, plan: Plan) => Promise<void>,
  ): Promise<void> {
    await this.db.transaction(async () => {
      const { plan } = await this.plans.getVersion(id);
      this.access.assertWritable(plan);
      await this.plans.lock(plan.id);
      const version = await this.plans.reloadVersion(id);
      if (!statuses.includes(version.status)) {
        throw new ConflictError(
          `Version ${version.number} is ${version.status}; this is recorded on a version ${statuses.join(' or ')}`,
        );
      }
      const before = paperworkOf(version);
      await change(version, plan);
      await this.plans.saveVersion(version);
      await this.audit.record({
        action,
        entity: 'plan_version',
        entityId: id,
        before,
        after: { planId: plan.id, number: version.number, ...paperworkOf(version) },
      });
    });
  }

  private today(): string {
    return dayIn(new Date(), this.config.TZ);
  }

  /**
   * Records (or corrects) the filing of a version that was put in force (MEM Order 2 Art. 26):
   * from then on "filed" is what the department's receipt says, and the filing reminder stops.
   * A superseded version may still be filed late; a draft has nothing to file.
   */
  async recordFiling(id: string, dto: VersionFilingDto): Promise<PlanVersionView> {
    await this.db.transaction(async () => {
      const { plan } = await this.plans.getVersion(id);
      this.access.assertWritable(plan);
      await this.plans.lock(plan.id);
      const version = await this.plans.reloadVersion(id);
      if (!version.publishedAt) {
        throw new ConflictError(
          `Version ${version.number} is ${version.status}; only a published version is filed`,
        );
      }
      const tz = this.config.TZ;
      const problems: string[] = [];
      if (dto.filedOn < dayIn(version.publishedAt, tz)) {
        problems.push('filedOn: lies before the version was published');
      }
      if (dto.filedOn > dayIn(new Date(), tz)) problems.push('filedOn: lies in the future');
      if (problems.length) throw new InvalidError(problems);
      if (dto.fileId) await this.files.claim([dto.fileId], plan.enterpriseId, 'fileId');
      const before = filingOf(version);
      version.filedOn = dto.filedOn;
      version.filedWith = dto.filedWith;
      version.filingReceiptNo = dto.receiptNo ?? '';
      version.filingFileId = dto.fileId ?? null;
      version.filedBy = this.access.actorName();
      await this.plans.saveVersion(version);
      await this.audit.record({
        action: 'plan_version.filed',
        entity: 'plan_version',
        entityId: id,
        before,
        after: { planId: plan.id, number: version.number, ...filingOf(version) },
      });
    });
    return this.get(id);
  }

  /** One workflow step under the plan's row lock, on the version's current row, audited. */
  private async transition(
    id: string,
    action: AuditAction,
    change: (v: PlanVersion, plan: Plan) => Promise<object | void>,
    extra: object = {},
  ): Promise<void> {
    await this.db.transaction(async () => {
      const { plan } = await this.plans.getVersion(id);
      this.access.assertWritable(plan);
      await this.plans.lock(plan.id);
      const version = await this.plans.reloadVersion(id);
      const before = { status: version.status };
      const more = (await change(version, plan)) ?? {};
      await this.plans.saveVersion(version);
      await this.audit.record({
        action,
        entity: 'plan_version',
        entityId: id,
        before,
        after: { planId: plan.id, number: version.number, status: version.status, ...more, ...extra },
      });
    });
  }
}

function filingOf(v: PlanVersion) {
  return {
    filedOn: v.filedOn,
    filedWith: v.filedWith,
    receiptNo: v.filingReceiptNo,
    fileId: v.filingFileId,
    filedBy: v.filedBy,
  };
}

function paperworkOf(v: PlanVersion) {
  return {
    review: v.reviewKind
      ? {
          kind: v.reviewKind,
          heldOn: v.reviewHeldOn,
          members: v.reviewMembers,
          conclusion: v.reviewConclusion,
        }
      : null,
    signature: v.signedBy ? { signedBy: v.signedBy, signedOn: v.signedOn } : null,
    neighbourNotice: {
      required: v.concernsNeighbours,
      notifiedOn: v.neighboursNotifiedOn,
      notified: v.neighboursNotified,
      how: v.neighbourNoticeHow,
    },
  };
}
