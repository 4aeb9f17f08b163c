import { apiRequest } from '../api/client';
import type {
  ContactView,
  ListResponse,
  OnCallView,
  RotationOverrideView,
  RotationScheduleView,
  RotationView,
  TeamView,
} from '../contracts';

export function fetchContacts(f: { q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) {
  return apiRequest<ListResponse<ContactView>>('/api/contacts', { query: f, signal });
}

/** Every contact the caller may see, for pickers and for naming ids. */
export async function fetchAllContacts(signal?: AbortSignal): Promise<ContactView[]> {
  const out: ContactView[] = [];
  for (let page = 1; ; page++) {
    const res = await fetchContacts({ page, pageSize: 500 }, signal);
    out.push(...res.items);
    if (out.length >= res.total || res.items.length === 0) return out;
  }
}

export type ContactInput = Pick<
  ContactView,
  'name' | 'organization' | 'post' | 'phones' | 'skills' | 'certifications' | 'language' | 'notes'
>;

export function saveContact(id: string | null, body: Partial<ContactInput>) {
  return id
    ? apiRequest<ContactView>(`/api/contacts/${id}`, { method: 'PATCH', body })
    : apiRequest<ContactView>('/api/contacts', { method: 'POST', body });
}

export function deleteContact(id: string) {
  return apiRequest<void>(`/api/contacts/${id}`, { method: 'DELETE' });
}

export function fetchTeams(signal?: AbortSignal) {
  return apiRequest<ListResponse<TeamView>>('/api/teams', { query: { pageSize: 500 }, signal });
}

export type TeamInput = Pick<
  TeamView,
  'name' | 'type' | 'leaderContactId' | 'memberContactIds' | 'readiness' | 'baseAddress'
>;

export function saveTeam(id: string | null, body: Partial<TeamInput>) {
  return id
    ? apiRequest<TeamView>(`/api/teams/${id}`, { method: 'PATCH', body })
    : apiRequest<TeamView>('/api/teams', { method: 'POST', body });
}

export function fetchRotations(signal?: AbortSignal) {
  return apiRequest<ListResponse<RotationView>>('/api/rotations', { query: { pageSize: 500 }, signal });
}

export type RotationInput = Pick<
  RotationView,
  'name' | 'memberContactIds' | 'shiftHours' | 'handoffTime' | 'startDate'
>;

export function saveRotation(id: string | null, body: Partial<RotationInput>) {
  return id
    ? apiRequest<RotationView>(`/api/rotations/${id}`, { method: 'PATCH', body })
    : apiRequest<RotationView>('/api/rotations', { method: 'POST', body });
}

export function fetchOnCall(id: string, signal?: AbortSignal) {
  return apiRequest<OnCallView>(`/api/rotations/${id}/on-call`, { signal });
}

export function fetchSchedule(id: string, from: string, to: string, signal?: AbortSignal) {
  return apiRequest<RotationScheduleView>(`/api/rotations/${id}/schedule`, { query: { from, to }, signal });
}

export function addOverride(
  id: string,
  body: { contactId: string; startsAt: string; endsAt: string; reason?: string },
) {
  return apiRequest<RotationOverrideView>(`/api/rotations/${id}/overrides`, { method: 'POST', body });
}

export function removeOverride(id: string, overrideId: string) {
  return apiRequest<void>(`/api/rotations/${id}/overrides/${overrideId}`, { method: 'DELETE' });
}
