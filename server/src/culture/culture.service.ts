import { Inject, Injectable } from '@nestjs/common';
import {
  CULTURE_ACTIVITY_KINDS,
  type CultureActivityKind,
  type CultureActivityView,
  type CultureOrganiserCount,
  type CultureYearStats,
  type ListResponse,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidError, NotFoundError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { ContactRepository } from '../directory/contact.repository.js';
import { ContactService } from '../directory/contact.service.js';
import { EnterpriseService } from '../enterprises/enterprise.service.js';
import { type AcceptedMime, isImage } from '../files/file-type.js';
import { FileService } from '../files/file.service.js';
import { zoneDate } from '../zone/zone-time.js';
import type { ActivityCreateDto, ActivityListQueryDto, ActivityUpdateDto } from './culture.dto.js';
import { CultureActivity } from './culture.entities.js';
import {
  type ActivityStatRow,
  CultureActivityRepository,
  ModelApplicationRepository,
} from './culture.repository.js';
import { mapActivity } from './culture.view.js';

/** How the committee is named as an activity's organiser. */
const ZONE_ORGANISER = '杜集经济开发区管委会';

/** One enterprise's activities of a year, for the assessment. */
export interface ActivityCount {
  total: number;
  byKind: Partial<Record<CultureActivityKind, number>>;
}

/**
 * Publicity activities (安全宣传活动): an enterprise records its own, the zone's staff theirs and
 * any enterprise's; the zone sees all. Also the finders the assessment reads (activity counts,
 * the model enterprises).
 */
@Injectable()
export class CultureService {
  constructor(
    private readonly db: Db,
    private readonly activities: CultureActivityRepository,
    private readonly applications: ModelApplicationRepository,
    private readonly enterprises: EnterpriseService,
    private readonly contacts: ContactRepository,
    private readonly contactNames: ContactService,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  thisYear(): number {
    return Number(zoneDate(this.clock.now(), this.config.TZ).slice(0, 4));
  }

  async list(q: ActivityListQueryDto): Promise<ListResponse<CultureActivityView>> {
    const [rows, total] = await this.activities.list({ ...q, ...pageWindow(q) });
    return { items: await this.mapMany(rows), total };
  }

  async get(id: string): Promise<CultureActivityView> {
    const [view] = await this.mapMany([await this.activities.getById(id)]);
    return view!;
  }

  async create(dto: ActivityCreateDto): Promise<CultureActivityView> {
    const enterpriseId = await this.organiser(dto.enterpriseId);
    return this.db.transaction(async () => {
      const a = Object.assign(new CultureActivity(), {
        enterpriseId,
        heldOn: dto.heldOn,
        kind: dto.kind,
        title: dto.title,
        place: dto.place,
        participantCount: dto.participantCount,
        participantContactIds: await this.checkParticipants(dto.participantContactIds ?? [], enterpriseId),
        description: dto.description,
        photoFileIds: await this.claimPhotos(dto.photoFileIds ?? [], enterpriseId),
        createdBy: this.context.principal()?.id ?? null,
      });
      const saved = await this.activities.save(a);
      const view = await this.get(saved.id);
      await this.audit.record({
        action: 'culture_activity.created',
        entity: 'culture_activity',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: ActivityUpdateDto): Promise<CultureActivityView> {
    return this.db.transaction(async () => {
      const a = await this.activities.getById(id);
      if (dto.enterpriseId !== undefined && dto.enterpriseId !== a.enterpriseId) {
        throw new InvalidError(['enterpriseId: an activity keeps its organiser']);
      }
      const before = await this.get(id);
      if (dto.heldOn !== undefined) a.heldOn = dto.heldOn;
      if (dto.kind !== undefined) a.kind = dto.kind;
      if (dto.title !== undefined) a.title = dto.title;
      if (dto.place !== undefined) a.place = dto.place;
      if (dto.participantCount !== undefined) a.participantCount = dto.participantCount;
      if (dto.description !== undefined) a.description = dto.description;
      if (dto.participantContactIds !== undefined) {
        a.participantContactIds = await this.checkParticipants(dto.participantContactIds, a.enterpriseId);
      }
      if (dto.photoFileIds !== undefined)
        a.photoFileIds = await this.claimPhotos(dto.photoFileIds, a.enterpriseId);
      await this.activities.save(a);
      const after = await this.get(id);
      await this.audit.record({
        action: 'culture_activity.updated',
        entity: 'culture_activity',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const a = await this.activities.getById(id);
      const before = await this.get(id);
      await this.activities.remove(a);
      await this.audit.record({
        action: 'culture_activity.deleted',
        entity: 'culture_activity',
        entityId: id,
        before,
      });
    });
  }

  /** The year in counts: by kind, by month, and per organiser (each enterprise, and the zone). */
  async yearStats(year = this.thisYear()): Promise<CultureYearStats> {
    const rows = await this.activities.statRows(year);
    const names = await this.enterprises.namesByIds(
      rows.flatMap((r) => (r.enterpriseId ? [r.enterpriseId] : [])),
    );
    const byOrganiser = new Map<string, CultureOrganiserCount>();
    for (const r of rows) {
      const key = r.enterpriseId ?? 'zone';
      const o = byOrganiser.get(key) ?? {
        enterpriseId: r.enterpriseId,
        organiserName: r.enterpriseId ? (names.get(r.enterpriseId) ?? '') : ZONE_ORGANISER,
        total: 0,
        participants: 0,
        byKind: {},
      };
      o.total++;
      o.participants += r.participantCount;
      o.byKind[r.kind] = (o.byKind[r.kind] ?? 0) + 1;
      byOrganiser.set(key, o);
    }
    return {
      year,
      total: rows.length,
      participants: rows.reduce((s, r) => s + r.participantCount, 0),
      byKind: countByKind(rows),
      byMonth: Array.from({ length: 12 }, (_, m) => rows.filter((r) => r.month === m + 1).length),
      byOrganiser: [...byOrganiser.values()].sort(
        (a, b) => b.total - a.total || a.organiserName.localeCompare(b.organiserName, 'zh-CN'),
      ),
    };
  }

  /** For the assessment: each enterprise's activities of a year (in the caller's scope). */
  async activityCountsByEnterprise(
    year: number,
    enterpriseIds: readonly string[],
  ): Promise<Map<string, ActivityCount>> {
    const rows = await this.activities.statRows(year, enterpriseIds);
    return new Map(
      enterpriseIds.map((id) => {
        const own = rows.filter((r) => r.enterpriseId === id);
        return [id, { total: own.length, byKind: countByKind(own) }];
      }),
    );
  }

  /** For the assessment: the enterprises holding a model-enterprise title on that day. */
  async modelEnterpriseIds(asOf: Date): Promise<string[]> {
    const held = await this.applications.inForce(zoneDate(asOf, this.config.TZ), this.config.TZ);
    return [...new Set(held.map((m) => m.enterpriseId))];
  }

  /** Whose activity it is: an officer's own enterprise; the zone's own unless it names one. */
  private async organiser(requested: string | undefined): Promise<string | null> {
    const scope = this.context.scope();
    if (scope.kind === 'enterprise') {
      if (requested && requested !== scope.enterpriseId) {
        throw new InvalidError(['enterpriseId: you may only record your own enterprise’s activities']);
      }
      return scope.enterpriseId;
    }
    if (!requested) return null;
    const [enterprise] = await this.enterprises.profiles(requested);
    if (!enterprise) throw new NotFoundError('Enterprise not found');
    return requested;
  }

  /** People of the directory the caller may see, of the organiser (any, for the zone's own). */
  private async checkParticipants(ids: string[], enterpriseId: string | null): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await this.contacts.findByIds(unique)).map((c) => [c.id, c]));
    const problems = unique
      .filter((id) => {
        const c = found.get(id);
        return !c || (enterpriseId !== null && c.enterpriseId !== enterpriseId);
      })
      .map((id) => `participantContactIds: contact ${id} does not exist or is not of the organiser`);
    if (problems.length) throw new InvalidError(problems);
    return unique;
  }

  /** Photos are images: a PDF, which the file store takes, is refused by the type sniffed from its bytes. */
  private async claimPhotos(ids: string[], enterpriseId: string | null): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const claimed = await this.files.claim(unique, enterpriseId, 'photoFileIds');
    const notImages = claimed
      .filter((f) => !isImage(f.mime as AcceptedMime))
      .map((f) => `photoFileIds: file ${f.id} (${f.name}) is not an image`);
    if (notImages.length) throw new InvalidError(notImages);
    return unique;
  }

  private async mapMany(rows: CultureActivity[]): Promise<CultureActivityView[]> {
    const names = await this.enterprises.namesByIds(
      rows.flatMap((a) => (a.enterpriseId ? [a.enterpriseId] : [])),
    );
    const people = new Map(
      (await this.contactNames.summariesByIds(rows.flatMap((a) => a.participantContactIds))).map((c) => [
        c.id,
        c.name,
      ]),
    );
    const files = await this.files.viewsByIds(rows.flatMap((a) => a.photoFileIds));
    return rows.map((a) =>
      mapActivity(a, a.enterpriseId ? (names.get(a.enterpriseId) ?? '') : ZONE_ORGANISER, people, files),
    );
  }
}

function countByKind(rows: readonly ActivityStatRow[]): Partial<Record<CultureActivityKind, number>> {
  const out: Partial<Record<CultureActivityKind, number>> = {};
  for (const kind of CULTURE_ACTIVITY_KINDS) {
    const n = rows.filter((r) => r.kind === kind).length;
    if (n) out[kind] = n;
  }
  return out;
}
