import {
  type IndicatorView,
  type NoticeView,
  type ObjectionView,
  type SchemeView,
  type AnySheetSummary,
  formatNoticeDocumentNo,
} from '@muster/contracts';
import { addDays, zoneDate } from '../zone/zone-time.js';
import type {
  AssessmentIndicator,
  AssessmentNotice,
  AssessmentObjection,
  AssessmentScheme,
  AssessmentSheet,
} from './assessment.entities.js';

export function mapIndicator(i: AssessmentIndicator): IndicatorView {
  return {
    id: i.id,
    position: i.position,
    group: i.groupName,
    name: i.name,
    metric: i.metric,
    rule: i.rule,
    weight: i.weight,
    param: i.param,
    evidence: i.evidence,
    veto: i.veto,
  };
}

/** The last zone-local day an objection is taken: publication day plus the period. */
export function objectionsUntil(s: AssessmentScheme, timeZone: string): string | null {
  return s.publishedAt ? addDays(zoneDate(s.publishedAt, timeZone), s.objectionDays) : null;
}

export function mapScheme(
  s: AssessmentScheme,
  indicators: AssessmentIndicator[],
  timeZone: string,
): SchemeView {
  return {
    id: s.id,
    year: s.year,
    title: s.title,
    objectionDays: s.objectionDays,
    subject: s.subject,
    status: s.status,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    objectionsUntil: objectionsUntil(s, timeZone),
    indicators: indicators.filter((i) => i.schemeId === s.id).map(mapIndicator),
  };
}

export function mapSheetSummary(
  sheet: AssessmentSheet,
  scheme: AssessmentScheme,
  unscored: number,
): AnySheetSummary {
  return {
    id: sheet.id,
    schemeId: sheet.schemeId,
    year: scheme.year,
    subject: scheme.subject,
    enterpriseId: sheet.enterpriseId,
    department: sheet.department,
    enterpriseName: sheet.enterpriseName,
    total: sheet.total,
    vetoed: sheet.vetoed,
    band: sheet.band,
    rank: sheet.rank,
    unscored,
    published: scheme.status === 'published',
  };
}

export function mapObjection(o: AssessmentObjection, names: Map<string, string>): ObjectionView {
  return {
    id: o.id,
    sheetId: o.sheetId,
    text: o.text,
    filedBy: (o.filedBy && names.get(o.filedBy)) ?? '',
    filedAt: o.filedAt.toISOString(),
    reply: o.reply,
    repliedBy: o.repliedBy ? (names.get(o.repliedBy) ?? '') : null,
    repliedAt: o.repliedAt?.toISOString() ?? null,
  };
}

export function mapNotice(n: AssessmentNotice): NoticeView {
  return {
    id: n.id,
    schemeId: n.schemeId,
    kind: n.kind,
    documentNo: formatNoticeDocumentNo(n.kind, n),
    enterprises: n.enterprises,
    issuedAt: n.issuedAt.toISOString(),
  };
}
