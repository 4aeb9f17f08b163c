import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/internal.js';
import { DECORATORS } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  ARRAY_MAX_SIZE,
  ARRAY_MIN_SIZE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_DATE_STRING,
  IS_EMAIL,
  IS_ENUM,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_NUMBER,
  IS_OBJECT,
  IS_STRING,
  IS_UUID,
  MATCHES,
  MAX,
  MAX_LENGTH,
  MIN,
  MIN_LENGTH,
  validate,
  type ValidationError,
} from 'class-validator';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import twilio from 'twilio';
import { signResponseToken } from '../../server/src/callouts/response-link.js';
import { APP_CONFIG, type AppConfig } from '../../server/src/config/config.js';
import type { Role } from '@muster/contracts';
import { creditCodeCheckChar } from '../../server/src/enterprises/credit-code.js';
import { EXPECTED } from '../support/access-rules/index.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { incidentReport } from '../support/incidents.js';
import { listRoutes, type Route } from '../support/routes.js';

/**
 * The product rule: bad input is answered with a 400 that names the field (or a 404, 409 or 403
 * where that is the truth), never a 500. This sweep sends malformed requests to every route Nest
 * knows, as a caller the access rules let through (zone_admin wherever it may call), and fails
 * with the list of every request answered 500 or more, or 400 with a message that names no field.
 *
 * What it sends is read from the handlers' own metadata: the body and query DTO classes from the
 * route argument metadata and `design:paramtypes`, their fields and validators from
 * class-validator's metadata storage, nested classes from the Swagger property metadata. A valid
 * body (or query) is built for each DTO by trying candidate values against the DTO's own
 * validators, so that a single malformed field reaches the service and the database instead of
 * being stopped by a missing required field. Path ids are, besides malformed and unknown ones, real
 * ids read from the list route above them, so that bodies are also tried against existing records.
 * Wrong types and formats must be a 400 naming the field; nulls, extremes (long strings, huge and
 * negative numbers, impossible dates) and unknown ids only must not be a 500.
 *
 * Handled specially:
 * - Upload routes (multipart: POST /api/files and the two spreadsheet imports) take no JSON body:
 *   they get the non-JSON case and malformed multipart requests of their own.
 * - The Twilio webhooks refuse anything without a valid X-Twilio-Signature (403, by design). The
 *   app is given an auth token so that the sweep signs its malformed requests and gets past the
 *   signature check.
 * - Sensor gateways' ingestion (`/ingest/…`) refuses a request without its enterprise's key (401)
 *   before reading the body, so the sweep sends a valid key.
 * - The drill scenario bodies are untyped (`unknown`, checked by the scenario schema), so they get
 *   the whole-body cases and a few hand-written field cases instead of DTO-driven ones.
 * Not covered: what a route does after a valid body when its record is in a state that refuses it
 * first (a drill run that has not started answers 409 before reading the evaluation it is sent).
 */

const AUTH_TOKEN = 'bad-input-sweep-auth-token';
const LONG = 'x'.repeat(100_000);
const NOT_A_UUID = 'not-a-uuid';
/** A percent-escape that does not decode: Express cannot read the parameter at all. */
const BAD_ESCAPE = '%E0%A4%A';
/** Text PostgreSQL refuses: a NUL anywhere, and (in a JSON column) half a surrogate pair. */
const NUL = 'a\u0000b';
const LONE_SURROGATE = '\ud800x';
/** About 15,000 levels in 90 KB: enough to overflow the stack of a recursive reader. */
const DEEP_JSON = '{"a":'.repeat(15_000) + '1' + '}'.repeat(15_000);
const UPLOAD_ROUTES = ['POST /api/files', 'POST /api/contacts/import', 'POST /api/resources/import'];
const SCENARIO_BODY_ROUTES = [
  'POST /api/drills/scenarios',
  'POST /api/drills/scenarios/import',
  'PUT /api/drills/scenarios/:id',
];

type Meta = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];
type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'enum' | 'unknown';

interface Field {
  name: string;
  kind: Kind;
  /** Validators by name (isString, isUUID, maxLength, …). */
  validators: Set<string>;
  /** The class of a nested object (or of each element of a nested array). */
  nested?: Type;
  isArray: boolean;
  /** A date or an instant, by its validators or its documented format or example. */
  isDate: boolean;
}

interface RouteArgs {
  body?: Type | 'untyped';
  query?: Type;
  params: { name: string; uuid: boolean }[];
}

// ---------------------------------------------------------------------------------------------
// Reading the metadata

function routeArgs(r: Route): RouteArgs {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, r.controller, r.handler) ?? {}) as Record<
    string,
    { index: number; data?: unknown; pipes?: object[] }
  >;
  const types = (Reflect.getMetadata('design:paramtypes', r.controller.prototype, r.handler) ?? []) as Type[];
  const out: RouteArgs = { params: [] };
  for (const [key, a] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    const cls = types[a.index];
    if (type === RouteParamtypes.BODY && a.data === undefined) {
      out.body = cls && cls !== Object ? cls : 'untyped';
    } else if (type === RouteParamtypes.QUERY && a.data === undefined && cls && cls !== Object) {
      out.query = cls;
    } else if (type === RouteParamtypes.PARAM && typeof a.data === 'string') {
      out.params.push({
        name: a.data,
        uuid: (a.pipes ?? []).some((p) => p.constructor.name === 'UuidPipe'),
      });
    }
  }
  return out;
}

