/**
 * Enforcement (执法): a case against one enterprise, its numbered instruments in the order the
 * safety-production enforcement procedure sets, and what of a closed case the public may read.
 * See docs/enforcement.md for the reading of the procedure these rules follow.
 */
import { zoneDocumentNo } from './incident-forms.js';

/** The numbered instruments of a case, in the procedure's order. */
export const INSTRUMENT_KINDS = [
  'inspection_record',
  'rectification_order',
  'onsite_measures',
  'recheck_opinion',
  'filing',
  'penalty_notice',
  'penalty_decision',
  'closing',
] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

/** A step of the procedure: an instrument, or the record of the party's statement or hearing. */
export type EnforcementStep = InstrumentKind | 'statement';

/** The instruments' printed titles. */
export const INSTRUMENT_TITLE: Record<InstrumentKind, string> = {
  inspection_record: '现场检查记录',
  rectification_order: '责令限期整改指令书',
  onsite_measures: '现场处理措施决定书',
  recheck_opinion: '整改复查意见书',
  filing: '立案审批表',
  penalty_notice: '行政处罚告知书',
  penalty_decision: '行政处罚决定书',
  closing: '结案审批表',
};

/** The kind word in each instrument's number: 杜集开发区应急责改〔2026〕3号. */
export const INSTRUMENT_NUMBER_PREFIX: Record<InstrumentKind, string> = {
  inspection_record: '应急检记',
  rectification_order: '应急责改',
  onsite_measures: '应急现决',
  recheck_opinion: '应急复查',
  filing: '应急立',
  penalty_notice: '应急罚告',
  penalty_decision: '应急罚',
  closing: '应急结',
};

/** The key of an instrument's counter in the shared numbering (`document_counter.kind`). */
export function instrumentCounterKind(kind: InstrumentKind): string {
  return `enforcement.${kind}`;
}

export function formatInstrumentNo(kind: InstrumentKind, no: { year: number; seq: number }): string {
  return zoneDocumentNo(INSTRUMENT_NUMBER_PREFIX[kind], no);
}

/**
 * Instruments served on the enterprise (送达); the filing and closing approvals are the
 * authority's internal forms, which the enterprise's officers do not see.
 */
export const SERVED_INSTRUMENTS: readonly InstrumentKind[] = [
  'inspection_record',
  'rectification_order',
  'onsite_measures',
  'recheck_opinion',
  'penalty_notice',
  'penalty_decision',
];

export const STATEMENT_KINDS = ['statement', 'hearing', 'waived'] as const;
/** 陈述、申辩 / 听证 / 放弃. */
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Days a party has to state its case or ask for a hearing (行政处罚法 Art. 64: five days). */
export const DEFAULT_STATEMENT_DAYS = 5;
/** Days to pay a fine after the decision is served (行政处罚法 Art. 67). */
export const FINE_PAYMENT_DAYS = 15;
/** 行政复议法 Art. 20: within sixty days of knowing of the decision. */
export const REVIEW_DAYS = 60;
/** 行政诉讼法 Art. 46: within six months of knowing of the decision. */
export const LITIGATION_MONTHS = 6;

/**
 * Whether the party may ask for a hearing: a "larger" fine (安全生产违法行为行政处罚办法: from
 * 50,000 yuan on a unit, 10,000 yuan on a person) or an order to suspend production or
 * revoke a licence.
 */
export function hearingRight(p: {
  fineYuan: number;
  onPerson: boolean;
  suspendsOrRevokes: boolean;
}): boolean {
  return p.suspendsOrRevokes || p.fineYuan >= (p.onPerson ? 10_000 : 50_000);
}

/** What the state machine needs to know of a case. */
export interface ProcedureState {
  status: 'open' | 'closed';
  /** The instruments issued so far. */
  issued: readonly InstrumentKind[];
  /** The re-inspection found the rectification done. */
  recheckPassed: boolean | null;
  /** The statement period's last day (zone-local YYYY-MM-DD), once the notice is issued. */
  statementDeadline: string | null;
  statementRecorded: boolean;
  disclosed: boolean;
}

/** Why a step is refused: the step that must come first, or the case's state. */
export type StepRefusal =
  | { reason: 'missing'; missing: EnforcementStep | 'statement_or_period' }
  | { reason: 'already' }
  | { reason: 'closed' }
  | { reason: 'recheck_failed' };

/**
 * Whether `step` may be taken now (`today` zone-local), or what must come first. Each instrument
 * is issued once per case; a failed re-inspection leads to filing, not to closing; a decided
 * case may still be ordered to rectify (责令改正 beside the penalty), then re-inspected before it closes.
 */
