import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import type { PlanVersion } from './plan-version.entity.js';
import type { Plan } from './plan.entity.js';
import { PlanRepository } from './plan.repository.js';

/**
 * Who may change a plan and what of it may still change, shared by the services of plans,
 * versions, levels and disposal cards: a plan is written by its owner, and only a draft version
 * (with its levels and cards) is edited in place.
 */
@Injectable()
export class PlanAccess {
  constructor(
    private readonly plans: PlanRepository,
    private readonly context: RequestContext,
  ) {}

  /** The owner of a new plan: the one asked for (null: the zone), else an officer's own enterprise. */
  owner(requested: string | null | undefined): string | null {
    const principal = this.context.principal();
    if (requested === undefined)
      return principal?.role === 'enterprise_officer' ? principal.enterpriseId : null;
    return requested;
  }

  /** Zone plans are visible to enterprise officers but changed by the zone only. */
  assertWritable(p: Plan): void {
    if (p.enterpriseId === null && this.context.scope().kind !== 'zone') {
      throw new ForbiddenError('Zone plans are maintained by the zone');
    }
  }

  /** Who submits or publishes, as the version records it. */
  actorName(): string {
    const p = this.context.principal();
    return p ? `${p.name} <${p.email}>` : `system:${this.context.systemActor() ?? 'unknown'}`;
  }

  /**
   * A draft version the caller may edit, with its plan. `notFound` names what the caller asked
   * for when that is a level or card of the version, so a 404 speaks of it rather than the version.
   */
  async draftVersion(id: string, notFound?: string): Promise<{ version: PlanVersion; plan: Plan }> {
    const found = await this.plans.getVersion(id).catch((e: unknown) => {
      if (notFound && e instanceof NotFoundError) throw new NotFoundError(notFound);
      throw e;
    });
    this.assertWritable(found.plan);
    if (found.version.status !== 'draft') {
      throw new ConflictError(
        `Version ${found.version.number} is ${found.version.status}; only a draft can be edited (start a new version)`,
      );
    }
    return found;
  }
}
