import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../api/client';
import { fetchAllContacts } from '../directory/api';
import type {
  DecisionAction,
  DecisionBoardView,
  DecisionDetail,
  DecisionView,
  EngineerLevel,
  EngineerSpecialty,
  LeadingGroupMemberView,
  LeadingGroupRole,
  ListResponse,
  MeetingDetail,
  MeetingKind,
  MeetingView,
  SafetyManagerKind,
  SafetyOrgIndustry,
  SafetyOrgView,
} from '../contracts';

export const orgKeys = {
  group: ['leading-group'] as const,
  members: (history: boolean) => ['leading-group', 'members', history] as const,
  meetings: ['leading-group', 'meetings'] as const,
  meeting: (id: string) => ['leading-group', 'meeting', id] as const,
  board: (state: string) => ['leading-group', 'board', state] as const,
  decision: (id: string) => ['leading-group', 'decision', id] as const,
  orgs: ['safety-orgs'] as const,
  org: (id: string) => ['safety-orgs', id] as const,
};

/** Every person of the directory the caller may see, for the pickers. */
export function useAllContacts() {
  return useQuery({ queryKey: ['contacts', 'all'], queryFn: ({ signal }) => fetchAllContacts(signal) });
}

export function useMembers(history: boolean) {
  return useQuery({
    queryKey: orgKeys.members(history),
    queryFn: ({ signal }) =>
      apiRequest<LeadingGroupMemberView[]>('/api/leading-group/members', { query: { history }, signal }),
  });
}

function useGroupMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.group }),
  });
}

export function useAddMember() {
  return useGroupMutation(
    (body: {
      contactId: string;
      role: LeadingGroupRole;
      department?: string;
      post?: string;
      fromDate: string;
    }) => apiRequest<LeadingGroupMemberView>('/api/leading-group/members', { method: 'POST', body }),
  );
}

export function useChangeMember() {
  return useGroupMutation(
    ({
      id,
      ...body
    }: {
      id: string;
      role: LeadingGroupRole;
      department: string;
      post: string;
      fromDate: string;
    }) =>
      apiRequest<LeadingGroupMemberView>(`/api/leading-group/members/${id}/change`, { method: 'POST', body }),
  );
}

export function useEndMember() {
  return useGroupMutation(({ id, untilDate }: { id: string; untilDate: string }) =>
    apiRequest<LeadingGroupMemberView>(`/api/leading-group/members/${id}/end`, {
      method: 'POST',
      body: { untilDate },
    }),
  );
}

export function useMeetings() {
  return useQuery({
    queryKey: orgKeys.meetings,
    queryFn: ({ signal }) =>
      apiRequest<ListResponse<MeetingView>>('/api/leading-group/meetings', {
        query: { pageSize: 100 },
        signal,
      }),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: orgKeys.meeting(id),
    queryFn: ({ signal }) => apiRequest<MeetingDetail>(`/api/leading-group/meetings/${id}`, { signal }),
  });
}

export interface MeetingInput {
  kind: MeetingKind;
  title: string;
  heldOn: string;
  attendeeContactIds: string[];
  otherAttendees: string;
  agenda: string;
  minutes: string;
  minutesFileIds: string[];
}

export function useCreateMeeting() {
  return useGroupMutation((body: MeetingInput) =>
    apiRequest<MeetingView>('/api/leading-group/meetings', { method: 'POST', body }),
  );
}

export function useAddDecision(meetingId: string) {
  return useGroupMutation(
    (body: { item: string; department: string; responsibleContactId: string | null; deadline: string }) =>
      apiRequest<DecisionView>(`/api/leading-group/meetings/${meetingId}/decisions`, {
        method: 'POST',
        body,
      }),
  );
}

export function useBoard(state: string) {
  return useQuery({
    queryKey: orgKeys.board(state),
    queryFn: ({ signal }) =>
      apiRequest<DecisionBoardView>('/api/leading-group/decisions', { query: { state }, signal }),
  });
}

export function useDecision(id: string) {
  return useQuery({
    queryKey: orgKeys.decision(id),
    queryFn: ({ signal }) => apiRequest<DecisionDetail>(`/api/leading-group/decisions/${id}`, { signal }),
  });
}

export function useDecisionAction(id: string) {
  return useGroupMutation((body: { action: DecisionAction; note: string; fileIds: string[] }) =>
    apiRequest<DecisionDetail>(`/api/leading-group/decisions/${id}/actions`, { method: 'POST', body }),
  );
}

export function useSafetyOrgs() {
  return useQuery({
    queryKey: orgKeys.orgs,
    queryFn: ({ signal }) => apiRequest<SafetyOrgView[]>('/api/safety-orgs', { signal }),
  });
}

export function useSafetyOrg(id: string) {
  return useQuery({
    queryKey: orgKeys.org(id),
    queryFn: ({ signal }) => apiRequest<SafetyOrgView>(`/api/safety-orgs/${id}`, { signal }),
  });
}

export interface SafetyOrgInput {
  industry: SafetyOrgIndustry | null;
  headcount: number | null;
  hasOffice: boolean;
  officeName: string;
  managers: {
    contactId: string;
    kind: SafetyManagerKind;
    engineer: { certificateNo: string; specialty: EngineerSpecialty; level: EngineerLevel } | null;
  }[];
}

export function useSaveSafetyOrg(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SafetyOrgInput) =>
      apiRequest<SafetyOrgView>(`/api/safety-orgs/${id}`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: orgKeys.orgs }),
  });
}
