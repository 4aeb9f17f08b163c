import type { IncidentStatus } from './incidents.js';

/**
 * reported → verified → responding → contained → closed. A step may be skipped forward when the
 * facts overtake the paperwork (a report can go straight to responding), never backwards, except
 * contained → responding (the situation flared up) and the explicit reopen of a closed incident.
 */
const FORWARD: IncidentStatus[] = ['reported', 'verified', 'responding', 'contained', 'closed'];

export type TransitionCheck = { ok: true } | { ok: false; reason: string };

export function checkTransition(from: IncidentStatus, to: IncidentStatus, reason?: string): TransitionCheck {
  if (from === to) return { ok: false, reason: `the incident is already ${to}` };
  if (from === 'closed') {
    if (to !== 'responding' && to !== 'verified')
      return { ok: false, reason: 'a closed incident can only be reopened to verified or responding' };
    if (!reason?.trim()) return { ok: false, reason: 'reason: required to reopen a closed incident' };
    return { ok: true };
  }
  if (from === 'contained' && to === 'responding') return { ok: true };
  if (FORWARD.indexOf(to) > FORWARD.indexOf(from)) return { ok: true };
  return { ok: false, reason: `cannot go back from ${from} to ${to}` };
}

export function isOpen(status: IncidentStatus): boolean {
  return status !== 'closed';
}
