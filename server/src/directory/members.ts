import type { ContactRepository } from './contact.repository.js';
import { InvalidError } from '../common/domain-errors.js';

/**
 * Checks that every contact named by a team or rotation exists and is visible to the caller, and
 * that an enterprise's team or rotation names only that enterprise's people (a zone team may
 * include anyone in the zone).
 */
export async function checkMembers(
  contacts: ContactRepository,
  field: string,
  ids: readonly string[],
  ownerEnterpriseId: string | null,
): Promise<void> {
  const found = new Map((await contacts.findByIds(ids)).map((c) => [c.id, c]));
  const problems: string[] = [];
  for (const id of new Set(ids)) {
    const c = found.get(id);
    if (!c) problems.push(`${field}: no such contact ${id}`);
    else if (ownerEnterpriseId && c.enterpriseId !== ownerEnterpriseId) {
      problems.push(`${field}: contact ${id} (${c.name}) belongs to another owner`);
    }
  }
  if (problems.length) throw new InvalidError(problems);
}
