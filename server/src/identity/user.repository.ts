import { Injectable } from '@nestjs/common';
import type { Role } from '../contracts/roles.js';
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

  async recordLoginFailure(id: string, maxFailures: number, lockMinutes: number): Promise<User | null> {
    const rows: { failed_logins: number; locked_until: Date | null }[] = await this.repo.query(
      `UPDATE app_user
          SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
        WHERE id = $1
        RETURNING failed_logins, locked_until`,
      [id, maxFailures, lockMinutes],
    );
    const row = Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows)[0] : rows[0];
    return row
      ? Object.assign(new User(), { id, failedLogins: row.failed_logins, lockedUntil: row.locked_until })
      : null;
  }

  async recordLoginSuccess(id: string): Promise<void> {
    await this.repo.update({ id }, { failedLogins: 0, lockedUntil: null });
  }
}