function metasOf(cls: Type): Map<string, Meta[]> {
  const byProp = new Map<string, Meta[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(cls, '', false, false)) {
    if (!byProp.has(m.propertyName)) byProp.set(m.propertyName, []);
    byProp.get(m.propertyName)!.push(m);
  }
  return byProp;
}

interface ApiProperty {
  type?: unknown;
  isArray?: boolean;
  example?: unknown;
  format?: string;
}

function apiProperty(cls: Type, prop: string): ApiProperty {
  return (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, cls.prototype, prop) ?? {}) as ApiProperty;
}

/** A class, not a lazy `() => Class` (arrow functions have no prototype). */
function asClass(t: unknown): Type | undefined {
  if (typeof t !== 'function') return undefined;
  if (!(t as { prototype?: unknown }).prototype) return asClass((t as () => unknown)());
  return [String, Number, Boolean, Object, Array, Date].includes(t as never) ? undefined : (t as Type);
}

const fieldCache = new Map<Type, Field[]>();
function fieldsOf(cls: Type): Field[] {
  if (fieldCache.has(cls)) return fieldCache.get(cls)!;
  const fields: Field[] = [];
  for (const [name, metas] of metasOf(cls)) {
    const v = new Set(metas.map((m) => m.name ?? m.type));
    const each = metas.some((m) => m.each);
    const api = apiProperty(cls, name);
    const hasNested = metas.some((m) => m.type === 'nestedValidation');
    const design = Reflect.getMetadata('design:type', cls.prototype, name) as unknown;
    const nested = hasNested ? (asClass(api.type) ?? asClass(design)) : undefined;
    const isArray =
      each ||
      v.has(IS_ARRAY) ||
      v.has(ARRAY_MIN_SIZE) ||
      v.has(ARRAY_MAX_SIZE) ||
      v.has('isPhoneList') ||
      (hasNested && (api.isArray === true || design === Array));
    let kind: Kind = 'unknown';
    if (isArray) kind = 'array';
    else if (v.has(IS_IN) || v.has(IS_ENUM)) kind = 'enum';
    else if (hasNested || v.has(IS_OBJECT) || v.has('isPolygonGeometry') || v.has('isFeatureGeometry'))
      kind = 'object';
    else if (v.has(IS_INT) || v.has(IS_NUMBER) || v.has(MIN) || v.has(MAX)) kind = 'number';
    else if (v.has(IS_BOOLEAN)) kind = 'boolean';
    else if (
      [IS_STRING, IS_UUID, MATCHES, IS_ISO8601, IS_DATE_STRING, IS_EMAIL, 'isCalendarDate'].some((n) =>
        v.has(n),
      ) ||
      v.has('isCreditCode') ||
      v.has(MIN_LENGTH) ||
      v.has(MAX_LENGTH)
    )
      kind = 'string';
    const isDate =
      [IS_ISO8601, IS_DATE_STRING, 'isCalendarDate'].some((n) => v.has(n)) ||
      metas.some((m) => m.name === MATCHES && /\\d\{4\}-/.test(String(m.constraints?.[0]))) ||
      api.format === 'date' ||
      api.format === 'date-time' ||
      (typeof api.example === 'string' && /^\d{4}-\d{2}-\d{2}/.test(api.example));
    fields.push({ name, kind, validators: v, nested, isArray, isDate });
  }
  fieldCache.set(cls, fields);
  return fields;
}

// ---------------------------------------------------------------------------------------------
// Building valid values from the DTOs' own validators

/** The validation pipe's own steps (common/validation.ts): transform, then whitelist and validate. */
async function problems(cls: Type, plain: unknown): Promise<ValidationError[]> {
  const instance = plainToInstance(cls, plain, { enableImplicitConversion: false }) as object;
  return validate(instance, { whitelist: true, forbidNonWhitelisted: true });
}

function validCreditCode(): string {
  const first17 = '91341300' + String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return first17 + creditCodeCheckChar(first17);
}

const SQUARE = [
  [116.8, 33.95],
  [116.81, 33.95],
  [116.81, 33.96],
  [116.8, 33.95],
];

/** Values that satisfy validators which cannot be read from their constraints. */
const CUSTOM: Record<string, () => unknown> = {
  isCreditCode: validCreditCode,
  isCalendarDate: () => '2026-05-01',
  isPhoneList: () => ['+8613800000000'],
  isPolygonGeometry: () => ({ type: 'Polygon', coordinates: [SQUARE] }),
  isFeatureGeometry: () => ({ type: 'Point', coordinates: [116.8, 33.95] }),
};

/** Instants a day apart, later with each call: a "to" built after its "from" comes after it. */
let instants = 0;
function instant(): string {
  return new Date(Date.UTC(2026, 5, 1) + 86_400_000 * instants++).toISOString();
}

function constraint(metas: Meta[], name: string): unknown {
  return metas.find((m) => m.name === name)?.constraints?.[0];
}

