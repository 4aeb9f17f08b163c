import { Injectable } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { isZoneRole, type Role } from '@muster/contracts';

/** The authenticated caller, as loaded from the database for this request. */
export interface Principal {
  id: string;
  email: string;
  name: string;
  role: Role;
  enterpriseId: string | null;
}

/**
 * Which enterprise records the caller may see. Computed in one place so that no handler can
 * forget it: repositories of enterprise-owned records read it from here on every query.
 */
export type Scope = { kind: 'zone' } | { kind: 'enterprise'; enterpriseId: string } | { kind: 'none' };

export function scopeOf(principal: Principal | null | undefined, system = false): Scope {
  if (system) return { kind: 'zone' };
  if (!principal) return { kind: 'none' };
  if (isZoneRole(principal.role)) return { kind: 'zone' };
  if (principal.enterpriseId) return { kind: 'enterprise', enterpriseId: principal.enterpriseId };
  return { kind: 'none' };
}

export interface ContextStore {
  principal?: Principal;
  /** Background work (seeding, jobs) acting for the system rather than a person. */
  system?: string;
  requestId?: string;
  ip?: string;
}

const storage = new AsyncLocalStorage<ContextStore>();

/**
 * Who is acting, for the current request or job. Held in AsyncLocalStorage so services and
 * repositories read it without every method passing it along.
 */
@Injectable()
export class RequestContext {
  run<T>(store: ContextStore, fn: () => T): T {
    return storage.run(store, fn);
  }

  principal(): Principal | null {
    return storage.getStore()?.principal ?? null;
  }

  scope(): Scope {
    const store = storage.getStore();
    return store ? scopeOf(store.principal, Boolean(store.system)) : { kind: 'none' };
  }

  systemActor(): string | null {
    return storage.getStore()?.system ?? null;
  }

  requestId(): string | null {
    return storage.getStore()?.requestId ?? null;
  }

  ip(): string | null {
    return storage.getStore()?.ip ?? null;
  }

  /** Runs `fn` as the named system actor, with zone scope (CLI seeding, background jobs). */
  runAsSystem<T>(actor: string, fn: () => Promise<T>): Promise<T> {
    return storage.run({ system: actor }, fn);
  }
}
