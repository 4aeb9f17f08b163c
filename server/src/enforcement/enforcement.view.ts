import {
  type EnforcementCaseSummary,
  type InstrumentKind,
  type InstrumentView,
  type ProcedureState,
  formatInstrumentNo,
} from '@muster/contracts';
import type { EnforcementCase, EnforcementInstrument } from './enforcement.entities.js';

export function mapInstrument(i: EnforcementInstrument): InstrumentView {
  return {
    id: i.id,
    caseId: i.caseId,
    kind: i.kind,
    documentNo: formatInstrumentNo(i.kind, i),
    issuedAt: i.issuedAt.toISOString(),
    issuedBy: i.issuedByName,
    deadline: i.deadline,
    content: i.content,
  };
}

function byKind(instruments: readonly EnforcementInstrument[]) {
  const m = new Map<InstrumentKind, EnforcementInstrument>();
  for (const i of instruments) m.set(i.kind, i);
  return <K extends InstrumentKind>(k: K) => m.get(k) as EnforcementInstrument<K> | undefined;
}

/** What the procedure's rules read of a case. */
export function procedureState(
  c: EnforcementCase,
  instruments: readonly EnforcementInstrument[],
): ProcedureState {
  const of = byKind(instruments);
  return {
    status: c.status,
    issued: instruments.map((i) => i.kind),
    recheckPassed: of('recheck_opinion')?.content.passed ?? null,
    statementDeadline: of('penalty_notice')?.deadline ?? null,
    statementRecorded: c.statement !== null,
    disclosed: c.disclosedAt !== null,
  };
}

/**
 * The deadline still running: the order to rectify's until the re-inspection, the statement
 * period until the statement or the decision.
 */
export function nextDeadline(
  c: EnforcementCase,
  instruments: readonly EnforcementInstrument[],
): string | null {
  if (c.status === 'closed') return null;
  const of = byKind(instruments);
  const running: string[] = [];
  const order = of('rectification_order');
  if (order?.deadline && !of('recheck_opinion')) running.push(order.deadline);
  const notice = of('penalty_notice');
  if (notice?.deadline && !c.statement && !of('penalty_decision')) running.push(notice.deadline);
  return running.sort()[0] ?? null;
}

export function mapCaseSummary(
  c: EnforcementCase,
  instruments: readonly EnforcementInstrument[],
  enterpriseName: string,
): EnforcementCaseSummary {
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    enterpriseName,
    title: c.title,
    status: c.status,
    inspectionRecordId: c.inspectionRecordId,
    openedAt: c.openedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    disclosedAt: c.disclosedAt?.toISOString() ?? null,
    nextDeadline: nextDeadline(c, instruments),
    lastInstrument: instruments.at(-1)?.kind ?? null,
  };
}