async function candidates(cls: Type, name: string, metas: Meta[], depth: number): Promise<unknown[]> {
  const field = fieldsOf(cls).find((f) => f.name === name)!;
  const scalars: unknown[] = [];
  const example = apiProperty(cls, name).example;
  if (example !== undefined) scalars.push(example);
  const isIn = constraint(metas, IS_IN);
  if (Array.isArray(isIn)) scalars.push(...isIn);
  const isEnum = constraint(metas, IS_ENUM);
  if (isEnum && typeof isEnum === 'object') scalars.push(...Object.values(isEnum));
  for (const v of field.validators) if (CUSTOM[v]) scalars.push(CUSTOM[v]());
  if (field.nested && depth < 5) scalars.push(await validObject(field.nested, depth + 1));
  const min = constraint(metas, MIN) as number | undefined;
  const max = constraint(metas, MAX) as number | undefined;
  const n = Math.max(min ?? 1, Math.min(max ?? 1, 1));
  scalars.push(n, Math.ceil((min ?? 0) + 1), 0, 1);
  const minLen = (constraint(metas, MIN_LENGTH) as number | undefined) ?? 0;
  const maxLen = (constraint(metas, MAX_LENGTH) as number | undefined) ?? 1000;
  const text = 'Sweep ' + 'x'.repeat(Math.max(0, minLen));
  scalars.push(
    randomUUID(),
    instant(),
    instant().slice(0, 10),
    '+8613800000000',
    'sweep@muster.test',
    text.slice(0, Math.max(maxLen, minLen)),
    true,
    false,
    {},
    [],
  );
  const minSize = (constraint(metas, ARRAY_MIN_SIZE) as number | undefined) ?? 1;
  const out: unknown[] = [];
  for (const s of scalars) {
    if (field.isArray) out.push(Array.from({ length: minSize }, () => s));
    out.push(s);
  }
  return out;
}

const objectCache = new Map<Type, Record<string, unknown>>();

/**
 * A body (with only its required fields) that passes the DTO's validators, as far as candidates
 * can satisfy them; the sweep checks separately whether it does.
 */
async function validObject(cls: Type, depth = 0): Promise<Record<string, unknown>> {
  if (objectCache.has(cls)) return structuredClone(objectCache.get(cls)!);
  const metas = metasOf(cls);
  const obj: Record<string, unknown> = {};
  const required = new Set((await problems(cls, {})).map((e) => e.property).filter((p) => metas.has(p)));
  // Two passes: a conditional validator may depend on a field filled later.
  for (let pass = 0; pass < 2; pass++) {
    for (const name of required) {
      const current = await problems(cls, obj);
      if (!current.some((e) => e.property === name) && name in obj) continue;
      for (const c of await candidates(cls, name, metas.get(name)!, depth)) {
        const errs = await problems(cls, { ...obj, [name]: c });
        if (!errs.some((e) => e.property === name)) {
          obj[name] = c;
          break;
        }
      }
    }
  }
  objectCache.set(cls, obj);
  return structuredClone(obj);
}

/** The same, as query-string values (strings, or lists of strings for repeated keys). */
async function validQuery(cls: Type): Promise<Record<string, string | string[]>> {
  const metas = metasOf(cls);
  const q: Record<string, string | string[]> = {};
  const required = (await problems(cls, {})).map((e) => e.property).filter((p) => metas.has(p));
  for (const name of required) {
    for (const c of await candidates(cls, name, metas.get(name)!, 0)) {
      if (typeof c === 'object' && !Array.isArray(c)) continue;
      const value = Array.isArray(c) ? c.map(String) : String(c);
      if (!(await problems(cls, { ...q, [name]: value })).some((e) => e.property === name)) {
        q[name] = value;
        break;
      }
    }
  }
  return q;
}

// ---------------------------------------------------------------------------------------------
// The malformed values

interface Mutation {
  case: string;
  value: unknown;
  /** A wrong type or format: must be a 400 that names the field. */
  mustName: boolean;
}

function bodyMutations(f: Field): Mutation[] {
  const wrong = (value: unknown, label: string): Mutation => ({
    case: `${f.name}: ${label}`,
    value,
    mustName: true,
  });
  const odd = (value: unknown, label: string): Mutation => ({
    case: `${f.name}: ${label}`,
    value,
    mustName: false,
  });
  const out: Mutation[] = [odd(null, 'null')];
  switch (f.kind) {
    case 'string':
      // Only a declared string must refuse a number: some fields take an amount as either.
      out.push(f.validators.has(IS_STRING) ? wrong(12345, 'a number') : odd(12345, 'a number'));
      out.push(wrong({ a: 1 }, 'an object'), wrong(['a'], 'an array'));
      out.push(odd(LONG, '100,000 characters'), odd('', 'empty'));
      out.push(wrong(NUL, 'a NUL character'), wrong(LONE_SURROGATE, 'a lone surrogate'));
      if (f.validators.has(IS_UUID))
        out.push(wrong(NOT_A_UUID, 'not a UUID'), odd(randomUUID(), 'unknown id'));
      // February 30th is only checked for no 500: some fields take it as March 2nd.
      if (f.isDate) out.push(wrong('not-a-date', 'not a date'), odd('2026-02-30', 'February 30th'));
      break;
    case 'number':
      // A boolean is not asserted: @Type(() => Number) reads true as 1.
      out.push(wrong('abc', 'a string'), wrong({ a: 1 }, 'an object'), odd(true, 'a boolean'));
      out.push(odd(-1, '-1'), odd(1.5, '1.5'), odd(2 ** 31, '2^31'), odd(1e20, '1e20'), odd(-1e20, '-1e20'));
      out.push(odd(1e-7, '1e-7'), odd(5e-324, '5e-324'));
      break;
    case 'boolean':
      out.push(wrong('maybe', 'a string'), wrong(1, 'a number'), wrong({}, 'an object'));
      break;
    case 'enum':
      out.push(wrong('no-such-value', 'not one of the values'), wrong({ a: 1 }, 'an object'));
      out.push(odd(LONG, '100,000 characters'));
      break;
    case 'array':
      out.push(wrong('text', 'a string'), wrong({ a: 1 }, 'an object'));
      out.push(odd([null], '[null]'), odd([], 'empty'), odd([LONG], '[100,000 characters]'));
      out.push(wrong([NUL], '[a NUL character]'));
      if (f.nested) {
        out.push(odd([{}], 'an element missing its fields'), odd(['text'], '[a string]'));
        out.push(wrong([[{}]], 'a list inside the list'));
      } else out.push(odd([{ a: 1 }], '[an object]'), odd([12345], '[a number]'));
      break;
    case 'object':
      out.push(wrong('text', 'a string'), wrong(42, 'a number'));
      out.push(odd({}, 'missing its fields'), odd([], 'an array'), odd([{}], 'an array of an object'));
      if (f.nested)
        for (const sub of fieldsOf(f.nested))
          for (const m of bodyMutations(sub).filter((x) => x.mustName)) {
            out.push({ case: `${f.name}.${m.case}`, value: { [sub.name]: m.value }, mustName: false });
          }
      break;
    case 'unknown':
      out.push(
        odd(12345, 'a number'),
        odd('text', 'a string'),
        odd({ a: 1 }, 'an object'),
        odd(LONG, 'long'),
        wrong(NUL, 'a NUL character'),
      );
      break;
  }
  return out;
}

