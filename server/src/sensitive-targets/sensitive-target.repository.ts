import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { SensitiveTargetKind } from '@muster/contracts';
import { NotFoundError } from '../common/domain-errors.js';
import { Db } from '../database/db.js';
import { SensitiveTarget } from './sensitive-target.entity.js';

/** The zone's register: every reader sees all of it, so there is no enterprise scope. */
@Injectable()
export class SensitiveTargetRepository {
  constructor(private readonly db: Db) {}

  async list(q: {
    q?: string;
    kind?: SensitiveTargetKind;
    skip: number;
    take: number;
  }): Promise<[SensitiveTarget[], number]> {
    const qb = this.db.repo(SensitiveTarget).createQueryBuilder('t');
    if (q.kind) qb.andWhere('t.kind = :kind', { kind: q.kind });
    if (q.q) {
      qb.andWhere(
        `(t.name ILIKE :like ESCAPE '\\' OR t.address ILIKE :like ESCAPE '\\' OR t.contact_name ILIKE :like ESCAPE '\\')`,
        { like: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    return qb.orderBy('t.kind').addOrderBy('t.name').skip(q.skip).take(q.take).getManyAndCount();
  }

  all(): Promise<SensitiveTarget[]> {
    return this.db.repo(SensitiveTarget).find({ order: { kind: 'ASC', name: 'ASC' } });
  }

  findByIds(ids: string[]): Promise<SensitiveTarget[]> {
    return ids.length ? this.db.repo(SensitiveTarget).findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async getById(id: string): Promise<SensitiveTarget> {
    const t = await this.db.repo(SensitiveTarget).findOneBy({ id });
    if (!t) throw new NotFoundError('Sensitive target not found');
    return t;
  }

  save(t: SensitiveTarget): Promise<SensitiveTarget> {
    return this.db.repo(SensitiveTarget).save(t);
  }

  async remove(t: SensitiveTarget): Promise<void> {
    await this.db.repo(SensitiveTarget).delete({ id: t.id });
  }
}
