import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('configuration', () => {
  it('starts with defaults on an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/muster');
    expect(c.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(c.TZ).toBe('Asia/Shanghai');
    expect(c.PUBLIC_URL).toBe('http://localhost:3000');
    expect(c.DEMO_MODE).toBe(false);
  });

  it('names every bad variable at once', () => {
    const p = problems({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', JWT_SECRET: 'short' });
    expect(p.map((x) => x.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT', 'REDIS_URL']);
  });

  it('refuses an unknown time zone', () => {
    expect(problems({ TZ: 'Mars/Olympus' })).toEqual(['TZ: unknown time zone "Mars/Olympus"']);
  });

  it('requires a JWT secret in production and refuses demo data there', () => {
    const p = problems({ NODE_ENV: 'production', DEMO_MODE: 'true' });
    expect(p).toEqual([
      'JWT_SECRET: required in production (at least 32 characters)',
      'DEMO_MODE: demo data is never created in production',
    ]);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', MAP_TILE_URL: '' }).PORT).toBe(3000);
  });
});