function queryMutations(f: Field): Mutation[] {
  const wrong = (value: string, label: string): Mutation => ({
    case: `${f.name}=${label}`,
    value,
    mustName: true,
  });
  const odd = (value: unknown, label: string): Mutation => ({
    case: `${f.name}=${label}`,
    value,
    mustName: false,
  });
  const out: Mutation[] = [
    odd(['a', 'b'], 'given twice'),
    odd('', 'empty'),
    odd('x'.repeat(4000), '4,000 characters'),
    wrong(NUL, 'a NUL character'),
  ];
  if (f.kind === 'number') {
    out.push(wrong('abc', 'abc'), wrong('1x', '1x'));
    out.push(odd('-1', '-1'), odd('0', '0'), odd('1.5', '1.5'), odd('99999999999999999999', 'huge'));
    out.push(odd('1e400', '1e400'), odd('2147483648', '2^31'));
  }
  if (f.kind === 'boolean') out.push(wrong('maybe', 'maybe'));
  if (f.kind === 'enum') out.push(wrong('no-such-value', 'an unknown value'));
  if (f.validators.has(IS_UUID))
    out.push(wrong(NOT_A_UUID, 'not a UUID'), odd(randomUUID(), 'an unknown id'));
  if (f.isDate) {
    out.push(wrong('not-a-date', 'not a date'), wrong('2026-13-45', '2026-13-45'));
    out.push(odd('0001-01-01', 'year 1'), odd('9999-12-31', 'year 9999'), odd('2026-02-30', 'February 30th'));
  }
  if (f.kind === 'string' && !f.validators.has(IS_UUID))
    out.push(odd("'; select 1; --", 'SQL'), odd('%_\\', 'LIKE'));
  return out;
}

function namesField(body: unknown, field: string): boolean {
  const message = (body as { message?: string | string[] } | undefined)?.message;
  const messages = Array.isArray(message) ? message : [message ?? ''];
  return messages.some(
    (m) => m.startsWith(`${field}:`) || m.startsWith(`${field}.`) || m.startsWith(`${field}[`),
  );
}

function queryString(q: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q)) {
    for (const x of Array.isArray(v) ? v : [v])
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(x))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

// ---------------------------------------------------------------------------------------------

