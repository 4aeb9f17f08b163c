import { apiRequest } from '../api/client';
import type {
  EnforcementCaseSummary,
  EnforcementCaseView,
  EnforcementStep,
  HazardCategory,
  HazardLevel,
  InstrumentView,
  ListResponse,
} from '../contracts';
import { downloadXlsx as downloadWithServerName } from '../hazards/api';

const enc = encodeURIComponent;

export const enforcementKeys = {
  all: ['enforcement'] as const,
  list: (status: string, page: number) => ['enforcement', 'list', status, page] as const,
  case: (id: string) => ['enforcement', 'case', id] as const,
};

export interface ViolationInput {
  facts: string;
  basis: string;
  hazardId?: string;
  hazard?: { place: string; category: HazardCategory; level: HazardLevel; harmAnalysis?: string };
}

export interface CaseInput {
  inspectionRecordId?: string;
  enterpriseId?: string;
  title: string;
  violations: ViolationInput[];
}

export const fetchCases = (
  query: { status?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => apiRequest<ListResponse<EnforcementCaseSummary>>('/api/enforcement/cases', { query, signal });

export const fetchCase = (id: string, signal?: AbortSignal) =>
  apiRequest<EnforcementCaseView>(`/api/enforcement/cases/${enc(id)}`, { signal });

export const openCase = (body: CaseInput) =>
  apiRequest<EnforcementCaseView>('/api/enforcement/cases', { method: 'POST', body });

/** The route of each step under its case. */
export const STEP_PATH: Record<EnforcementStep, string> = {
  inspection_record: 'inspection-record',
  rectification_order: 'rectification-order',
  onsite_measures: 'onsite-measures',
  recheck_opinion: 'recheck-opinion',
  filing: 'filing',
  penalty_notice: 'penalty-notice',
  statement: 'statement',
  penalty_decision: 'penalty-decision',
  closing: 'closing',
};

export const takeStep = (id: string, step: EnforcementStep, body: Record<string, unknown>) =>
  apiRequest<EnforcementCaseView>(`/api/enforcement/cases/${enc(id)}/${STEP_PATH[step]}`, {
    method: 'POST',
    body,
  });

export const discloseCase = (id: string) =>
  apiRequest<EnforcementCaseView>(`/api/enforcement/cases/${enc(id)}/disclose`, { method: 'POST' });

export const downloadInstrumentPdf = (instrument: InstrumentView) =>
  downloadWithServerName(
    `/api/enforcement/instruments/${enc(instrument.id)}/pdf`,
    {},
    `${instrument.documentNo}.pdf`,
  );
