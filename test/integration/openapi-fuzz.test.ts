import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app.js';

/**
 * The other half of the bad-input sweep (bad-input.test.ts reads Nest's metadata and asserts what
 * each malformed field must answer): this one reads only the published OpenAPI document, as an
 * outside client would, and throws generated requests at every operation in it, as an enterprise
 * officer and as a zone admin. It fails on any answer of 500 or more (a health check's 503
 * aside), or on none at all.
 *
 * A case is a request built from the operation's schemas with fast-check: path parameters, query
 * and JSON body (a file for the uploads). Values are drawn from the schema and, so that a good
 * share of the requests get past validation to the services and the database, from what earlier
 * answers showed under the same field name (real ids, codes, phone numbers, geometries). Up to
 * two mutations then hit random places of it: a number becomes an extreme or an exponent form,
 * a text odd Unicode (NUL, lone surrogates, bidi controls, BOM, combining marks) or a long one,
 * anything a value of another type, deep nesting or a prototype key; or a field is dropped.
 *
 * Bounded and reproducible: FUZZ_RUNS cases per operation (default 6), each sent as both roles,
 * from FUZZ_SEED. An operation's cases depend on the seed, the operation and what the earlier
 * operations answered, all of which are deterministic. A failure prints the seed and the requests.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20260512);
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const ROLES = ['enterprise_officer', 'zone_admin'] as const;

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  example?: unknown;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  $ref?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

interface Case {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}

// ---------------------------------------------------------------------------------------------
// Odd values

/** `levels` arrays, one inside the other: deeper than any body Muster takes. */
function nested(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

const ODD_NUMBERS: unknown[] = [
  0,
  -0,
  -1,
  1.5,
  1e-7,
  1.5e-10,
  5e-324,
  1e21,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  '1e-7',
  '-1',
  'NaN',
  '0x10',
];

const ODD_STRINGS: unknown[] = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800x',
  'x\udc00',
  '\u202eevil\u202c',
  '\ufeffbom',
  'e\u0301\u0301\u0301',
  '🧯'.repeat(300),
  'x'.repeat(20_000),
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  "'; select pg_sleep(1); --",
  '%_\\',
  '=HYPERLINK("http://x")',
];

const ODD_SHAPES: unknown[] = [
  null,
  true,
  [],
  {},
  [null],
  [[[]]],
  { a: { b: { c: {} } } },
  nested(40),
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
];

const ALL_ODD = [...ODD_SHAPES, ...ODD_NUMBERS, ...ODD_STRINGS];

interface Mutation {
  /** Which place of the case (modulo the number of places). */
  at: number;
  drop: boolean;
  /** Candidates for a number, a text, and anything else found at that place. */
  number: unknown;
  string: unknown;
  other: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  drop: fc.nat(5).map((n) => n === 0),
  number: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_ODD) },
  ),
  string: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_ODD) },
  ),
  other: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ALL_ODD) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  ),
});

type Slot = [Record<string | number, unknown>, string | number];

