import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../config/config.js';
import { PrincipalCache } from './principal-cache.js';
import type { RevocationListener, Revocations } from './revocation.js';
import type { User } from './user.entity.js';
import type { UserRepository } from './user.repository.js';

/** The user table as the cache sees it: one row, changed by the test, and a count of reads. */
function fakeUsers() {
  const row = {
    id: 'u1',
    email: 'officer@muster.test',
    name: 'Officer',
    role: 'enterprise_officer',
    enterpriseId: 'e1',
    active: true,
    tokenVersion: 0,
  } as User;
  let reads = 0;
  let gate: Promise<void> | null = null;
  const repo = {
    async findActiveById(id: string): Promise<User | null> {
      reads++;
      const seen = { ...row };
      if (gate) await gate;
      return id === seen.id && seen.active ? seen : null;
    },
  } as unknown as UserRepository;
  return {
    repo,
    row,
    reads: () => reads,
    /** Holds the next reads after they have read the row, until `release` is called. */
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
  };
}

const config = (seconds: number) => ({ ACCESS_CACHE_SECONDS: seconds }) as AppConfig;

/** The announcements as the cache hears them: `live` while subscribed, `announce` a revocation. */
function fakeRevocations() {
  let listener: RevocationListener = () => undefined;
  const fake = {
    live: true,
    listen: (l: RevocationListener) => void (listener = l),
    announce: (userId: string | null) => listener(userId),
  };
  return fake;
}

function cacheOver(users: ReturnType<typeof fakeUsers>, seconds = 5) {
  const revocations = fakeRevocations();
  const cache = new PrincipalCache(users.repo, config(seconds), revocations as unknown as Revocations);
  return { cache, revocations };
}

describe('PrincipalCache', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-28T08:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('answers from memory within the TTL and reads the user again after it', async () => {
    const users = fakeUsers();
    const { cache } = cacheOver(users);
    expect(await cache.activePrincipal('u1', 0)).toMatchObject({ id: 'u1', role: 'enterprise_officer' });
    expect(await cache.activePrincipal('u1', 0)).toMatchObject({ id: 'u1' });
    expect(users.reads()).toBe(1);

    jest.advanceTimersByTime(5000);
    await cache.activePrincipal('u1', 0);
    expect(users.reads()).toBe(2);
  });

  it('refuses a user deactivated elsewhere, whose announcement was lost, once the TTL has passed', async () => {
    const users = fakeUsers();
    const { cache } = cacheOver(users);
    await cache.activePrincipal('u1', 0);
    users.row.active = false; // by another server process, and this one is not told

    jest.advanceTimersByTime(4999);
    expect(await cache.activePrincipal('u1', 0)).not.toBeNull();
    jest.advanceTimersByTime(1);
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
  });

  it('applies a change made through this process at once', async () => {
    const users = fakeUsers();
    const { cache } = cacheOver(users);
    await cache.activePrincipal('u1', 0);
    users.row.role = 'inspector';
    users.row.enterpriseId = null;
    cache.forget('u1');
    expect(await cache.activePrincipal('u1', 0)).toMatchObject({ role: 'inspector', enterpriseId: null });

    users.row.active = false;
    cache.forget('u1');
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
  });

  it('does not keep what a lookup read before a change that committed while it was in flight', async () => {
    const users = fakeUsers();
    const { cache } = cacheOver(users);
    const release = users.hold();
    const inFlight = cache.activePrincipal('u1', 0); // has read the row as active
    users.row.active = false;
    cache.forget('u1');
    release();
    expect(await inFlight).not.toBeNull(); // that request began before the change
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
  });

  it('keeps no refusal: a reactivated user is let in at once', async () => {
    const users = fakeUsers();
    users.row.active = false;
    const { cache } = cacheOver(users);
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
    users.row.active = true;
    expect(await cache.activePrincipal('u1', 0)).not.toBeNull();
  });

  it('refuses at once a token revoked on another process, and lets in the one signed after', async () => {
    const users = fakeUsers();
    const { cache, revocations } = cacheOver(users);
    await cache.activePrincipal('u1', 0);
    users.row.tokenVersion = 1;
    await revocations.announce('u1');
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
    expect(await cache.activePrincipal('u1', 1)).toMatchObject({ id: 'u1' });
  });

  it('refuses a token older than the version it remembers without reading the user', async () => {
    const users = fakeUsers();
    users.row.tokenVersion = 2;
    const { cache } = cacheOver(users);
    expect(await cache.activePrincipal('u1', 2)).not.toBeNull();
    expect(await cache.activePrincipal('u1', 1)).toBeNull();
    expect(users.reads()).toBe(1);
  });

  it('reads the user again for a token newer than the version it remembers', async () => {
    const users = fakeUsers();
    const { cache } = cacheOver(users);
    await cache.activePrincipal('u1', 0);
    users.row.tokenVersion = 1; // a reset elsewhere, then a new sign-in
    expect(await cache.activePrincipal('u1', 1)).toMatchObject({ id: 'u1' });
    expect(users.reads()).toBe(2);
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
  });

  it('keeps nothing while it cannot hear revocations, and forgets all it kept when it hears again', async () => {
    const users = fakeUsers();
    const { cache, revocations } = cacheOver(users);
    await cache.activePrincipal('u1', 0);
    revocations.live = false;
    users.row.tokenVersion = 1; // revoked elsewhere, unheard
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
    users.row.tokenVersion = 0;
    await cache.activePrincipal('u1', 0);
    await cache.activePrincipal('u1', 0);
    expect(users.reads()).toBe(4);

    revocations.live = true;
    users.row.tokenVersion = 1; // revoked while unheard, and remembered from before
    await revocations.announce(null);
    expect(await cache.activePrincipal('u1', 0)).toBeNull();
  });

  it('reads every time with a TTL of 0', async () => {
    const users = fakeUsers();
    const { cache } = cacheOver(users, 0);
    await cache.activePrincipal('u1', 0);
    await cache.activePrincipal('u1', 0);
    expect(users.reads()).toBe(2);
  });
});
