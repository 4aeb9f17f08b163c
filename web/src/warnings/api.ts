import { apiRequest } from '../api/client';
import type {
  CapCertainty,
  CapSeverity,
  CapUrgency,
  GeoPoint,
  ListResponse,
  WarningAction,
  WarningPreview,
  WarningView,
} from '../contracts';

/** The warnings module's endpoints (server/src/warnings). */
export type AreaChoice =
  | { featureId: string }
  | { threatZoneId: string }
  | { polygon: number[][][] }
  | { circle: { center: GeoPoint; radiusM: number } };

export interface WarningInput {
  area: AreaChoice;
  text: string;
  action: WarningAction;
  assemblyPointId?: string;
  event?: string;
  urgency?: CapUrgency;
  severity?: CapSeverity;
  certainty?: CapCertainty;
}

const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export const previewWarning = (incidentId: string, area: AreaChoice) =>
  apiRequest<WarningPreview>(`${incidentPath(incidentId)}/warnings/preview`, {
    method: 'POST',
    body: { area },
  });

export const sendWarning = (incidentId: string, body: WarningInput) =>
  apiRequest<WarningView>(`${incidentPath(incidentId)}/warnings`, { method: 'POST', body });

export const fetchWarnings = (incidentId: string, signal?: AbortSignal) =>
  apiRequest<ListResponse<WarningView>>(`${incidentPath(incidentId)}/warnings`, { signal });

export const cancelWarning = (id: string, text: string) =>
  apiRequest<WarningView>(`/api/warnings/${encodeURIComponent(id)}/cancel`, {
    method: 'POST',
    body: { text },
  });
