import { createTestApp } from './app.js';

export interface TestServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** The API and the built web console over a fresh demo database, for browser tests. */
export async function startTestServer(): Promise<TestServer> {
  const t = await createTestApp({ web: true });
  return { baseUrl: t.baseUrl, close: () => t.close() };
}
