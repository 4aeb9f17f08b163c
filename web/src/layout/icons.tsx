import type { PageId } from '../auth/access';

/** Outline icons for the sidebar, drawn inline so the console needs no icon font or CDN. */
const PATHS: Record<PageId, string> = {
  map: 'M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2zm0 0v14m6-12v14',
  incidents: 'M12 3 2 20h20L12 3zm0 6v5m0 3v.01',
  enterprises: 'M3 21V9l6-4v4l6-4v4l6-4v16H3zm4-4h2m4 0h2m-8-4h2m4 0h2',
  plans: 'M6 3h9l4 4v14H6V3zm9 0v4h4M9 11h7m-7 4h7m-7-8h3',
  responsibility: 'M9 5h10M9 12h10M9 19h10M4 5l1 1 2-2M4 12l1 1 2-2M4 19l1 1 2-2',
  resources:
    'M12 21s-7-6.2-7-11.5A7 7 0 0 1 19 9.5C19 14.8 12 21 12 21zm0-9a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  directory:
    'M5 4h12a2 2 0 0 1 2 2v14H7a2 2 0 0 1-2-2V4zm0 14a2 2 0 0 1 2-2h12M11 9a2 2 0 1 0 0 .01M8 14c.5-1.5 1.7-2 3-2s2.5.5 3 2',
  users:
    'M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM21 19v-1a4 4 0 0 0-3-3.9M15 4.1a3 3 0 0 1 0 5.8',
  audit: 'M9 4h6l1 2h3v15H5V6h3l1-2zm-1 8h8m-8 4h5',
  queues: 'M4 5h16v4H4V5zm0 5h16v4H4v-4zm0 5h16v4H4v-4zm3-8h.01M7 12h.01M7 17h.01',
  // Four stacked bands: the four-colour grading.
  risks: 'M4 4h16v4H4V4zm0 4h16v4H4V8zm0 4h16v4H4v-4zm0 4h16v4H4v-4z',
  hazards: 'M12 3 3 19h18L12 3zm0 5v5m0 3v.01M6 21h12',
  inspections: 'M9 4h6v3H9V4zM6 6h3m6 0h3v15H6V6zm3 7 2 2 4-4',
  installations: 'M4 21V10l4-3v14m0-9h6v9m0-6h6v6M3 21h18M16 4v6m-2-4h4',
  alarms: 'M6 17V11a6 6 0 1 1 12 0v6l2 2H4l2-2zm4 4h4M12 2v2',
  drills: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3 2M4 4l3 2m13-2-3 2',
  home: 'M3 11 12 4l9 7M5 10v10h5v-6h4v6h5V10',
  // A person beside a signed sheet: duty by post and person.
  duties: 'M8 8a3 3 0 1 0 0-.01M3 20c0-3 2-5 5-5s5 2 5 5M14 4h7v10h-7M16 8h3m-3 3h2',
  // A mortarboard: training.
  training: 'M2 9l10-5 10 5-10 5-10-5zm4 2v5c2 2 10 2 12 0v-5M22 9v6',
  // A coin stack: money set aside.
  safetyFunds:
    'M4 7c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v5c0 1.7 3.6 3 8 3s8-1.3 8-3V7M4 12v5c0 1.7 3.6 3 8 3s8-1.3 8-3v-5',
  // A pennant on its pole: publicity and the model title.
  culture: 'M5 21V3m0 1h13l-3 4 3 4H5',
  // A clipboard with ticked lines: a plan and its tasks.
  workPlans: 'M8 4h8v3H8V4zM6 5H5v16h14V5h-1M8 11l1.5 1.5L12 10m1 1.5h3M8 16l1.5 1.5L12 15m1 1.5h3',
  // A ribbon on a score sheet.
  assessments: 'M7 3h10v18H7V3zm3 5h4m-4 4h4M9 21l3-3 3 3',
  // A megaphone: what the zone announces.
  publishing: 'M3 10v4h3l7 4V6L6 10H3zm13-1a4 4 0 0 1 0 6m2-9a8 8 0 0 1 0 12',
  // Two dice: the double random draw.
  spotChecks: 'M3 3h8v8H3zM13 13h8v8h-8zM6 6h.01M8 8h.01M16 16h.01M18 18h.01M16 18h.01M18 16h.01',
  // A gavel: holding to account.
  accountability: 'M14 4l6 6M11 7l6 6M12.5 5.5l-6 6 6 6 6-6M9.5 14.5 3 21',
  // A gavel over its block: enforcement.
  enforcement: 'M14 4l6 6m-9-3 6 6m-8.5-3.5 5-5 3 3-5 5-3-3zM11 13l-7 7M3 21h8',
  // Three people under one roof: the leading group.
  leadingGroup:
    'M3 10 12 4l9 6M7 20v-3a2 2 0 0 1 4 0m2 0a2 2 0 0 1 4 0v3M9 13a1.5 1.5 0 1 0 0-.01M15 13a1.5 1.5 0 1 0 0-.01M3 20h18',
  // A shield with an org chart: an enterprise's safety office.
  safetyOrgs: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6l8-3zm0 5v3m-3 3v-3h6v3',
  // A gauge: the dashboard's dial.
  cockpit: 'M4 18a8 8 0 1 1 16 0M12 18l4-6M4 21h16',
};

export function NavIcon({ page }: { page: PageId }) {
  return (
    <svg className="nav-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d={PATHS[page]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