describe('bad input never answers 500', () => {
  let t: TestApp;
  let routes: Route[];
  let config: AppConfig;
  const tokens = new Map<Role, string>();
  let me: string;
  let ingestKey: string;

  /** The role this sweep calls a route as: zone_admin where it may, otherwise one that may. */
  function callerOf(r: Route): Role | null {
    const rule = EXPECTED[`${r.method} ${r.path}`];
    if (!rule || rule === 'public') return null;
    return rule.includes('zone_admin') ? 'zone_admin' : rule[0]!;
  }

  function call(r: Route, path: string) {
    const agent = request(t.baseUrl);
    const req =
      r.method === 'GET'
        ? agent.get(path)
        : r.method === 'POST'
          ? agent.post(path)
          : r.method === 'PUT'
            ? agent.put(path)
            : r.method === 'PATCH'
              ? agent.patch(path)
              : agent.delete(path);
    if (r.path.startsWith('/ingest/')) req.set('X-Ingest-Key', ingestKey);
    const role = callerOf(r);
    return role ? req.set('Authorization', `Bearer ${tokens.get(role)}`) : req;
  }

  /** A path with the given values for its parameters (`:name`); the others get `fill`. */
  function pathWith(r: Route, values: Record<string, string>, fill: (name: string) => string): string {
    return r.path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? fill(name));
  }

  /** A plausible value for a parameter that is not an id. */
  function placeholder(name: string): string {
    if (name === 'token') return signResponseToken(randomUUID(), t.jwtSecret);
    if (name === 'owner') return 'zone';
    if (name === 'version') return '1';
    if (name === 'name') return 'callouts';
    return randomUUID();
  }

  // Real ids: the first record of the list route above the parameter (never the caller itself).
  const lists = new Map<string, string>();
  async function firstId(listPath: string, key = 'items'): Promise<string | null> {
    const memo = `${listPath}#${key}`;
    if (lists.has(memo)) return lists.get(memo)!;
    const res = await request(t.baseUrl)
      .get(listPath)
      .set('Authorization', `Bearer ${tokens.get('zone_admin')}`);
    let id: string | null = null;
    if (res.status === 200) {
      const body = res.body as Record<string, unknown> | unknown[];
      const items = (Array.isArray(body) ? body : (body[key] ?? [])) as { id?: unknown }[];
      const found = items.find((i) => typeof i.id === 'string' && i.id !== me);
      id = (found?.id as string | undefined) ?? null;
    }
    // A miss is not remembered: the sweep itself may create the first record.
    if (id) lists.set(memo, id);
    return id;
  }

  /** Records without a list route of their own: found inside their parent's view. */
  const NESTED: Record<string, () => Promise<string | null>> = {
    '/api/plan-versions': async () => firstId(`/api/plans/${await firstId('/api/plans')}`, 'versions'),
    '/api/plan-levels': async () =>
      firstId(`/api/plan-versions/${await NESTED['/api/plan-versions']!()}`, 'levels'),
    '/api/disposal-cards': async () =>
      firstId(`/api/plan-versions/${await NESTED['/api/plan-versions']!()}`, 'cards'),
    '/api/callouts': async () => firstId(`/api/incidents/${await firstId('/api/incidents')}/callouts`),
  };

  /** Real values for the route's parameters, as far as they can be found. */
  async function realParams(r: Route): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    const segments = r.path.split('/');
    for (let i = 0; i < segments.length; i++) {
      const m = /^:(\w+)$/.exec(segments[i]!);
      if (!m) continue;
      const name = m[1]!;
      if (['token', 'owner', 'version', 'name', 'jobId'].includes(name)) {
        segments[i] = values[name] = placeholder(name);
        continue;
      }
      const parent = segments.slice(0, i).join('/');
      const id = NESTED[parent] ? await NESTED[parent]() : await firstId(parent);
      if (!id) break;
      segments[i] = values[name] = id;
    }
    return values;
  }

  /** The route's path with real ids, or null where one cannot be found. */
  async function realPath(r: Route): Promise<string | null> {
    const values = await realParams(r);
    const path = pathWith(r, values, () => '');
    return path.includes('//') || path.endsWith('/') ? null : path;
  }

  /** Where a body's reference fields (enterpriseId, leaderContactId, teamIds, …) find real records. */
  const REFERENCES: Record<string, string> = {
    enterprise: '/api/enterprises',
    contact: '/api/contacts',
    team: '/api/teams',
    rotation: '/api/rotations',
    resource: '/api/resources',
    plan: '/api/plans',
    policy: '/api/policies',
    user: '/api/users',
    incident: '/api/incidents',
    scenario: '/api/drills/scenarios',
  };
  function referenceOf(field: string): string | undefined {
    const m = /^(\w*?)Ids?$/.exec(field);
    const entity = m?.[1]?.toLowerCase();
    return entity ? Object.entries(REFERENCES).find(([k]) => entity.endsWith(k))?.[1] : undefined;
  }

  /**
   * A valid body whose required references name real records; one that creates a record also
   * names its enterprise, which zone roles must give where an officer's is implied.
   */
  async function baseBody(r: Route, cls: Type): Promise<Record<string, unknown>> {
    const body = await validObject(cls);
    for (const f of fieldsOf(cls)) {
      const list = referenceOf(f.name);
      if (!list || !f.validators.has(IS_UUID)) continue;
      if (!(f.name in body) && !(f.name === 'enterpriseId' && r.method === 'POST')) continue;
      const id = await firstId(list);
      if (id) body[f.name] = f.isArray ? [id] : id;
    }
    return body;
  }

  const failures: string[] = [];
  /**
   * Every answer must be below 500, and a 400's messages must each be "field: problem". Two kinds
   * come from the framework before any field is known: Express's "Failed to decode param" (it
   * cannot say which parameter), and multer's messages on the spreadsheet imports.
   */
  function check(r: Route, label: string, res: { status: number; body: unknown }): void {
    if (res.status === 400) {
      const m = (res.body as { message?: unknown }).message;
      const framework = (x: string) =>
        x.startsWith('Failed to decode param') ||
        (UPLOAD_ROUTES.includes(`${r.method} ${r.path}`) && !x.includes(': '));
      for (const x of Array.isArray(m) ? m : [m])
        if (typeof x !== 'string' || (!/^[\w.[\]-]+: /.test(x) && !framework(x)))
          failures.push(`${r.method} ${r.path} [${label}] → 400 naming no field: ${JSON.stringify(x)}`);
    }
    if (res.status >= 500) {
      const id = (res.body as { errorId?: string } | undefined)?.errorId ?? '';
      failures.push(`${r.method} ${r.path} [${label}] → ${res.status} ${id}`.trim());
    }
  }
  /** Takes this test's failures (so that each test reports its own): 500s and unnamed 400s. */
  function drain(): string[] {
    return failures.splice(0);
  }

  beforeAll(async () => {
    t = await createTestApp({ env: { TWILIO_AUTH_TOKEN: AUTH_TOKEN } });
    routes = listRoutes(t);
    config = t.app.get<AppConfig>(APP_CONFIG);
    for (const role of new Set(Object.values(EXPECTED).flatMap((r) => (r === 'public' ? [] : r))))
      tokens.set(role, await t.token(role));
    const self = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${tokens.get('zone_admin')}`);
    me = (self.body as { id: string }).id;
    const admin = { Authorization: `Bearer ${tokens.get('zone_admin')}` };
    const enterprises = await t.http.get('/api/enterprises').set(admin).expect(200);
    const enterpriseId = (enterprises.body as { items: { id: string }[] }).items[0]!.id;
    ingestKey = (await t.http.post(`/api/enterprises/${enterpriseId}/ingest-key`).set(admin).expect(201)).body
      .key;
  });
  afterAll(() => t.close());

  it('reads a body or query DTO for the routes that take one', () => {
    const withBody = routes.filter((r) => routeArgs(r).body instanceof Function);
    const withQuery = routes.filter((r) => routeArgs(r).query);
    expect(withBody.length).toBeGreaterThan(40);
    expect(withQuery.length).toBeGreaterThan(15);
  });

  // Found by the fuzzer (openapi-fuzz.test.ts). Early, while the demo policies are still valid:
  // the sweeps below change the records they page.
  it('escalation policies: valid tiers in a list of their own are a 400, saves at one moment a 409', async () => {
    const r = routes.find((x) => `${x.method} ${x.path}` === 'PATCH /api/policies/:id')!;
    const id = (await firstId('/api/policies'))!;
    const admin = { Authorization: `Bearer ${tokens.get('zone_admin')}` };
    const { tiers } = (await request(t.baseUrl).get(`/api/policies/${id}`).set(admin)).body as {
      tiers: unknown;
    };
    const wrapped = await call(r, `/api/policies/${id}`).send({ tiers: [tiers] });
    check(r, 'tiers in a list of their own', wrapped);
    expect({ status: wrapped.status, named: namesField(wrapped.body, 'tiers') }).toEqual({
      status: 400,
      named: true,
    });
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call(r, `/api/policies/${id}`).send({ tiers })),
    );
    for (const res of answers) check(r, 'saved 6 times at once', res);
    expect(answers.map((a) => a.status)).toContain(200);
    expect(drain()).toEqual([]);
  });

  it('path parameters: a malformed id is a 400 naming it, an unknown one a 404', async () => {
    const wrongStatus: string[] = [];
    for (const r of routes.filter((x) => x.path.includes(':') && !x.path.startsWith('/webhooks'))) {
      const args = routeArgs(r);
      const body = args.body instanceof Function ? await baseBody(r, args.body) : undefined;
      const q = args.query ? queryString(await validQuery(args.query)) : '';
      // The other parameters are real where they can be: only the one under test is wrong.
      const real = await realParams(r);
      for (const p of args.params) {
        const unknown = randomUUID();
        const values = p.uuid
          ? [NOT_A_UUID, '1', BAD_ESCAPE, unknown]
          : [
              NOT_A_UUID,
              unknown,
              '-1',
              '99999999999999999999',
              '-99999999999999999999',
              'x'.repeat(2000),
              BAD_ESCAPE,
            ];
        for (const v of values) {
          const path = pathWith(r, { ...real, [p.name]: v }, placeholder);
          const res = await (body ? call(r, path + q).send(body) : call(r, path + q));
          const label = `${r.method} ${r.path} :${p.name}=${v.slice(0, 40)} → ${res.status}`;
          check(r, `:${p.name} = ${v.slice(0, 40)}`, res);
          if (v === BAD_ESCAPE && res.status !== 400) wrongStatus.push(`${label} (expected 400)`);
          if (!p.uuid || v === BAD_ESCAPE) continue;
          if (v !== unknown && !(res.status === 400 && namesField(res.body, p.name)))
            wrongStatus.push(`${label} ${JSON.stringify(res.body)} (expected a 400 naming it)`);
          // Unknown: a 404, or a 400 that names it. A body's or query's own checks may come
          // first (a 400), and a run's state (409) may be checked before the inject it names.
          const first = Boolean(args.body ?? args.query);
          const named = res.status === 400 && (first || namesField(res.body, p.name));
          if (v === unknown && ![404, 409].includes(res.status) && !named)
            wrongStatus.push(`${label} ${JSON.stringify(res.body)} (expected 404)`);
        }
      }
    }
    expect({ errors: drain(), wrongStatus }).toEqual({ errors: [], wrongStatus: [] });
  });

  it('bodies: malformed, wrong types, nulls, long strings and missing nested fields', async () => {
    const unnamed: string[] = [];
    const invalidBases: string[] = [];
    // Routes without parameters first: their valid bodies create the records (incidents,
    // inspection records, …) whose ids the nested routes then use.
    const depth = (r: Route) => r.path.split(':').length;
    const writes = routes.filter((x) => ['POST', 'PUT', 'PATCH'].includes(x.method));
    for (const r of writes.sort((a, b) => depth(a) - depth(b))) {
      if (r.path.startsWith('/webhooks')) continue;
      const key = `${r.method} ${r.path}`;
      const args = routeArgs(r);
      const path = (await realPath(r)) ?? pathWith(r, {}, placeholder);
      const q = args.query ? queryString(await validQuery(args.query)) : '';

      // Not JSON at all, though it says it is: the body parser's 400, for every route.
      for (const raw of ['not json', '{"a":', '{"a":1,}', "{'a':1}"]) {
        const res = await call(r, path + q)
          .set('Content-Type', 'application/json')
          .send(raw);
        check(r, `body ${raw}`, res);
        if (res.status !== 400 || (res.body as { message?: unknown }).message !== 'body: malformed JSON')
          unnamed.push(`${key} body ${raw} → ${res.status} ${JSON.stringify(res.body)} (expected 400)`);
      }
      if (!args.body) continue;

      const base = args.body instanceof Function ? await baseBody(r, args.body) : {};
      if (args.body instanceof Function) {
        const errs = await problems(args.body, base);
        if (errs.length) invalidBases.push(`${key}: ${errs.map((e) => e.property).join(', ')}`);
      }
      for (const [label, body] of [
        ['{}', {}],
        ['[]', []],
        ['[valid]', [base]],
        ['null', null],
        ['"text"', 'text'],
        ['12345', 12345],
        ['an unknown field', { ...base, noSuchField: 1 }],
        ['the valid body', base],
      ] as [string, unknown][]) {
        const raw = JSON.stringify(body);
        const res = await call(r, path + q)
          .set('Content-Type', 'application/json')
          .send(raw);
        check(r, `body ${label}`, res);
      }
      if (!(args.body instanceof Function)) continue;

      for (const f of fieldsOf(args.body)) {
        for (const m of bodyMutations(f)) {
          const res = await call(r, path + q).send({ ...base, [f.name]: m.value });
          check(r, `body ${m.case}`, res);
          if (m.mustName && !(res.status === 400 && namesField(res.body, f.name)))
            unnamed.push(`${key} ${m.case} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    // Informational: DTOs the candidate values could not satisfy (their mutations still run).
    if (invalidBases.length) console.log(`bodies not valid as built:\n${invalidBases.join('\n')}`);
    expect({ errors: drain(), unnamed }).toEqual({ errors: [], unnamed: [] });
  });

  it('what overflowed the stack or reached PostgreSQL: deep nesting, NUL, lone surrogates, 1e-7', async () => {
    const wrongStatus: string[] = [];
    // Nested 15,000 levels: on every route, before any guard (the login is the first one reached).
    for (const r of routes.filter((x) => ['POST', 'PUT', 'PATCH'].includes(x.method))) {
      const path = (await realPath(r)) ?? pathWith(r, {}, placeholder);
      const res = await call(r, path).set('Content-Type', 'application/json').send(DEEP_JSON);
      check(r, 'body nested 15,000 levels', res);
      if (res.status !== 413 && !(res.status === 400 && namesField(res.body, 'body')))
        wrongStatus.push(`${r.method} ${r.path} nested → ${res.status} ${JSON.stringify(res.body)}`);
    }

    const route = (key: string) => routes.find((x) => `${x.method} ${x.path}` === key)!;
    const filing = route('POST /api/incidents');
    // A valid amount written in exponent form is an amount like any other.
    const exponent = JSON.stringify(incidentReport({ directLossCny: 0 })).replace(
      '"directLossCny":0',
      '"directLossCny":1.25e2',
    );
    const filed = await call(filing, filing.path).set('Content-Type', 'application/json').send(exponent);
    const { id, directLossCny } = filed.body as { id: string; directLossCny: unknown };
    expect({ status: filed.status, directLossCny }).toEqual({ status: 201, directLossCny: 125 });

    const reports = route('POST /api/incidents/:id/reports');
    const reportsPath = pathWith(reports, { id }, placeholder);
    const report = await baseBody(reports, routeArgs(reports).body as Type);
    const named: [Route, string, unknown, string][] = [
      [filing, filing.path, incidentReport({ title: NUL }), 'title'],
      [filing, filing.path, incidentReport({ title: LONE_SURROGATE }), 'title'],
      [filing, filing.path, incidentReport({ address: `x${LONE_SURROGATE}` }), 'address'],
      [filing, filing.path, incidentReport({ directLossCny: 1e-7 }), 'directLossCny'],
      [reports, reportsPath, { ...report, directLossCny: 1e-7 }, 'directLossCny'],
      [reports, reportsPath, { ...report, summary: NUL }, 'summary'],
    ];
    for (const [r, path, body, field] of named) {
      const res = await call(r, path).send(body as object);
      check(r, `body ${field}: ${JSON.stringify(body).slice(0, 60)}`, res);
      if (!(res.status === 400 && namesField(res.body, field)))
        wrongStatus.push(`${r.method} ${path} ${field} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    const list = route('GET /api/incidents');
    const q = await call(list, '/api/incidents?q=%00');
    check(list, '?q=%00', q);
    if (!(q.status === 400 && namesField(q.body, 'q')))
      wrongStatus.push(`GET /api/incidents?q=%00 → ${q.status} ${JSON.stringify(q.body)}`);
    expect({ errors: drain(), wrongStatus }).toEqual({ errors: [], wrongStatus: [] });
  });

  it('query strings: non-numeric, negative and huge numbers, unknown values, malformed dates', async () => {
    const unnamed: string[] = [];
    for (const r of routes.filter((x) => x.method === 'GET')) {
      const args = routeArgs(r);
      if (!args.query) continue;
      const key = `${r.method} ${r.path}`;
      const path = (await realPath(r)) ?? pathWith(r, {}, placeholder);
      const base = await validQuery(args.query);
      check(r, 'the valid query', await call(r, path + queryString(base)));
      check(r, 'an unknown parameter', await call(r, path + queryString({ ...base, noSuchParam: '1' })));
      for (const f of fieldsOf(args.query)) {
        const nested = `${path}${queryString(base)}${Object.keys(base).length ? '&' : '?'}${f.name}[a]=1`;
        check(r, `${f.name}[a]=1`, await call(r, nested));
        for (const m of queryMutations(f)) {
          const res = await call(r, path + queryString({ ...base, [f.name]: m.value }));
          check(r, m.case, res);
          if (m.mustName && !(res.status === 400 && namesField(res.body, f.name)))
            unnamed.push(`${key} ${m.case} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
    }
    expect({ errors: drain(), unnamed }).toEqual({ errors: [], unnamed: [] });
  });

  it('upload routes: no file, a wrong field, malformed multipart', async () => {
    for (const key of UPLOAD_ROUTES) {
      const r = routes.find((x) => `${x.method} ${x.path}` === key)!;
      const cases: [string, () => ReturnType<typeof call>][] = [
        ['no body', () => call(r, r.path)],
        ['JSON', () => call(r, r.path).send({ file: 'text' })],
        ['another field', () => call(r, r.path).attach('other', Buffer.from('a,b\n1,2\n'), 'x.csv')],
        [
          'two files',
          () =>
            call(r, r.path)
              .attach('file', Buffer.from('a\n1\n'), 'a.csv')
              .attach('file', Buffer.from('a\n1\n'), 'b.csv'),
        ],
        ['an empty file', () => call(r, r.path).attach('file', Buffer.alloc(0), 'empty.csv')],
        ['garbage as xlsx', () => call(r, r.path).attach('file', Buffer.from('PK\x03\x04garbage'), 'x.xlsx')],
        ['a broken CSV', () => call(r, r.path).attach('file', Buffer.from('"a,b\n"1,2\n'), 'x.csv')],
        ['no boundary', () => call(r, r.path).set('Content-Type', 'multipart/form-data').send('garbage')],
        [
          'a cut-off body',
          () =>
            call(r, r.path)
              .set('Content-Type', 'multipart/form-data; boundary=XyZ')
              .send('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\n1'),
        ],
      ];
      for (const [label, send] of cases) {
        const res = await send();
        check(r, label, res);
      }
    }
    expect(drain()).toEqual([]);
  });

  it('drill scenario bodies (untyped): wrong types of their fields', async () => {
    for (const key of SCENARIO_BODY_ROUTES) {
      const r = routes.find((x) => `${x.method} ${x.path}` === key)!;
      const path = (await realPath(r)) ?? pathWith(r, {}, placeholder);
      for (const body of [
        { title: 12345 },
        { title: LONG },
        { injects: 'text' },
        { injects: [null] },
        { injects: [{}] },
        { injects: [{ offsetMinutes: 'abc' }] },
        { injects: [{ offsetMinutes: 1e20 }] },
        { document: null },
        { version: 'abc' },
      ]) {
        check(r, `body ${JSON.stringify(body).slice(0, 60)}`, await call(r, path).send(body));
      }
    }
    expect(drain()).toEqual([]);
  });

  // Signed webhook requests with malformed parameters: the signature check lets them through, so
  // what follows must read them with care (Twilio sends well-formed ones, but a signed request is
  // no proof that every parameter fits a column).
  const HOOK_IDS = [NOT_A_UUID, '-'.repeat(36), randomUUID(), ''];
  const HOOK_FORMS: Record<string, string>[] = [
    {},
    { MessageStatus: 'delivered' },
    { MessageStatus: 'failed', ErrorCode: 'abc' },
    { MessageStatus: 'failed', ErrorCode: '99999999999' },
    { MessageStatus: 'no-such-status', MessageSid: LONG.slice(0, 5000) },
    { CallStatus: 'completed', Digits: 'x' },
    { From: '', Body: '1' },
    { From: 'not a phone', Body: `1 ${'x'.repeat(5000)}` },
    { From: '+8613800000000', Body: 'STOP' },
  ];
  async function signedHooks() {
    for (const r of routes.filter((x) => x.path.startsWith('/webhooks'))) {
      for (const id of HOOK_IDS) {
        for (const form of HOOK_FORMS) {
          const path = `${r.path}?delivery=${encodeURIComponent(id)}&sms=${encodeURIComponent(id)}`;
          const url = `${config.PUBLIC_URL.replace(/\/+$/, '')}${path}`;
          const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, form);
          const res = await call(r, path).type('form').set('X-Twilio-Signature', signature).send(form);
          check(r, `signed ?id=${id.slice(0, 36)} ${JSON.stringify(form).slice(0, 60)}`, res);
        }
      }
    }
  }

  it('webhooks: unsigned is a 403; signed but malformed is no 500', async () => {
    const hooks = routes.filter((r) => r.path.startsWith('/webhooks'));
    expect(hooks.length).toBeGreaterThan(0);
    for (const r of hooks) {
      const unsigned = await call(r, r.path).type('form').send({ MessageStatus: 'delivered' });
      check(r, 'unsigned', unsigned);
      expect({ route: r.path, status: unsigned.status }).toEqual({ route: r.path, status: 403 });
    }
    await signedHooks();
    expect(drain()).toEqual([]);
  });
});
