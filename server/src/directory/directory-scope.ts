import type { RequestContext } from '../common/request-context.js';
import { InvalidError } from '../common/domain-errors.js';

/**
 * The owner of a new directory record: an enterprise officer always creates for their own
 * enterprise (an attempt to name another is refused rather than silently changed); zone roles
 * choose, null meaning the zone itself.
 */
export function ownerForCreate(context: RequestContext, requested: string | null | undefined): string | null {
  const scope = context.scope();
  if (scope.kind === 'enterprise') {
    if (requested && requested !== scope.enterpriseId) {
      throw new InvalidError(['enterpriseId: you may only create records of your own enterprise']);
    }
    return scope.enterpriseId;
  }
  return requested ?? null;
}

/** The owner may not change after creation: records would silently move between scopes. */
export function assertOwnerUnchanged(current: string | null, requested: string | null | undefined): void {
  if (requested !== undefined && requested !== current) {
    throw new InvalidError(['enterpriseId: the owner of a record cannot be changed']);
  }
}
