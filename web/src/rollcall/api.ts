import { apiRequest } from '../api/client';
import type { LinkRollCall, RollCallCandidates, RollCallView } from '../contracts';

const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}/roll-calls`;
const rollCallPath = (id: string) => `/api/roll-calls/${encodeURIComponent(id)}`;

export function fetchRollCalls(incidentId: string, signal?: AbortSignal): Promise<RollCallView[]> {
  return apiRequest(incidentPath(incidentId), { signal });
}

export function fetchCandidates(incidentId: string, signal?: AbortSignal): Promise<RollCallCandidates> {
  return apiRequest(`${incidentPath(incidentId)}/candidates`, { signal });
}

export interface OpenInput {
  points: { source: 'room' | 'resource'; sourceId: string }[];
  enterpriseIds: string[];
}

export function openRollCall(incidentId: string, body: OpenInput): Promise<RollCallView> {
  return apiRequest(incidentPath(incidentId), { method: 'POST', body });
}

export interface CountInput {
  enterpriseId: string;
  pointId?: string;
  expected: number;
  accounted: number;
}

export function reportCount(rollCallId: string, body: CountInput): Promise<RollCallView> {
  return apiRequest(`${rollCallPath(rollCallId)}/counts`, { method: 'POST', body });
}

export function nameMissing(
  rollCallId: string,
  body: { name: string; enterpriseId?: string; note?: string },
): Promise<RollCallView> {
  return apiRequest(`${rollCallPath(rollCallId)}/missing`, { method: 'POST', body });
}

export function clearMissing(rollCallId: string, personId: string): Promise<RollCallView> {
  return apiRequest(`${rollCallPath(rollCallId)}/missing/${encodeURIComponent(personId)}`, {
    method: 'DELETE',
  });
}

export function closeRollCall(rollCallId: string, carryIntoReport: boolean): Promise<RollCallView> {
  return apiRequest(`${rollCallPath(rollCallId)}/close`, { method: 'POST', body: { carryIntoReport } });
}

export function fetchLinkRollCall(token: string, signal?: AbortSignal): Promise<LinkRollCall> {
  return apiRequest(`/api/roll-calls/by-link/${encodeURIComponent(token)}`, { signal, anonymous: true });
}

export function checkInByLink(token: string, pointId: string): Promise<LinkRollCall> {
  return apiRequest(`/api/roll-calls/by-link/${encodeURIComponent(token)}/check-in`, {
    method: 'POST',
    body: { pointId },
    anonymous: true,
  });
}
