import { apiRequest } from '../api/client';
import type {
  AnySheetSummary,
  AnySheetView,
  AssessmentSubject,
  IndicatorInput,
  NoticeKind,
  NoticeView,
  SchemeView,
} from '../contracts';
import { downloadXlsx as downloadWithServerName } from '../hazards/api';

const enc = encodeURIComponent;

export const assessmentKeys = {
  all: ['assessments'] as const,
  schemes: ['assessments', 'schemes'] as const,
  sheets: (schemeId: string) => ['assessments', 'sheets', schemeId] as const,
  sheet: (id: string) => ['assessments', 'sheet', id] as const,
  notices: (schemeId: string) => ['assessments', 'notices', schemeId] as const,
};

export interface SchemeInput {
  year: number;
  subject: AssessmentSubject;
  title: string;
  objectionDays: number;
  indicators: IndicatorInput[];
}

export const fetchSchemes = (signal?: AbortSignal) =>
  apiRequest<SchemeView[]>('/api/assessments/schemes', { signal });

export const createScheme = (body: SchemeInput) =>
  apiRequest<SchemeView>('/api/assessments/schemes', { method: 'POST', body });

export const computeScheme = (id: string) =>
  apiRequest<AnySheetSummary[]>(`/api/assessments/schemes/${enc(id)}/compute`, { method: 'POST' });

export const publishScheme = (id: string) =>
  apiRequest<SchemeView>(`/api/assessments/schemes/${enc(id)}/publish`, { method: 'POST' });

export const fetchSheets = (schemeId: string, signal?: AbortSignal) =>
  apiRequest<AnySheetSummary[]>(`/api/assessments/schemes/${enc(schemeId)}/sheets`, { signal });

export const fetchSheet = (id: string, signal?: AbortSignal) =>
  apiRequest<AnySheetView>(`/api/assessments/sheets/${enc(id)}`, { signal });

export const scoreManual = (
  sheetId: string,
  indicatorId: string,
  body: { points: number; note: string; fileIds: string[] },
) =>
  apiRequest<AnySheetView>(`/api/assessments/sheets/${enc(sheetId)}/scores/${enc(indicatorId)}`, {
    method: 'PUT',
    body,
  });

export const fileObjection = (sheetId: string, text: string) =>
  apiRequest<AnySheetView>(`/api/assessments/sheets/${enc(sheetId)}/objections`, {
    method: 'POST',
    body: { text },
  });

export const replyObjection = (objectionId: string, reply: string) =>
  apiRequest<AnySheetView>(`/api/assessments/objections/${enc(objectionId)}/reply`, {
    method: 'PUT',
    body: { reply },
  });

export const fetchNotices = (schemeId: string, signal?: AbortSignal) =>
  apiRequest<NoticeView[]>(`/api/assessments/schemes/${enc(schemeId)}/notices`, { signal });

export const issueNotice = (schemeId: string, kind: NoticeKind) =>
  apiRequest<NoticeView>(`/api/assessments/schemes/${enc(schemeId)}/notices`, {
    method: 'POST',
    body: { kind },
  });

export const downloadNoticePdf = (notice: NoticeView) =>
  downloadWithServerName(`/api/assessments/notices/${enc(notice.id)}/pdf`, {}, `${notice.documentNo}.pdf`);
