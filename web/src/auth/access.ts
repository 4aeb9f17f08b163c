import { isZoneRole, type Role } from '../contracts';

/**
 * Which console pages each role may open. The server enforces the real scope on every request;
 * this only keeps the console from offering pages whose API calls would be refused.
 */
export type PageId =
  | 'map'
  | 'incidents'
  | 'enterprises'
  | 'users'
  | 'audit'
  | 'queues'
  | 'home'
  | 'plans'
  | 'responsibility'
  | 'resources'
  | 'directory'
  | 'risks'
  | 'hazards'
  | 'installations'
  | 'alarms'
  | 'inspections'
  | 'enforcement'
  | 'drills'
  | 'training'
  | 'duties'
  | 'safetyFunds'
  | 'culture'
  | 'workPlans'
  | 'leadingGroup'
  | 'safetyOrgs'
  | 'assessments'
  | 'publishing'
  | 'spotChecks'
  | 'accountability'
  | 'cockpit';

export const PAGE_PATHS: Record<PageId, string> = {
  map: '/map',
  incidents: '/incidents',
  enterprises: '/enterprises',
  resources: '/resources',
  directory: '/directory',
  risks: '/risks',
  hazards: '/hazards',
  installations: '/installations',
  alarms: '/alarms',
  inspections: '/inspections',
  enforcement: '/enforcement',
  drills: '/drills',
  training: '/training',
  duties: '/duties',
  safetyFunds: '/safety-funds',
  culture: '/culture',
  workPlans: '/work-plans',
  leadingGroup: '/leading-group',
  safetyOrgs: '/safety-orgs',
  assessments: '/assessments',
  publishing: '/publishing',
  spotChecks: '/spot-checks',
  accountability: '/accountability',
  cockpit: '/cockpit',
  plans: '/plans',
  responsibility: '/responsibility',
  users: '/admin/users',
  audit: '/admin/audit',
  queues: '/admin/queues',
  home: '/home',
};

export function canOpen(role: Role, page: PageId): boolean {
  switch (page) {
    case 'map':
    case 'incidents':
    case 'enterprises':
    case 'resources':
    case 'directory':
    case 'plans':
    case 'responsibility':
    case 'risks':
    case 'hazards':
    case 'installations':
    case 'alarms':
    case 'inspections':
    case 'enforcement':
    case 'drills':
    case 'training':
    case 'duties':
    case 'safetyFunds':
    case 'culture':
    case 'workPlans':
    case 'safetyOrgs':
    case 'assessments':
    case 'accountability':
      return isZoneRole(role) || role === 'enterprise_officer';
    case 'cockpit':
    case 'spotChecks':
    case 'leadingGroup':
      return isZoneRole(role);
    // The zone's staff write what it publishes; evaluators assess drills only.
    case 'publishing':
      return role === 'zone_admin' || role === 'commander' || role === 'inspector';
    case 'users':
    case 'audit':
    case 'queues':
      return role === 'zone_admin';
    case 'home':
      return role === 'responder';
  }
}

/** The sidebar entries of a role, in display order. */
export function navigationFor(role: Role): PageId[] {
  const order: PageId[] = [
    'map',
    'incidents',
    'enterprises',
    'resources',
    'directory',
    'risks',
    'hazards',
    'installations',
    'alarms',
    'inspections',
    'enforcement',
    'drills',
    'assessments',
    'spotChecks',
    'accountability',
    'cockpit',
    'plans',
    'responsibility',
    'duties',
    'training',
    'safetyFunds',
    'culture',
    'publishing',
    'workPlans',
    'safetyOrgs',
    'leadingGroup',
    'users',
    'audit',
    'queues',
    'home',
  ];
  return order.filter((page) => canOpen(role, page));
}

/** Where a role lands after signing in, or when it opens a page it may not see. */
export function landingPathFor(role: Role): string {
  return PAGE_PATHS[navigationFor(role)[0] ?? 'home'];
}

/**
 * The page to return to after signing in: the one the user was sent away from, when the new
 * role may open it; otherwise the role's landing page (a different user may have signed in).
 */
export function returnPathFor(role: Role, from: string | undefined): string {
  if (from) {
    const page = (Object.keys(PAGE_PATHS) as PageId[]).find(
      (p) =>
        from === PAGE_PATHS[p] ||
        from.startsWith(`${PAGE_PATHS[p]}?`) ||
        from.startsWith(`${PAGE_PATHS[p]}/`),
    );
    if (page && canOpen(role, page)) return from;
  }
  return landingPathFor(role);
}
