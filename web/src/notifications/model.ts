import { canOpen, type PageId } from '../auth/access';
import {
  NOTIFICATION_TEXT,
  type NotificationKind,
  type NotificationView,
  type RecordLanguage,
  type Role,
  inLanguage,
  isNotificationKind,
  notificationText,
} from '../contracts';

/**
 * A notification in the console's language, from its kind and params (the same table the server
 * words it from), so switching language re-words what is already on screen. A kind this console
 * does not know yet (a newer server) keeps the server's words.
 */
export function wordNotification(
  n: Pick<NotificationView, 'kind' | 'params' | 'title' | 'body'>,
  lang: RecordLanguage,
): { title: string; body: string } {
  return isNotificationKind(n.kind)
    ? notificationText(n.kind, n.params, lang)
    : { title: n.title, body: n.body };
}

/** A kind's name for filters and preferences: its title with the record's own values left out. */
export function kindLabel(kind: NotificationKind, lang: RecordLanguage): string {
  return inLanguage(NOTIFICATION_TEXT[kind].title, lang)
    .replace(/\{\w+\}/g, '')
    .replace(/[\s:：·—–-]+$/u, '')
    .trim();
}

/** Where each kind of record a notification names is opened, and the page that must be open to the role. */
const ROUTES: Record<string, { page: PageId; path: (id: string) => string }> = {
  incident: { page: 'incidents', path: (id) => `/incidents/${id}` },
  hazard: { page: 'hazards', path: (id) => `/hazards/${id}` },
  inspection_record: { page: 'inspections', path: (id) => `/inspections/${id}` },
  inspection_plan: { page: 'inspections', path: () => '/inspections' },
  plan: { page: 'plans', path: (id) => `/plans/${id}` },
  drill_run: { page: 'drills', path: (id) => `/drills/runs/${id}` },
  drill_improvement: { page: 'drills', path: () => '/drills/improvements' },
  resource: { page: 'resources', path: () => '/resources/list' },
  contact: { page: 'directory', path: () => '/directory' },
  team: { page: 'directory', path: () => '/directory/teams' },
  rotation: { page: 'directory', path: () => '/directory/rotations' },
  enterprise: { page: 'enterprises', path: () => '/enterprises' },
  assessment_sheet: { page: 'assessments', path: (id) => `/assessments/sheets/${id}` },
  work_plan: { page: 'workPlans', path: (id) => `/work-plans/${id}` },
  leading_group_decision: { page: 'leadingGroup', path: (id) => `/leading-group/decisions/${id}` },
  enterprise_safety_org: { page: 'safetyOrgs', path: (id) => `/safety-orgs/${id}` },
};

/**
 * The console route of the record a notification is about, or null when there is none the
 * reader's role may open. A notification about something in an incident (a call-out, a duty
 * page) names the incident in its params and opens its room.
 */
export function notificationLink(
  n: Pick<NotificationView, 'entity' | 'entityId' | 'params'>,
  role: Role,
): string | null {
  const incidentId = n.params.incidentId;
  if (n.entity !== 'incident' && typeof incidentId === 'string' && canOpen(role, 'incidents')) {
    return `/incidents/${incidentId}`;
  }
  const route = n.entity ? ROUTES[n.entity] : undefined;
  if (!route || !n.entityId || !canOpen(role, route.page)) return null;
  return route.path(n.entityId);
}
