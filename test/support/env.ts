/** Connection settings for the test run: the same variables as the application, test defaults. */
export const ADMIN_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEMPLATE_ENV = 'MUSTER_TEST_TEMPLATE_DB';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function maintenanceUrl(): string {
  return databaseUrl('postgres');
}
