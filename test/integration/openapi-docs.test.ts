import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROLES } from '@muster/contracts';
import { createTestApp, type TestApp } from '../support/app.js';
import { listRoutes } from '../support/routes.js';

interface Operation {
  summary?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

/**
 * What an integrator reads at /api/docs: every operation says in one line what it does, and lists
 * the error answers it can give with their body. Which errors are owed follows from the route
 * itself (Nest's metadata and the operation's inputs), not from the documentation under test.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    ({ paths } = res.body as { paths: typeof paths });
    ({ schemas } = (res.body as { components: { schemas: typeof schemas } }).components);
  });
  afterAll(() => t?.close());

  it('gives every operation a summary and the error answers it can give, with the ApiError body', () => {
    const routes = new Map(listRoutes(t).map((r) => [`${r.method} ${r.path}`, r]));
    const problems: string[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(methods)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        const route = routes.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
        if (!route) {
          problems.push(`${name}: no such route`);
          continue;
        }
        if (!op.summary?.trim()) problems.push(`${name}: no summary`);
        const owed: string[] = [];
        const inputs = [...(op.parameters ?? []).map((p) => p.in), ...(op.requestBody ? ['body'] : [])];
        if (inputs.length) owed.push('400');
        if (!route.isPublic) owed.push('401');
        // Open to some roles only: the others are refused.
        if (!route.isPublic && route.roles && ROLES.some((r) => !route.roles!.includes(r))) owed.push('403');
        if (inputs.includes('path')) owed.push('404');
        if (op.requestBody) owed.push('413');
        for (const status of owed) if (!op.responses[status]) problems.push(`${name}: no ${status} answer`);
        for (const [status, answer] of Object.entries(op.responses)) {
          if (!/^4\d\d$/.test(status)) continue;
          const schema = answer.content?.['application/json']?.schema?.$ref;
          if (schema !== '#/components/schemas/ApiErrorDto')
            problems.push(`${name}: ${status} without ApiError`);
        }
      }
    }
    expect(operations).toBeGreaterThan(150);
    expect(problems).toEqual([]);
  });

  it('describes the error body as the API answers it', async () => {
    expect(Object.keys(schemas.ApiErrorDto?.properties ?? {}).sort()).toEqual([
      'error',
      'errorId',
      'message',
      'statusCode',
    ]);
    expect(schemas.ApiErrorDto?.required?.sort()).toEqual(['error', 'message', 'statusCode']);
    const res = await t.http.get('/api/incidents/00000000-0000-4000-8000-000000000000');
    expect(Object.keys(res.body as object).sort()).toEqual(['error', 'message', 'statusCode']);
  });
});
