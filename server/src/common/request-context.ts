import { Injectable } from '@nestjs/common';
import { ClsService, type ClsStore } from 'nestjs-cls';
import { isZoneRole, type Role } from '../contracts/roles.js';

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

export interface MusterCls extends ClsStore {
  principal?: Principal;
  /** Background work (seeding, jobs) acting for the system rather than a person. */
  system?: string;
  ip?: string;
}

@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService<MusterCls>) {}

  principal(): Principal | null {
    return this.cls.isActive() ? (this.cls.get('principal') ?? null) : null;
  }

  setPrincipal(principal: Principal): void {
    this.cls.set('principal', principal);
  }

  scope(): Scope {
    if (!this.cls.isActive()) return { kind: 'none' };
    return scopeOf(this.cls.get('principal'), Boolean(this.cls.get('system')));
  }

  systemActor(): string | null {
    return this.cls.isActive() ? (this.cls.get('system') ?? null) : null;
  }

  requestId(): string | null {
    return this.cls.isActive() ? (this.cls.getId() ?? null) : null;
  }

  ip(): string | null {
    return this.cls.isActive() ? (this.cls.get('ip') ?? null) : null;
  }

  /** Runs `fn` as the named system actor, with zone scope (used by CLI seeding and workers). */
  runAsSystem<T>(actor: string, fn: () => Promise<T>): Promise<T> {
    return this.cls.run(async () => {
      this.cls.set('system', actor);
      return fn();
    });
  }
}
