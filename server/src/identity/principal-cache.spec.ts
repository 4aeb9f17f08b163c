import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../config/config.js';
import { PrincipalCache } from './principal-cache.js';
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

describe('PrincipalCache', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-28T08:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('answers from memory within the TTL and reads the user again after it', async () => {
    const users = fakeUsers();
    const cache = new PrincipalCache(users.repo, config(5));
    expect(await cache.activePrincipal('u1')).toMatchObject({ id: 'u1', role: 'enterprise_officer' });
    expect(await cache.activePrincipal('u1')).toMatchObject({ id: 'u1' });
    expect(users.reads()).toBe(1);

    jest.advanceTimersByTime(5000);
    await cache.activePrincipal('u1');
    expect(users.reads()).toBe(2);
  });

  it('refuses a user deactivated elsewhere once the TTL has passed, not later', async () => {
    const users = fakeUsers();
    const cache = new PrincipalCache(users.repo, config(5));
    await cache.activePrincipal('u1');
    users.row.active = false; // by another server process: this one is not told

    jest.advanceTimersByTime(4999);
    expect(await cache.activePrincipal('u1')).not.toBeNull();
    jest.advanceTimersByTime(1);
    expect(await cache.activePrincipal('u1')).toBeNull();
  });

  it('applies a change made through this process at once', async () => {
    const users = fakeUsers();
    const cache = new PrincipalCache(users.repo, config(5));
    await cache.activePrincipal('u1');
    users.row.role = 'inspector';
    users.row.enterpriseId = null;
    cache.forget('u1');
    expect(await cache.activePrincipal('u1')).toMatchObject({ role: 'inspector', enterpriseId: null });

    users.row.active = false;
    cache.forget('u1');
    expect(await cache.activePrincipal('u1')).toBeNull();
  });

  it('does not keep what a lookup read before a change that committed while it was in flight', async () => {
    const users = fakeUsers();
    const cache = new PrincipalCache(users.repo, config(5));
    const release = users.hold();
    const inFlight = cache.activePrincipal('u1'); // has read the row as active
    users.row.active = false;
    cache.forget('u1');
    release();
    expect(await inFlight).not.toBeNull(); // that request began before the change
    expect(await cache.activePrincipal('u1')).toBeNull();
  });

  it('keeps no refusal: a reactivated user is let in at once', async () => {
    const users = fakeUsers();
    users.row.active = false;
    const cache = new PrincipalCache(users.repo, config(5));
    expect(await cache.activePrincipal('u1')).toBeNull();
    users.row.active = true;
    expect(await cache.activePrincipal('u1')).not.toBeNull();
  });

  it('reads every time with a TTL of 0', async () => {
    const users = fakeUsers();
    const cache = new PrincipalCache(users.repo, config(0));
    await cache.activePrincipal('u1');
    await cache.activePrincipal('u1');
    expect(users.reads()).toBe(2);
  });
});
