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

  it('believes X-Forwarded-For from nobody unless TRUST_PROXY names the proxies', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const v of ['true', '0', '10.0.0.0/33', 'proxy.internal', '10.0.0.1,']) {
      expect(problems({ TRUST_PROXY: v })).toEqual([expect.stringMatching(/^TRUST_PROXY: must be/)]);
    }
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', MAP_TILE_URL: '' }).PORT).toBe(3000);
  });

  it('keeps files on disk unless told otherwise, and needs no S3 settings for that', () => {
    const c = loadConfig({ S3_BUCKET: '' });
    expect(c.FILE_STORE).toBe('local');
    expect(c.UPLOAD_DIR).toBe('.data/uploads');
  });

  it('requires the S3 settings, each by name, only when FILE_STORE is s3', () => {
    expect(problems({ FILE_STORE: 's3', S3_BUCKET: 'muster-files' })).toEqual([
      'S3_REGION: required when FILE_STORE is s3',
      'S3_ACCESS_KEY_ID: required when FILE_STORE is s3',
      'S3_SECRET_ACCESS_KEY: required when FILE_STORE is s3',
    ]);
    const c = loadConfig({
      FILE_STORE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'muster-files',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(c).toMatchObject({ FILE_STORE: 's3', S3_BUCKET: 'muster-files', S3_FORCE_PATH_STYLE: true });
  });

  it('names each malformed S3 variable', () => {
    const p = problems({
      FILE_STORE: 'ftp',
      S3_ENDPOINT: 'minio:9000',
      S3_REGION: 'US East',
      S3_BUCKET: 'My_Bucket',
      S3_FORCE_PATH_STYLE: 'yes',
    });
    expect(p.map((x) => x.split(':')[0]).sort()).toEqual([
      'FILE_STORE',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'S3_FORCE_PATH_STYLE',
      'S3_REGION',
    ]);
  });
});
