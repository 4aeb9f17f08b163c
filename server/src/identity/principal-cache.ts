import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { Revocations } from './revocation.js';
import { UserRepository } from './user.repository.js';

interface Entry {
  principal: Principal;
  /** The user's token version when read: never above the one in PostgreSQL, which only rises. */
  tokenVersion: number;
  until: number;
}

/** Past this many entries, expired ones are swept on the next store. */
const SWEEP_AT = 10_000;

/**
 * Who a token's user is, as the access guard needs it on every request. Reading the user costs a
 * database round trip per request, a large share of a short one, so an active user is kept for
 * ACCESS_CACHE_SECONDS. A revocation (deactivation, role, enterprise, password) on any process is
 * announced over Redis and forgets the entry at once; other changes (a name) apply within the TTL.
 * While this process does not hear the announcements (its Redis subscription is down), it keeps
 * nothing and reads the user every time: a stale entry could let a revoked token through.
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
    private readonly revocations: Revocations,
  ) {
    this.ttlMs = config.ACCESS_CACHE_SECONDS * 1000;
    revocations.listen((userId) => (userId ? this.forget(userId) : this.forgetAll()));
  }

  /**
   * The active user as a principal, or null when the account is deactivated or gone or the token's
   * version is not the user's current one (revoked).
   */
  async activePrincipal(userId: string, tokenVersion: number): Promise<Principal | null> {
    const now = Date.now();
    const hit = this.revocations.live ? this.entries.get(userId) : undefined;
    if (hit && hit.until > now) {
      if (hit.tokenVersion === tokenVersion) return hit.principal;
      // Older than what is known to be current: revoked, whatever the database says by now.
      if (tokenVersion < hit.tokenVersion) return null;
    }
    // A newer token than the entry (the user signed in again after a change): read afresh.
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
    if (this.ttlMs > 0 && generation === this.generation && this.revocations.live) {
      if (this.entries.size >= SWEEP_AT) this.sweep(now);
      this.entries.set(userId, { principal, tokenVersion: user.tokenVersion, until: now + this.ttlMs });
    }
    return user.tokenVersion === tokenVersion ? principal : null;
  }

  forget(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }

  private forgetAll(): void {
    this.generation++;
    this.entries.clear();
  }

  private sweep(now: number): void {
    for (const [id, e] of this.entries) if (e.until <= now) this.entries.delete(id);
  }
}
