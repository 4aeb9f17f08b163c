import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { Db } from '../database/db.js';
import { EnterpriseSafetyOrg, SafetyManager } from './organisation.entities.js';

@Injectable()
export class SafetyOrgRepository extends EnterpriseScopedRepository<EnterpriseSafetyOrg> {
  protected readonly target = EnterpriseSafetyOrg;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Safety organisation not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  ofEnterprises(enterpriseIds: readonly string[]): Promise<EnterpriseSafetyOrg[]> {
    if (!enterpriseIds.length) return Promise.resolve([]);
    return this.query('o')
      .andWhere('o.enterpriseId IN (:...ids)', { ids: [...enterpriseIds] })
      .getMany();
  }

  /** The managers of these enterprises, within the caller's scope. */
  managersOf(enterpriseIds: readonly string[]): Promise<SafetyManager[]> {
    const scope = this.context.scope();
    const ids =
      scope.kind === 'zone'
        ? [...enterpriseIds]
        : enterpriseIds.filter((id) => scope.kind === 'enterprise' && id === scope.enterpriseId);
    if (!ids.length) return Promise.resolve([]);
    return this.db
      .repo(SafetyManager)
      .find({ where: { enterpriseId: In(ids) }, order: { kind: 'ASC', id: 'ASC' } });
  }

  /** Writes the organisation and replaces its list of managers. */
  async replace(org: EnterpriseSafetyOrg, managers: Omit<SafetyManager, 'id'>[]): Promise<void> {
    this.assertInScope(org.enterpriseId);
    await this.repo.save(org);
    await this.db.repo(SafetyManager).delete({ enterpriseId: org.enterpriseId });
    if (managers.length) await this.db.repo(SafetyManager).insert(managers);
  }
}
