import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { escapeLike } from '../common/sql.js';
import { Rotation, RotationMember, RotationOverride } from './rotation.entity.js';

export interface RotationFilter {
  q?: string;
  enterpriseId?: string;
  contactId?: string;
  skip: number;
  take: number;
}

@Injectable()
export class RotationRepository extends EnterpriseScopedRepository<Rotation> {
  protected readonly target = Rotation;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Rotation not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  async list(f: RotationFilter): Promise<[Rotation[], number]> {
    const qb = this.query('r').orderBy('r.name', 'ASC').addOrderBy('r.id', 'ASC').skip(f.skip).take(f.take);
    if (f.q) qb.andWhere('r.name ILIKE :q', { q: `%${escapeLike(f.q)}%` });
    if (f.enterpriseId === 'zone') qb.andWhere('r.enterpriseId IS NULL');
    else if (f.enterpriseId) qb.andWhere('r.enterpriseId = :eid', { eid: f.enterpriseId });
    if (f.contactId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM rotation_member m WHERE m.rotation_id = r.id AND m.contact_id = :cid)',
        { cid: f.contactId },
      );
    }
    const [rows, total] = await qb.getManyAndCount();
    await this.attach(rows);
    return [rows, total];
  }

  override async findById(id: string): Promise<Rotation | null> {
    const r = await super.findById(id);
    if (r) await this.attach([r]);
    return r;
  }

  async findByIds(ids: readonly string[]): Promise<Rotation[]> {
    if (ids.length === 0) return [];
    const rows = await this.query('r')
      .andWhere('r.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getMany();
    await this.attach(rows);
    return rows;
  }

  /** Saves the rotation and replaces its member order with `r.memberContactIds`. */
  async save(r: Rotation): Promise<Rotation> {
    this.assertInScope(r.enterpriseId);
    const members = r.memberContactIds;
    const overrides = r.overrides;
    const saved = await this.repo.save(r);
    const memberRepo = this.db.repo(RotationMember);
    await memberRepo.delete({ rotationId: saved.id });
    await memberRepo.insert(
      members.map((contactId, position) => ({ rotationId: saved.id, position, contactId })),
    );
    saved.memberContactIds = members;
    saved.overrides = overrides ?? [];
    return saved;
  }

  async remove(r: Rotation): Promise<void> {
    this.assertInScope(r.enterpriseId);
    await this.repo.delete({ id: r.id });
  }

  async addOverride(r: Rotation, o: Omit<RotationOverride, 'id' | 'createdAt'>): Promise<RotationOverride> {
    this.assertInScope(r.enterpriseId);
    const repo = this.db.repo(RotationOverride);
    return repo.save(repo.create(o));
  }

  async removeOverride(r: Rotation, overrideId: string): Promise<boolean> {
    this.assertInScope(r.enterpriseId);
    const res = await this.db.repo(RotationOverride).delete({ id: overrideId, rotationId: r.id });
    return (res.affected ?? 0) > 0;
  }

  private async attach(rotations: Rotation[]): Promise<void> {
    if (rotations.length === 0) return;
    const ids = rotations.map((r) => r.id);
    const members = await this.db
      .repo(RotationMember)
      .createQueryBuilder('m')
      .where('m.rotationId IN (:...ids)', { ids })
      .orderBy('m.position', 'ASC')
      .getMany();
    const overrides = await this.db
      .repo(RotationOverride)
      .createQueryBuilder('o')
      .where('o.rotationId IN (:...ids)', { ids })
      .orderBy('o.startsAt', 'ASC')
      .addOrderBy('o.createdAt', 'ASC')
      .getMany();
    for (const r of rotations) {
      r.memberContactIds = members.filter((m) => m.rotationId === r.id).map((m) => m.contactId);
      r.overrides = overrides.filter((o) => o.rotationId === r.id);
    }
  }
}
