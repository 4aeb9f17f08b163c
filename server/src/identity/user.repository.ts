import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Role } from '@muster/contracts';
import { escapeLike } from '../common/sql.js';
import { Db } from '../database/db.js';
import { User } from './user.entity.js';

export interface UserFilter {
  q?: string;
  role?: Role;
  enterpriseId?: string;
  skip: number;
  take: number;
}

/** Users are managed by zone admins only, so this repository is not enterprise-scoped. */
@Injectable()
export class UserRepository {
  constructor(private readonly db: Db) {}

  private get repo() {
    return this.db.repo(User);
  }

  findById(id: string): Promise<User | null> {
    return this.repo.findOneBy({ id });
  }

  findActiveById(id: string): Promise<User | null> {
    return this.repo.findOneBy({ id, active: true });
  }

  /** The current token versions of those of `ids` that are active users. */
  async activeTokenVersions(ids: string[]): Promise<Map<string, number>> {
    const rows = await this.repo.find({
      select: { id: true, tokenVersion: true },
      where: { id: In(ids), active: true },
    });
    return new Map(rows.map((u) => [u.id, u.tokenVersion]));
  }

  /** Includes the password hash, which is otherwise never selected. */
  findForLogin(email: string): Promise<User | null> {
    return this.repo
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  async list(f: UserFilter): Promise<[User[], number]> {
    const qb = this.repo.createQueryBuilder('u').orderBy('u.email', 'ASC').skip(f.skip).take(f.take);
    if (f.q) qb.andWhere('(u.email ILIKE :q OR u.name ILIKE :q)', { q: `%${escapeLike(f.q)}%` });
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (f.enterpriseId) qb.andWhere('u.enterpriseId = :eid', { eid: f.enterpriseId });
    return qb.getManyAndCount();
  }

  save(user: User): Promise<User> {
    return this.repo.save(user);
  }

  /**
   * In SQL rather than through the entity: two changes in flight at once must raise it twice, or a
   * token signed between them would survive the second.
   */
  async raiseTokenVersion(id: string): Promise<void> {
    await this.repo.increment({ id }, 'tokenVersion', 1);
  }
}