/** Every place in the case a mutation can hit: the body itself, and everything in it and the rest. */
function slots(c: Case): Slot[] {
  const out: Slot[] = [];
  if (c.body !== undefined) out.push([c as unknown as Record<string, unknown>, 'body']);
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    for (const k of Object.keys(v)) {
      out.push([v as Record<string, unknown>, Array.isArray(v) ? Number(k) : k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(c.params);
  walk(c.query);
  walk(c.body);
  return out;
}

function mutate(c: Case, mutations: Mutation[]): Case {
  const out = structuredClone(c);
  for (const m of mutations) {
    const all = slots(out);
    if (!all.length) break;
    const [container, key] = all[m.at % all.length]!;
    if (m.drop && !Array.isArray(container)) {
      delete container[key];
      continue;
    }
    const current = container[key];
    const value = typeof current === 'number' ? m.number : typeof current === 'string' ? m.string : m.other;
    // Defined, not assigned: assigning to a key "__proto__" would set the prototype instead.
    Object.defineProperty(container, key, {
      value: structuredClone(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Values from the schemas and from earlier answers

const INT32 = 2 ** 31 - 1;

function resolve(doc: OpenApi, s: Schema): Schema {
  if (s.$ref) return resolve(doc, doc.components.schemas[s.$ref.split('/').pop()!]!);
  if (s.allOf) return s.allOf.reduce<Schema>((acc, x) => ({ ...acc, ...resolve(doc, x) }), {});
  return s;
}

interface Sources {
  doc: OpenApi;
  ids: fc.Arbitrary<string>;
  /** Values earlier answers carried under a field name. */
  seen: (field: string) => unknown[];
}

function fromSchema(src: Sources, schema: Schema, field = '', depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(src.doc, schema);
  let arb: fc.Arbitrary<unknown>;
  if (s.enum?.length) arb = fc.constantFrom(...s.enum);
  else if (s.type === 'string' && s.format === 'uuid') arb = src.ids;
  else if (s.type === 'string' && (s.format === 'date' || s.format === 'date-time')) {
    const instant = fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2100-01-01'),
      noInvalidDate: true,
    });
    arb = instant.map((d) => (s.format === 'date' ? d.toISOString().slice(0, 10) : d.toISOString()));
  } else if (s.type === 'string') {
    const text = fc.string({ minLength: s.minLength ?? 0, maxLength: Math.max(s.minLength ?? 0, 24) });
    arb = s.example === undefined ? text : fc.oneof(fc.constant(s.example), text);
  } else if (s.type === 'integer' || s.type === 'number') {
    const min = Math.max(s.minimum ?? -1e6, -INT32);
    const max = Math.min(s.maximum ?? 1e6, INT32);
    // A number's range may hold no integer at all (a fraction between 0.01 and 0.5).
    const integers = Math.ceil(min) <= Math.floor(max);
    arb = fc.oneof(
      ...(integers ? [fc.integer({ min: Math.ceil(min), max: Math.floor(max) })] : []),
      ...(s.type === 'number' ? [fc.double({ min, max, noNaN: true, noDefaultInfinity: true })] : []),
    );
  } else if (s.type === 'boolean') arb = fc.boolean();
  else if (s.type === 'array') {
    arb =
      depth > 5
        ? fc.constant([])
        : fc.array(fromSchema(src, s.items ?? {}, field, depth + 1), {
            minLength: s.minItems ?? 0,
            maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
          });
  } else if (s.properties && depth <= 5) {
    const model = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [k, fromSchema(src, v, k, depth + 1)]),
    );
    arb = fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) });
  } else {
    // An object the document does not describe (a GeoJSON geometry, a scenario document).
    arb = fc.oneof(
      fc.constant({}),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
    );
  }
  const seen = field && s.format !== 'uuid' ? src.seen(field) : [];
  if (seen.length) arb = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...seen) }, arb);
  return s.nullable ? fc.option(arb, { nil: null, freq: 8 }) : arb;
}

// ---------------------------------------------------------------------------------------------
// Sending

/** Percent-encodes the UTF-8 of any value, lone surrogates included (they become U+FFFD). */
function pct(v: unknown): string {
  const text = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return [...Buffer.from(text, 'utf8')]
    .map((b) => {
      const ch = String.fromCharCode(b);
      return /[A-Za-z0-9_.~-]/.test(ch) ? ch : `%${b.toString(16).padStart(2, '0')}`;
    })
    .join('');
}

function urlOf(path: string, c: Case): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => pct(c.params[name] ?? ''));
  const parts: string[] = [];
  for (const [k, v] of Object.entries(c.query)) {
    for (const x of Array.isArray(v) ? v : [v]) parts.push(`${pct(k)}=${pct(x)}`);
  }
  return parts.length ? `${filled}?${parts.join('&')}` : filled;
}

