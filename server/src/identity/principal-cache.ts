import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { UserRepository } from './user.repository.js';

interface Entry {
  principal: Principal;
  until: number;
}

/** Past this many entries, expired ones are swept on the next store. */
const SWEEP_AT = 10_000;

/**
 * Who a token's user is, as the access guard needs it on every request. Reading the user costs a
 * database round trip per request, a large share of a short one, so an active user is kept for
 * ACCESS_CACHE_SECONDS. A change to a user made through this process (deactivation, role,
 * enterprise) forgets the entry once it commits; another process's copy expires within the TTL.
 * Only active users are kept: a refusal is always read fresh, so reactivation applies at once.
 */
@Injectable()
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  /**
   * Bumped by every `forget`: a lookup that started before a change and finishes after it must
   * not store what it read, or the old state would outlive the change by a full TTL.
   */
  private generation = 0;

  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.ACCESS_CACHE_SECONDS * 1000;
  }

  /** The active user as a principal, or null when the account is deactivated or gone. */
  async activePrincipal(userId: string): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.until > now) return hit.principal;
    if (hit) this.entries.delete(userId);
    const generation = this.generation;
    const user = await this.users.findActiveById(userId);
    if (!user) return null;
    const principal: Principal = Object.freeze({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      enterpriseId: user.enterpriseId,
    });
    if (this.ttlMs > 0 && generation === this.generation) {
      if (this.entries.size >= SWEEP_AT) this.sweep(now);
      this.entries.set(userId, { principal, until: now + this.ttlMs });
    }
    return principal;
  }

  forget(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }

  private sweep(now: number): void {
    for (const [id, e] of this.entries) if (e.until <= now) this.entries.delete(id);
  }
}
