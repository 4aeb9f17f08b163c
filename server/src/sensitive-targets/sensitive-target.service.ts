import { Injectable } from '@nestjs/common';
import type { ListResponse, SensitiveTargetView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { pageWindow } from '../common/paging.js';
import { Db } from '../database/db.js';
import type {
  SensitiveTargetCreateDto,
  SensitiveTargetListQueryDto,
  SensitiveTargetUpdateDto,
} from './sensitive-target.dto.js';
import { SensitiveTarget } from './sensitive-target.entity.js';
import { SensitiveTargetRepository } from './sensitive-target.repository.js';
import { mapSensitiveTarget } from './sensitive-target.view.js';

/** The register of sensitive targets; warnings read it through `all()`. */
@Injectable()
export class SensitiveTargetService {
  constructor(
    private readonly db: Db,
    private readonly targets: SensitiveTargetRepository,
    private readonly audit: AuditService,
  ) {}

  async list(q: SensitiveTargetListQueryDto): Promise<ListResponse<SensitiveTargetView>> {
    const [rows, total] = await this.targets.list({ q: q.q, kind: q.kind, ...pageWindow(q) });
    return { items: rows.map(mapSensitiveTarget), total };
  }

  /** The whole register: the map draws it and a warning looks for what is inside its area. */
  async all(): Promise<SensitiveTargetView[]> {
    return (await this.targets.all()).map(mapSensitiveTarget);
  }

  async get(id: string): Promise<SensitiveTargetView> {
    return mapSensitiveTarget(await this.targets.getById(id));
  }

  async create(dto: SensitiveTargetCreateDto): Promise<SensitiveTargetView> {
    return this.db.transaction(async () => {
      const t = new SensitiveTarget();
      apply(t, dto);
      const view = mapSensitiveTarget(await this.targets.save(t));
      await this.audit.record({
        action: 'sensitive_target.created',
        entity: 'sensitive_target',
        entityId: view.id,
        after: view,
      });
      return view;
    });
  }

  async update(id: string, dto: SensitiveTargetUpdateDto): Promise<SensitiveTargetView> {
    return this.db.transaction(async () => {
      const t = await this.targets.getById(id);
      const before = mapSensitiveTarget(t);
      apply(t, dto);
      const view = mapSensitiveTarget(await this.targets.save(t));
      await this.audit.record({
        action: 'sensitive_target.updated',
        entity: 'sensitive_target',
        entityId: id,
        before,
        after: view,
      });
      return view;
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const t = await this.targets.getById(id);
      const before = mapSensitiveTarget(t);
      await this.targets.remove(t);
      await this.audit.record({
        action: 'sensitive_target.deleted',
        entity: 'sensitive_target',
        entityId: id,
        before,
      });
    });
  }
}

function apply(t: SensitiveTarget, dto: SensitiveTargetUpdateDto): void {
  const { location, ...rest } = dto;
  for (const [k, v] of Object.entries(rest)) {
    if (v !== undefined) (t as unknown as Record<string, unknown>)[k] = v;
  }
  if (location) {
    t.lat = location.lat;
    t.lng = location.lng;
  }
  t.address ??= '';
  t.outline ??= null;
  t.populationDay ??= 0;
  t.populationNight ??= 0;
  t.contactName ??= '';
  t.contactPhone ||= null;
  t.notes ??= '';
}
