import { Injectable } from '@nestjs/common';
import type { DisposalCardView } from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { NotFoundError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { DisposalCard } from './disposal-card.entity.js';
import { PlanAccess } from './plan-access.js';
import type { CardCreateDto, CardUpdateDto } from './plan.dto.js';
import { mapCard } from './plan.view.js';
import { PlanRepository } from './plan.repository.js';

/** The disposal cards (应急处置卡) of a draft version: what each post does, step by step. */
@Injectable()
export class DisposalCardService {
  constructor(
    private readonly db: Db,
    private readonly plans: PlanRepository,
    private readonly access: PlanAccess,
    private readonly audit: AuditService,
  ) {}

  /** A new card goes last unless given a position. */
  async add(versionId: string, dto: CardCreateDto): Promise<DisposalCardView> {
    return this.db.transaction(async () => {
      await this.access.draftVersion(versionId);
      const existing = await this.plans.cardsOf(versionId);
      const c = new DisposalCard();
      c.versionId = versionId;
      c.position = dto.position ?? existing.length;
      c.hazards = '';
      c.precautions = [];
      c.contacts = [];
      applyCard(c, dto);
      const saved = await this.plans.saveCard(c);
      await this.audit.record({
        action: 'disposal_card.created',
        entity: 'disposal_card',
        entityId: saved.id,
        after: saved,
      });
      return mapCard(saved);
    });
  }

  async update(id: string, dto: CardUpdateDto): Promise<DisposalCardView> {
    return this.db.transaction(async () => {
      const c = await this.plans.findCard(id);
      if (!c) throw new NotFoundError('Disposal card not found');
      await this.access.draftVersion(c.versionId, 'Disposal card not found');
      const before = { ...c };
      applyCard(c, dto);
      const saved = await this.plans.saveCard(c);
      await this.audit.record({
        action: 'disposal_card.updated',
        entity: 'disposal_card',
        entityId: id,
        before,
        after: saved,
      });
      return mapCard(saved);
    });
  }

  async remove(id: string): Promise<void> {
    await this.db.transaction(async () => {
      const c = await this.plans.findCard(id);
      if (!c) throw new NotFoundError('Disposal card not found');
      await this.access.draftVersion(c.versionId, 'Disposal card not found');
      await this.plans.removeCard(id);
      await this.audit.record({
        action: 'disposal_card.deleted',
        entity: 'disposal_card',
        entityId: id,
        before: c,
      });
    });
  }
}

function applyCard(c: DisposalCard, dto: CardUpdateDto): void {
  if (dto.post !== undefined) c.post = dto.post;
  if (dto.title !== undefined) c.title = dto.title;
  if (dto.hazards !== undefined) c.hazards = dto.hazards;
  if (dto.steps !== undefined) c.steps = dto.steps;
  if (dto.precautions !== undefined) c.precautions = dto.precautions;
  if (dto.contacts !== undefined) c.contacts = dto.contacts.map(({ name, phone }) => ({ name, phone }));
  if (dto.position !== undefined) c.position = dto.position;
}
