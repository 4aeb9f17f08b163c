import { apiRequest } from '../api/client';
import type { ReportChannel, ReportLevel, ReportingChainView } from '../contracts';

/** The reporting chain's acts (Decree 493 Art. 9–13, 29, 32; SAWS Order 21); each answers the chain. */

const chain = (id: string, path: string) => `/api/incidents/${encodeURIComponent(id)}/chain/${path}`;

export interface SentReportInput {
  at?: string;
  recipient: string;
  channel: ReportChannel;
  senderName: string;
  fileId?: string;
  note?: string;
}

export type ChainAct =
  | {
      kind: 'enterprise-report';
      body: { at?: string; headInformedAt?: string; senderName?: string; note?: string };
    }
  | { kind: 'provincial'; body: SentReportInput }
  | { kind: 'onward'; body: SentReportInput & { level: ReportLevel } }
  | { kind: 'casualty-change'; body: { at?: string; note: string } }
  | { kind: 'investigation/report'; body: { at?: string; fileId?: string; note?: string } }
  | { kind: 'investigation/extension'; body: { days: number; reason: string; approver: string } }
  | { kind: 'investigation/reply'; body: { at?: string; fileId?: string; note?: string } };

export function recordChainAct(incidentId: string, act: ChainAct): Promise<ReportingChainView> {
  return apiRequest(chain(incidentId, act.kind), { method: 'POST', body: act.body });
}