export function refuseStep(state: ProcedureState, step: EnforcementStep, today: string): StepRefusal | null {
  if (state.status === 'closed') return { reason: 'closed' };
  const has = (k: InstrumentKind) => state.issued.includes(k);
  if (step === 'statement') {
    if (!has('penalty_notice')) return { reason: 'missing', missing: 'penalty_notice' };
    if (state.statementRecorded || has('penalty_decision')) return { reason: 'already' };
    return null;
  }
  if (has(step)) return { reason: 'already' };
  const missing = (m: EnforcementStep | 'statement_or_period'): StepRefusal => ({
    reason: 'missing',
    missing: m,
  });
  switch (step) {
    case 'inspection_record':
      return null;
    case 'rectification_order':
    case 'onsite_measures':
    case 'filing':
      return has('inspection_record') ? null : missing('inspection_record');
    case 'recheck_opinion':
      return has('rectification_order') ? null : missing('rectification_order');
    case 'penalty_notice':
      return has('filing') ? null : missing('filing');
    case 'penalty_decision':
      if (!has('penalty_notice')) return missing('penalty_notice');
      if (state.statementRecorded) return null;
      return state.statementDeadline !== null && today > state.statementDeadline
        ? null
        : missing('statement_or_period');
    case 'closing':
      if (!has('inspection_record')) return missing('inspection_record');
      // An order to rectify is followed up by its re-inspection, whatever else the case became.
      if (has('rectification_order') && !has('recheck_opinion')) return missing('recheck_opinion');
      if (has('filing')) return has('penalty_decision') ? null : missing('penalty_decision');
      if (has('rectification_order') && !state.recheckPassed) return { reason: 'recheck_failed' };
      return null;
  }
}

/** The steps that may be taken now, in the procedure's order (what the console offers). */
export function nextSteps(state: ProcedureState, today: string): EnforcementStep[] {
  const steps: EnforcementStep[] = [
    ...INSTRUMENT_KINDS.slice(0, 6),
    'statement',
    'penalty_decision',
    'closing',
  ];
  return steps.filter((s) => refuseStep(state, s, today) === null);
}

/** A closed case may be disclosed once; an open one never. */
export function refuseDisclosure(
  state: Pick<ProcedureState, 'status' | 'disclosed'>,
): 'open' | 'already' | null {
  if (state.status !== 'closed') return 'open';
  return state.disclosed ? 'already' : null;
}

/** Mobile numbers, landlines and resident ID numbers in free text. */
const PERSONAL_PATTERNS = [
  /(?<!\d)\d{17}[\dXx](?![\dXx])/g,
  /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g,
  /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g,
];

/**
 * Free text made fit for the public pages: ID numbers and phone numbers masked, and every name
 * the case's records know (inspectors, the people present, those responsible) replaced.
 */
export function redactPersonal(text: string, names: readonly string[]): string {
  let out = text;
  for (const p of PERSONAL_PATTERNS) out = out.replace(p, '＊＊＊');
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const n of known) out = out.split(n).join('某某');
  return out;
}

/** One violation of a case: what was found, the provision breached, and its hazard. */
export interface ViolationView {
  facts: string;
  /** 违反的法律、法规、规章条款. */
  basis: string;
  hazardId: string | null;
  hazardCode: string | null;
}

/** Each instrument's own fields, beside its number and dates. */
export interface InstrumentContent {
  inspection_record: {
    place: string;
    inspectedAt: string;
    /** 执法人员 and their certificate numbers, as printed. */
    inspectors: string;
    /** 被检查单位现场负责人. */
    present: string;
    situation: string;
  };
  rectification_order: { requirement: string; deadline: string };
  onsite_measures: { measures: string; basis: string; deadline: string | null };
  recheck_opinion: { recheckedOn: string; passed: boolean; opinion: string };
  filing: { cause: string; summary: string };
  penalty_notice: {
    fineYuan: number;
    otherPenalty: string | null;
    basis: string;
    onPerson: boolean;
    suspendsOrRevokes: boolean;
    hearingRight: boolean;
    statementDays: number;
    statementDeadline: string;
  };
  penalty_decision: {
    fineYuan: number;
    otherPenalty: string | null;
    basis: string;
    reasoning: string;
    paymentDeadline: string;
  };
  closing: { execution: string };
}

export interface InstrumentView<K extends InstrumentKind = InstrumentKind> {
  id: string;
  caseId: string;
  kind: K;
  documentNo: string;
  issuedAt: string;
  issuedBy: string;
  /** The deadline it sets (rectification, measures, statement period, payment), zone-local. */
  deadline: string | null;
  content: InstrumentContent[K];
}

export interface StatementView {
  kind: StatementKind;
  summary: string;
  /** Whether the statement's points were adopted, and why (复核意见). */
  review: string;
  recordedAt: string;
}

export interface EnforcementCaseSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  title: string;
  status: 'open' | 'closed';
  inspectionRecordId: string | null;
  openedAt: string;
  closedAt: string | null;
  disclosedAt: string | null;
  /** The next deadline still running (rectification or statement period), zone-local. */
  nextDeadline: string | null;
  /** The last instrument issued. */
  lastInstrument: InstrumentKind | null;
}

export interface EnforcementCaseView extends EnforcementCaseSummary {
  violations: ViolationView[];
  instruments: InstrumentView[];
  statement: StatementView | null;
  /** The steps the procedure allows now (empty for an enterprise's officers). */
  nextSteps: EnforcementStep[];
  openedBy: string;
}
