import { z } from 'zod';
import {
  ACTION_MATCHES,
  DRILL_FORMS,
  DRILL_SCOPES,
  INJECT_KINDS,
  type ScenarioDocument,
  type ScenarioExport,
  type ScenarioInject,
  type FeatureGeometry,
  INCIDENT_CATEGORIES,
  MAP_FEATURE_KINDS,
  isFeatureGeometry,
} from '@muster/contracts';
import { InvalidError } from '../common/domain-errors.js';

/** A scenario longer than a day is a typo, not a drill. */
export const MAX_OFFSET_SECONDS = 24 * 3600;
const MAX_INJECTS = 200;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const id = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, 'may hold only letters, digits, "_", "-" and "."');
const uuid = z.uuid('must be a UUID');
const point = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
const casualty = z.number().int().min(0).max(100_000);

const geometry = z.custom<FeatureGeometry>(
  isFeatureGeometry,
  'must be a GeoJSON Point, LineString or Polygon in [lng, lat] order',
);

const content = {
  message: z.object({ text: text(1000) }).strict(),
  incident_report: z
    .object({
      summary: text(2000),
      casualties: z
        .object({ deaths: casualty, missing: casualty, seriousInjuries: casualty, minorInjuries: casualty })
        .strict(),
      directLossCny: z.number().min(0).max(1e12),
    })
    .strict(),
  map_event: z
    .object({
      featureKind: z.enum(MAP_FEATURE_KINDS),
      label: z.string().trim().max(200),
      geometry,
      radiusM: z.number().positive().max(100_000).nullable().optional(),
    })
    .strict(),
  resource_unavailable: z.object({ resourceId: uuid.nullable().optional(), label: text(200) }).strict(),
  responder_unreachable: z.object({ contactId: uuid, name: text(200) }).strict(),
} as const;

const action = z
  .object({
    id,
    description: text(500),
    match: z
      .object({
        kind: z.enum(ACTION_MATCHES),
        featureKind: z.enum(MAP_FEATURE_KINDS).optional(),
        textIncludes: z.string().trim().min(1).max(200).optional(),
        status: z.string().trim().min(1).max(40).optional(),
      })
      .strict(),
    targetSeconds: z.number().int().min(1).max(MAX_OFFSET_SECONDS),
    objectiveId: id.nullable(),
  })
  .strict();

export const injectSchema = z
  .object({
    id,
    offsetSeconds: z.number().int().min(0).max(MAX_OFFSET_SECONDS),
    synopsis: text(500),
    kind: z.enum(INJECT_KINDS),
    targetRoles: z.array(text(60)).max(30),
    content: z.record(z.string(), z.unknown()),
    expectedActions: z.array(action).max(30),
  })
  .strict();

const documentSchema = z
  .object({
    title: text(200),
    form: z.enum(DRILL_FORMS),
    scope: z.enum(DRILL_SCOPES),
    planId: uuid.nullable(),
    responseLevel: z.string().trim().max(20).nullable(),
    objectives: z.array(z.object({ id, text: text(500) }).strict()).max(30),
    roles: z.array(text(60)).max(50),
    teamIds: z.array(uuid).max(50),
    setting: z
      .object({
        enterpriseId: uuid.nullable(),
        category: z.enum(INCIDENT_CATEGORIES),
        title: text(200),
        address: text(300),
        location: point,
        summary: text(2000),
      })
      .strict(),
    injects: z.array(injectSchema).max(MAX_INJECTS),
  })
  .strict();

function problemsOf(error: z.ZodError, prefix = ''): string[] {
  // A problem of the document as a whole (not an object, an unknown key) has no path: "body".
  return error.issues.map(
    (i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.') || 'body'}: ${i.message}`,
  );
}

/** Checks an inject's content against its kind; the kinds' shapes differ too much for one schema. */
function checkContent(inject: ScenarioInject, path: string, problems: string[]): void {
  const parsed = content[inject.kind].safeParse(inject.content);
  if (parsed.success) inject.content = parsed.data;
  else problems.push(...problemsOf(parsed.error, `${path}.content`));
}

/**
 * Validates a scenario document and its cross-references (unique ids, objectives that exist),
 * answering one 400 that names every bad field by its path.
 */
export function parseScenarioDocument(input: unknown, prefix = ''): ScenarioDocument {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError(problemsOf(parsed.error, prefix));
  const doc = parsed.data as unknown as ScenarioDocument;
  const problems: string[] = [];
  const at = (p: string) => [prefix, p].filter(Boolean).join('.');
  const objectiveIds = new Set<string>();
  doc.objectives.forEach((o, i) => {
    if (objectiveIds.has(o.id)) problems.push(`${at(`objectives.${i}.id`)}: repeats "${o.id}"`);
    objectiveIds.add(o.id);
  });
  const injectIds = new Set<string>();
  doc.injects.forEach((inject, i) => {
    const path = at(`injects.${i}`);
    if (injectIds.has(inject.id)) problems.push(`${path}.id: repeats "${inject.id}"`);
    injectIds.add(inject.id);
    checkContent(inject, path, problems);
    const actionIds = new Set<string>();
    inject.expectedActions.forEach((a, j) => {
      const ap = `${path}.expectedActions.${j}`;
      if (actionIds.has(a.id)) problems.push(`${ap}.id: repeats "${a.id}"`);
      actionIds.add(a.id);
      if (a.objectiveId && !objectiveIds.has(a.objectiveId))
        problems.push(`${ap}.objectiveId: no objective "${a.objectiveId}"`);
      if (a.match.kind === 'map_feature_added' && !a.match.featureKind)
        problems.push(`${ap}.match.featureKind: name the kind of feature to be drawn`);
      if (a.match.kind === 'status_changed' && !a.match.status)
        problems.push(`${ap}.match.status: name the status to be reached`);
    });
  });
  if (problems.length) throw new InvalidError(problems);
  // The timeline is kept in clock order; equal offsets keep the order they were given in.
  doc.injects = doc.injects
    .map((inject, i) => ({ inject, i }))
    .sort((a, b) => a.inject.offsetSeconds - b.inject.offsetSeconds || a.i - b.i)
    .map((x) => x.inject);
  return doc;
}

/** Validates one inject added during a run (its id is assigned by the caller). */
export function parseInject(input: unknown): ScenarioInject {
  const parsed = injectSchema.safeParse(input);
  if (!parsed.success) throw new InvalidError(problemsOf(parsed.error));
  const inject = parsed.data as unknown as ScenarioInject;
  const problems: string[] = [];
  checkContent(inject, '', problems);
  if (problems.length) throw new InvalidError(problems.map((p) => p.replace(/^\./, '')));
  return inject;
}

export function parseScenarioExport(input: unknown): ScenarioDocument {
  const envelope = z
    .object({
      format: z.literal('muster.drill-scenario', 'is not a Muster drill scenario export'),
      formatVersion: z.literal(1, 'must be 1'),
      exportedAt: z.string().optional(),
      scenario: z.unknown(),
    })
    .safeParse(input);
  if (!envelope.success) throw new InvalidError(problemsOf(envelope.error));
  return parseScenarioDocument(envelope.data.scenario, 'scenario');
}

export function exportScenario(doc: ScenarioDocument, now = new Date()): ScenarioExport {
  return { format: 'muster.drill-scenario', formatVersion: 1, exportedAt: now.toISOString(), scenario: doc };
}
