import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/session-hooks';
import { isZoneRole } from '../contracts';
import { fetchContacts, fetchPolicies, fetchRotations, fetchTeams } from './api';

/** Whether the signed-in user may change records of this owner (the server decides in the end). */
export function useCanEdit(enterpriseId: string | null | undefined): boolean {
  const session = useSession();
  if (!session || enterpriseId === undefined) return false;
  const { role, enterpriseId: own } = session.user;
  if (role === 'zone_admin') return true;
  return role === 'enterprise_officer' && enterpriseId !== null && enterpriseId === own;
}

/** Zone roles see every owner; the pickers and lists offer them all. */
export function useIsZone(): boolean {
  const session = useSession();
  return session ? isZoneRole(session.user.role) : false;
}

/** The owner's contacts, teams, rotations and policies: what a level and its policy may name. */
export function useOwnerDirectory(owner: string, enabled = true) {
  const contacts = useQuery({
    queryKey: ['plans', 'contacts', owner],
    queryFn: ({ signal }) => fetchContacts(owner, signal),
    enabled,
  });
  const teams = useQuery({
    queryKey: ['plans', 'teams', owner],
    queryFn: ({ signal }) => fetchTeams(owner, signal),
    enabled,
  });
  const rotations = useQuery({
    queryKey: ['plans', 'rotations', owner],
    queryFn: ({ signal }) => fetchRotations(owner, signal),
    enabled,
  });
  const policies = useQuery({
    queryKey: ['plans', 'policies', owner],
    queryFn: ({ signal }) => fetchPolicies(owner, signal),
    enabled,
  });
  return {
    contacts: contacts.data?.items ?? [],
    teams: teams.data?.items ?? [],
    rotations: rotations.data?.items ?? [],
    policies: policies.data?.items ?? [],
    error: contacts.error ?? teams.error ?? rotations.error ?? policies.error,
  };
}
