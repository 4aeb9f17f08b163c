import { apiRequest } from '../api/client';
import { sessionStore } from '../api/session';
import { currentLanguage } from '../i18n';
import { ApiRequestError } from '../api/client';
import { downloadFile, fetchWithSession } from '../api/download';
import type {
  UnitOverview,
  Casualties,
  DispatchState,
  DispatchView,
  FeatureGeometry,
  IncidentCategory,
  IncidentReportView,
  IncidentStatus,
  IncidentStatusSummary,
  IncidentView,
  ListResponse,
  MapFeatureKind,
  MapFeatureView,
  ResponseLevel,
  RoomEventOf,
  Severity,
  TaskStatus,
  TaskView,
  TypedRoomEvent,
} from '../contracts';

/** The incident endpoints of the API and the room endpoints of the rooms module. */

const base = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export interface IncidentFilter {
  open?: boolean;
  severity?: Severity | '';
  category?: IncidentCategory | '';
  enterpriseId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export function fetchIncidents(
  filter: IncidentFilter,
  signal?: AbortSignal,
): Promise<ListResponse<IncidentView>> {
  return apiRequest('/api/incidents', { query: { ...filter, open: filter.open ? true : undefined }, signal });
}

/** Every open incident in scope, for the overview map (paged through, like the enterprise sites). */
export async function fetchAllOpenIncidents(signal?: AbortSignal): Promise<IncidentView[]> {
  const pageSize = 500;
  const items: IncidentView[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchIncidents({ open: true, page, pageSize }, signal);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

export function fetchIncident(id: string, signal?: AbortSignal): Promise<IncidentView> {
  return apiRequest(base(id), { signal });
}

export interface IncidentReportInput {
  enterpriseId?: string;
  title: string;
  category: IncidentCategory;
  occurredAt: string;
  location: { lat: number; lng: number };
  address: string;
  summary: string;
  casualties: Casualties;
  directLossCny: number;
  measuresTaken: string;
  otherMatters?: string;
  unitOverview?: Partial<UnitOverview>;
  attachmentIds?: string[];
  reporter: { name: string; phone: string };
  headInformedAt?: string;
  filerIsUnitHead?: boolean;
  source?: 'enterprise' | 'zone';
}

export type FiledIncident = IncidentView & { warnings: string[] };

export function fileIncident(input: IncidentReportInput): Promise<FiledIncident> {
  return apiRequest('/api/incidents', { method: 'POST', body: input });
}

export interface SupplementaryReportInput {
  casualties: Casualties;
  directLossCny: number;
  summary: string;
  measuresTaken?: string;
  otherMatters?: string;
  unitOverview?: Partial<UnitOverview>;
  attachmentIds?: string[];
}

/** The printed form of a report (事故快报 or 续报) as the server renders it. */
export function reportPdfPath(incidentId: string, reportId: string): string {
  return `${base(incidentId)}/reports/${encodeURIComponent(reportId)}/pdf`;
}

export function fileSupplementaryReport(
  id: string,
  input: SupplementaryReportInput,
): Promise<IncidentReportView> {
  return apiRequest(`${base(id)}/reports`, { method: 'POST', body: input });
}

export function fetchReports(id: string, signal?: AbortSignal): Promise<IncidentReportView[]> {
  return apiRequest(`${base(id)}/reports`, { signal });
}

export function setIncidentStatus(
  id: string,
  status: IncidentStatus,
  reason?: string,
): Promise<IncidentView> {
  return apiRequest(`${base(id)}/status`, { method: 'POST', body: reason ? { status, reason } : { status } });
}

export function setResponseLevel(id: string, level: ResponseLevel): Promise<IncidentView> {
  return apiRequest(`${base(id)}/level`, { method: 'POST', body: { level } });
}

export function fetchRoomEvents(
  id: string,
  sinceSeq: number,
  signal?: AbortSignal,
): Promise<TypedRoomEvent[]> {
  return apiRequest(`${base(id)}/events`, { query: { sinceSeq }, signal });
}

export function postRoomMessage(id: string, text: string): Promise<RoomEventOf<'message'>> {
  return apiRequest(`${base(id)}/messages`, { method: 'POST', body: { text } });
}

export function fetchTasks(id: string, signal?: AbortSignal): Promise<TaskView[]> {
  return apiRequest(`${base(id)}/tasks`, { signal });
}

export interface TaskInput {
  title: string;
  detail?: string;
  assigneeLabel?: string;
  dueAt?: string;
}

export function createTask(id: string, input: TaskInput): Promise<TaskView> {
  return apiRequest(`${base(id)}/tasks`, { method: 'POST', body: input });
}

export function setTaskStatus(id: string, taskId: string, status: TaskStatus): Promise<TaskView> {
  return apiRequest(`${base(id)}/tasks/${encodeURIComponent(taskId)}`, { method: 'PATCH', body: { status } });
}

export function fetchFeatures(id: string, signal?: AbortSignal): Promise<MapFeatureView[]> {
  return apiRequest(`${base(id)}/features`, { signal });
}

export interface FeatureInput {
  kind: MapFeatureKind;
  label?: string;
  geometry: FeatureGeometry;
  radiusM?: number | null;
}

export function addFeature(id: string, input: FeatureInput): Promise<MapFeatureView> {
  return apiRequest(`${base(id)}/features`, { method: 'POST', body: input });
}

export function removeFeature(id: string, featureId: string): Promise<void> {
  return apiRequest(`${base(id)}/features/${encodeURIComponent(featureId)}`, { method: 'DELETE' });
}

export function fetchDispatches(id: string, signal?: AbortSignal): Promise<DispatchView[]> {
  return apiRequest(`${base(id)}/dispatches`, { signal });
}

/** Sends a resource: by free text (`label`), or from the register (`resourceId`). */
export function dispatchResource(
  id: string,
  what: string | { resourceId: string; label?: string },
): Promise<DispatchView> {
  const body = typeof what === 'string' ? { label: what } : what;
  return apiRequest(`${base(id)}/dispatches`, { method: 'POST', body });
}

export function setDispatchState(
  id: string,
  dispatchId: string,
  state: DispatchState,
): Promise<DispatchView> {
  return apiRequest(`${base(id)}/dispatches/${encodeURIComponent(dispatchId)}`, {
    method: 'PATCH',
    body: { state },
  });
}

export function fetchStatusSummary(id: string, signal?: AbortSignal): Promise<IncidentStatusSummary> {
  return apiRequest(`${base(id)}/summary`, { signal });
}

/**
 * The activity log as CSV. A plain link cannot carry the bearer token, so the file is fetched
 * and handed to the browser as a download.
 */
export async function downloadActivityCsv(id: string): Promise<void> {
  const token = sessionStore.get()?.token;
  let response: Response;
  try {
    response = await fetch(`${base(id)}/activity.csv`, {
      headers: {
        'Accept-Language': currentLanguage(),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  } catch {
    throw new ApiRequestError(0, []);
  }
  if (!response.ok) {
    if (response.status === 401 && token) sessionStore.end('expired');
    throw new ApiRequestError(response.status, response.statusText ? [response.statusText] : []);
  }
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `incident-${id}-activity.csv`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads a report's PDF under the name the server gives it (its document number). */
export function downloadReportPdf(incidentId: string, reportId: string, fallbackName: string) {
  return downloadFile(reportPdfPath(incidentId, reportId), fallbackName);
}

/**
 * Prints a report's PDF: the browser's own PDF viewer in a hidden frame opens its print dialog,
 * so what is printed is exactly the document the server numbered.
 */
export async function printReportPdf(incidentId: string, reportId: string) {
  const response = await fetchWithSession(reportPdfPath(incidentId, reportId));
  const url = URL.createObjectURL(new Blob([await response.blob()], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.setAttribute('aria-hidden', 'true');
  frame.src = url;
  frame.onload = () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    // The dialog blocks until closed in most browsers; the frame goes once the user is long done.
    setTimeout(() => {
      frame.remove();
      URL.revokeObjectURL(url);
    }, 60_000);
  };
  document.body.append(frame);
}
