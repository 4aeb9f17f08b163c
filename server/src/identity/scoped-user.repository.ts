import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { User } from './user.entity.js';

/**
 * User accounts as someone other than the zone admin may name them in a request (a task's
 * assignee, the account behind a directory contact): in the caller's scope like every
 * enterprise-owned record, so an officer names the users of their own enterprise only and any
 * other id is not found. Managing accounts stays with `UserRepository`, which is the zone
 * admin's and unscoped.
 */
@Injectable()
export class ScopedUserRepository extends EnterpriseScopedRepository<User> {
  protected readonly target = User;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'User not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }
}