/** A stable number per operation, so that its cases do not depend on the other operations' count. */
function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/** A health check answers 503 when what it checks is down (no worker runs in this test): its answer. */
const isHealthReport = (path: string, status: number) => status === 503 && path.startsWith('/health');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Shown in a failure: long strings shortened, so that the request stays readable. */
function show(c: Case): string {
  const text = JSON.stringify(c, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
  );
  return (text ?? '').slice(0, 600);
}

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApi;
  const tokens = new Map<string, string>();
  const callers = new Set<string>();
  /** Ids seen in answers, by the path template or the array key they were listed under. */
  const ids = new Map<string, Set<string>>();
  /** Other values seen in answers, by field name (a few of each). */
  const values = new Map<string, unknown[]>();

  function rememberId(key: string, id: string) {
    // The callers' own accounts are left alone: a deactivated caller would only see 401s after.
    if (callers.has(id)) return;
    if (!ids.has(key)) ids.set(key, new Set());
    ids.get(key)!.add(id);
  }

  function rememberValue(field: string, v: unknown) {
    if (field === 'id' || v === null || v === undefined) return;
    const list = values.get(field) ?? [];
    const text = JSON.stringify(v);
    if (list.length >= 5 || text.length > 2000 || list.some((x) => JSON.stringify(x) === text)) return;
    list.push(v);
    values.set(field, list);
  }

  /** Collects an answer's ids (a list's under the route, nested lists' under their key) and values. */
  function harvest(template: string, body: unknown) {
    const walk = (v: unknown, key: string, depth: number) => {
      if (depth > 5 || typeof v !== 'object' || v === null) return;
      if (Array.isArray(v)) {
        for (const x of v) {
          const id = (x as { id?: unknown } | null)?.id;
          if (typeof id === 'string' && UUID.test(id)) rememberId(key, id);
          walk(x, key, depth + 1);
        }
        return;
      }
      for (const [k, x] of Object.entries(v)) {
        rememberValue(k, x);
        walk(x, k === 'items' ? key : k, depth + 1);
      }
    };
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && UUID.test(id)) rememberId(template, id);
    walk(body, template, 0);
  }

  /** Ids for a path parameter: those listed by the route above it, or under its resource's name. */
  function idsFor(path: string, name: string): string[] {
    const segments = path.split('/');
    const at = segments.indexOf(`{${name}}`);
    const parent = segments.slice(0, at).join('/');
    const word = segments[at - 1]?.split('-').pop() ?? '';
    return [...(ids.get(parent) ?? []), ...(ids.get(word) ?? [])];
  }

  function caseArbitrary(path: string, op: Operation): fc.Arbitrary<Case> {
    const anyIds = [...ids.values()].flatMap((s) => [...s]);
    const idArb = (preferred: string[]) =>
      fc.oneof(
        { weight: 3, arbitrary: preferred.length ? fc.constantFrom(...preferred) : fc.uuid() },
        { weight: 1, arbitrary: anyIds.length ? fc.constantFrom(...anyIds) : fc.uuid() },
        { weight: 1, arbitrary: fc.uuid() },
      );
    const src = (preferred: string[]): Sources => ({
      doc,
      ids: idArb(preferred),
      seen: (field) => values.get(field) ?? [],
    });
    const params: Record<string, fc.Arbitrary<unknown>> = {};
    const query: Record<string, fc.Arbitrary<unknown>> = {};
    const requiredQuery: string[] = [];
    for (const p of op.parameters ?? []) {
      const schema = p.schema ?? { type: 'string' };
      if (p.in === 'path') {
        const known = idsFor(path, p.name);
        params[p.name] =
          schema.type === 'string' && (known.length || /id$/i.test(p.name))
            ? idArb(known)
            : fromSchema(src([]), schema, p.name);
      } else if (p.in === 'query') {
        query[p.name] = fromSchema(src([]), schema, p.name);
        if (p.required) requiredQuery.push(p.name);
      }
    }
    const json = op.requestBody?.content['application/json'];
    const base = fc.record({
      params: fc.record(params),
      query: fc.record(query, { requiredKeys: requiredQuery }),
      body: json ? fromSchema(src(anyIds), json.schema ?? {}) : fc.constant(undefined),
    }) as fc.Arbitrary<Case>;
    return fc
      .tuple(base, fc.array(mutation, { maxLength: 2 }))
      .map(([c, ms]) => (ms.length ? mutate(c, ms) : c));
  }

  function send(role: string, method: string, path: string, op: Operation, c: Case) {
    const agent = request(t.baseUrl) as unknown as Record<string, (url: string) => request.Test>;
    let req = agent[method]!(urlOf(path, c))
      .set('Authorization', `Bearer ${tokens.get(role)}`)
      .timeout(15_000);
    if (op.requestBody?.content['multipart/form-data']) {
      const text = typeof c.body === 'string' ? c.body : (JSON.stringify(c.body) ?? '');
      req = req.attach('file', Buffer.from(text), { filename: 'fuzz.csv', contentType: 'text/csv' });
    } else if (c.body !== undefined) {
      req = req.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
    }
    return req;
  }

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http.get('/api/docs-json')).body as OpenApi;
    for (const role of ROLES) {
      const token = await t.token(role);
      tokens.set(role, token);
      const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      callers.add((me.body as { id: string }).id);
    }
  });
  afterAll(() => t.close());

  it(
    'answers every generated request below 500, as an officer and as an admin',
    async () => {
      const failures: string[] = [];
      const order = ['get', 'post', 'put', 'patch', 'delete'];
      const operations = Object.entries(doc.paths)
        .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
        // Reads first (their answers give real ids and values to the rest), parents before their
        // children, deletions last.
        .sort(
          (a, b) =>
            order.indexOf(a.method) - order.indexOf(b.method) ||
            a.path.split('/').length - b.path.split('/').length ||
            a.path.localeCompare(b.path),
        );
      expect(operations.length).toBeGreaterThan(100);

      for (const { path, method, op } of operations) {
        const key = `${method.toUpperCase()} ${path}`;
        const cases = fc.sample(caseArbitrary(path, op), { seed: SEED ^ hash(key), numRuns: RUNS });
        for (const c of cases) {
          // Both roles at once: the database work of one overlaps the other's.
          const answers = await Promise.all(
            ROLES.map((role) =>
              send(role, method, path, op, c).then(
                (res) => ({ role, status: res.status, body: res.body as unknown }),
                (e: Error) => ({ role, status: 0, body: e.message as unknown }),
              ),
            ),
          );
          for (const { role, status, body } of answers) {
            if (status >= 200 && status < 300) harvest(path, body);
            if (status === 0 || (status >= 500 && !isHealthReport(path, status)))
              failures.push(`${role} ${key} → ${status} ${JSON.stringify(body)}\n    ${show(c)}`);
          }
        }
      }
      if (failures.length) console.log(`FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}\n${failures.join('\n')}`);
      expect(failures).toEqual([]);
    },
    Math.max(120_000, RUNS * 20_000),
  );
});
