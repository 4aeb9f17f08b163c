import { Injectable } from '@nestjs/common';
import {
  assessInstallation,
  type InstallationExposure,
  type InstallationView,
  type ListResponse,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenError, InvalidError } from '../common/domain-errors.js';
import { pageWindow } from '../common/paging.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import type {
  InstallationCreateDto,
  InstallationListQueryDto,
  InstallationUpdateDto,
} from './installation.dto.js';
import { Installation } from './installation.entity.js';
import { InstallationRepository } from './installation.repository.js';
import { mapInstallation } from './installation.view.js';

/** The register of major hazard installations (GB 18218-2018) of the zone's enterprises. */
@Injectable()
export class InstallationService {
  constructor(
    private readonly db: Db,
    private readonly installations: InstallationRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly context: RequestContext,
    private readonly audit: AuditService,
  ) {}

  async list(q: InstallationListQueryDto): Promise<ListResponse<InstallationView>> {
    const [rows, total] = await this.installations.list({ ...q, ...pageWindow(q) });
    return { items: await this.views(rows), total };
  }

  async get(id: string): Promise<InstallationView> {
    const [view] = await this.views([await this.installations.getById(id)]);
    return view!;
  }

  /** Installations the caller may see among `ids`, as views (monitoring shows what a point belongs to). */
  async byIds(ids: readonly string[]): Promise<InstallationView[]> {
    return this.views(await this.installations.findByIds(ids));
  }

  /**
   * What the consequence models and plan suggestion read: an enterprise's installations with
   * their grade, place and chemicals, the major hazard installations first.
   */
  async exposureFor(enterpriseId: string): Promise<InstallationExposure[]> {
    await this.enterprises.getById(enterpriseId);
    const [rows] = await this.installations.list({ enterpriseId, skip: 0, take: 500 });
    return rows.map((i) => ({
      installationId: i.id,
      code: i.code,
      name: i.name,
      grade: i.grade,
      location: i.lat !== null && i.lng !== null ? { lat: i.lat, lng: i.lng } : null,
      chemicals: i.chemicals.map((c) => ({
        name: c.name,
        substance: c.substance,
        category: c.category,
        maxQuantityT: c.maxQuantityT,
      })),
    }));
  }

  async create(dto: InstallationCreateDto): Promise<InstallationView> {
    const enterpriseId = this.ownerOf(dto.enterpriseId);
    return this.db.transaction(async () => {
      if (!(await this.enterprises.findById(enterpriseId)))
        throw new InvalidError(['enterpriseId: no such enterprise']);
      const i = new Installation();
      i.enterpriseId = enterpriseId;
      i.responsible = { principal: null, technical: null, operational: null };
      apply(i, dto);
      const saved = await this.installations.save(i);
      const view = await this.get(saved.id);
      await this.audit.record({
        action: 'installation.created',
        entity: 'installation',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: InstallationUpdateDto): Promise<InstallationView> {
    return this.db.transaction(async () => {
      const i = await this.installations.getById(id);
      if (dto.enterpriseId !== undefined && dto.enterpriseId !== i.enterpriseId)
        throw new InvalidError(['enterpriseId: an installation stays with its enterprise']);
      const before = await this.get(id);
      apply(i, dto);
      await this.installations.save(i);
      const after = await this.get(id);
      await this.audit.record({
        action: 'installation.updated',
        entity: 'installation',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  private ownerOf(requested: string | undefined): string {
    const me = this.context.principal();
    if (me?.role === 'enterprise_officer') {
      if (requested && requested !== me.enterpriseId)
        throw new ForbiddenError(
          'enterpriseId: an officer registers installations of their own enterprise only',
        );
      return me.enterpriseId!;
    }
    if (!requested) throw new InvalidError(['enterpriseId: required']);
    return requested;
  }

  private async views(rows: Installation[]): Promise<InstallationView[]> {
    const names = await this.enterprises.namesByIds([...new Set(rows.map((r) => r.enterpriseId))]);
    return rows.map((r) => mapInstallation(r, names.get(r.enterpriseId) ?? ''));
  }
}

/** Writes the given fields and recomputes the identification and grading from the result. */
function apply(i: Installation, dto: InstallationUpdateDto): void {
  if (dto.code !== undefined) i.code = dto.code;
  if (dto.name !== undefined) i.name = dto.name;
  if (dto.kind !== undefined) i.kind = dto.kind;
  if (dto.location !== undefined) {
    i.lat = dto.location?.lat ?? null;
    i.lng = dto.location?.lng ?? null;
  }
  if (dto.peopleExposed !== undefined) i.peopleExposed = dto.peopleExposed;
  if (dto.chemicals !== undefined)
    i.chemicals = dto.chemicals.map((c) => ({
      substance: c.substance ?? null,
      name: c.name,
      category: c.category,
      maxQuantityT: c.maxQuantityT,
    }));
  if (dto.responsible !== undefined)
    i.responsible = {
      principal: dto.responsible.principal ?? null,
      technical: dto.responsible.technical ?? null,
      operational: dto.responsible.operational ?? null,
    };
  const a = assessInstallation(i.chemicals, i.peopleExposed);
  i.ratioSum = a.ratioSum;
  i.rValue = a.r;
  i.grade = a.grade;
}
