import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Role } from '@muster/contracts';
import { Db } from '../database/db.js';
import { User } from './user.entity.js';

/** What other domains read of a user account: who it is and what it may do, nothing more. */
export interface UserSummary {
  id: string;
  name: string;
  role: Role;
  active: boolean;
}

/**
 * User accounts as other domains read them (drills name their directors and evaluators). The
 * answers are whatever the account's enterprise: they name the people a record the caller may
 * already see refers to, and the roles that choose them (director, evaluator) are zone roles.
 * A reference a caller makes in a request is checked with `ScopedUserRepository` instead.
 */
@Injectable()
export class UserFinder {
  constructor(private readonly db: Db) {}

  /** The users among `ids`; unknown ids are left out. */
  async summariesByIds(ids: readonly string[]): Promise<UserSummary[]> {
    if (!ids.length) return [];
    return (await this.db.repo(User).findBy({ id: In([...new Set(ids)]) })).map(summary);
  }

  /** Names by id of the users among `ids`. */
  async namesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map((await this.summariesByIds(ids)).map((u) => [u.id, u.name]));
  }

  /** The active users holding one of `roles`, by name. */
  async activeWithRoles(roles: readonly Role[]): Promise<UserSummary[]> {
    const users = await this.db.repo(User).find({
      where: { active: true, role: In([...roles]) },
      order: { name: 'ASC' },
    });
    return users.map(summary);
  }
}

function summary(u: User): UserSummary {
  return { id: u.id, name: u.name, role: u.role, active: u.active };
}
