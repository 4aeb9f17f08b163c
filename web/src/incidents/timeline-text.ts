import type { TFunction } from 'i18next';
import {
  DISPATCH_STATES,
  INCIDENT_STATUSES,
  MAP_FEATURE_KINDS,
  RESPONSE_LEVELS,
  SEVERITIES,
  TASK_STATUSES,
  type RoomEventView,
} from '../contracts';
import { formatOffset } from '../drills/model';

/** One line per room event, in the interface language (the CSV export has the server's English). */
export function describeRoomEvent(e: RoomEventView, t: TFunction): string {
  const p = e.payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const nested = (key: string) =>
    typeof p[key] === 'object' && p[key] !== null ? (p[key] as Record<string, unknown>) : {};
  const oneOf = <T extends string>(list: readonly T[], v: unknown): T | null =>
    typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : null;
  const severity = (v: unknown) => {
    const s = oneOf(SEVERITIES, v);
    return s ? t(`incidents.severity.${s}`) : str(v);
  };
  const status = (v: unknown) => {
    const s = oneOf(INCIDENT_STATUSES, v);
    return s ? t(`incidents.status.${s}`) : str(v);
  };
  const level = (v: unknown) => {
    const l = oneOf(RESPONSE_LEVELS, v);
    return l ? t(`incidents.level.${l}`) : t('incidents.level.none');
  };
  const kind = (v: unknown) => {
    const k = oneOf(MAP_FEATURE_KINDS, v);
    return k ? t(`incidents.map.kinds.${k}`) : str(v);
  };
  const label = (v: unknown) => (str(v) ? `「${str(v)}」` : '');

  switch (e.type) {
    case 'incident.reported':
      return (
        t('incidents.timeline.event.reported', { title: str(p.title), severity: severity(p.severity) }) +
        (p.late ? t('incidents.timeline.late') : '')
      );
    case 'incident.supplementary_report':
      return t(
        p.outsideWindow
          ? 'incidents.timeline.event.supplementaryLate'
          : 'incidents.timeline.event.supplementary',
        { summary: str(p.summary) },
      );
    case 'incident.regraded':
      return t('incidents.timeline.event.regraded', { from: severity(p.from), to: severity(p.to) });
    case 'incident.status_changed': {
      const line = t('incidents.timeline.event.statusChanged', { from: status(p.from), to: status(p.to) });
      return p.reason
        ? `${line} · ${t('incidents.timeline.event.statusReason', { reason: str(p.reason) })}`
        : line;
    }
    case 'incident.level_set':
      return p.from
        ? t('incidents.timeline.event.levelChanged', { from: level(p.from), to: level(p.to) })
        : t('incidents.timeline.event.levelSet', { to: level(p.to) });
    case 'message':
      return str(p.text);
    case 'task.created':
      return t('incidents.timeline.event.taskCreated', { title: str(nested('task').title) });
    case 'task.updated': {
      const s = oneOf(TASK_STATUSES, nested('task').status);
      return t('incidents.timeline.event.taskUpdated', {
        title: str(nested('task').title),
        status: s ? t(`incidents.tasks.status.${s}`) : '',
      });
    }
    case 'map_feature.added':
      return t('incidents.timeline.event.featureAdded', {
        kind: kind(nested('feature').kind),
        label: label(nested('feature').label),
      });
    case 'map_feature.updated':
      return t('incidents.timeline.event.featureUpdated', {
        kind: kind(nested('feature').kind),
        label: label(nested('feature').label),
      });
    case 'map_feature.removed':
      return t('incidents.timeline.event.featureRemoved', { kind: kind(p.kind) });
    case 'resource.dispatched':
      return t('incidents.timeline.event.dispatched', { label: str(nested('dispatch').label) });
    case 'resource.status_changed': {
      const s = oneOf(DISPATCH_STATES, nested('dispatch').state);
      return t('incidents.timeline.event.dispatchChanged', {
        label: str(nested('dispatch').label),
        state: s ? t(`incidents.dispatch.state.${s}`) : '',
      });
    }
    default:
      return describeCallout(e.type, p, t) ?? describeDrill(e.type, p, t) ?? JSON.stringify(p);
  }
}

const CALLOUT_STATES = ['pending', 'notified', 'acknowledged', 'declined', 'exhausted'] as const;

/** Call-out progress in the room (the call-out module's events); tiers count from 1 for people. */
function describeCallout(type: string, p: Record<string, unknown>, t: TFunction): string | null {
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  switch (type) {
    case 'callout.started':
      return t('incidents.timeline.event.calloutStarted', {
        message: typeof p.message === 'string' ? p.message : '',
        recipients: num(p.recipients),
      });
    case 'callout.tier_paged':
      return t('incidents.timeline.event.calloutTierPaged', {
        tier: num(p.tier) + 1,
        recipients: num(p.recipients),
      });
    case 'callout.tier_escalated':
      return t('incidents.timeline.event.calloutEscalated', { tier: num(p.tier) + 1 });
    case 'callout.recipient_updated': {
      const state = (CALLOUT_STATES as readonly unknown[]).includes(p.state)
        ? t(`incidents.timeline.event.calloutState.${p.state as (typeof CALLOUT_STATES)[number]}`)
        : String(p.state ?? '');
      return t('incidents.timeline.event.calloutRecipient', { name: String(p.name ?? ''), state });
    }
    case 'callout.ended':
      return t('incidents.timeline.event.calloutEnded', {
        acknowledged: num(p.acknowledged),
        recipients: num(p.recipients),
      });
    default:
      return null;
  }
}

/** The scenario clock's events in a drill room; times are scenario time (T+mm:ss). */
function describeDrill(type: string, p: Record<string, unknown>, t: TFunction): string | null {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const time = () => formatOffset(typeof p.scenarioSeconds === 'number' ? p.scenarioSeconds : 0);
  switch (type) {
    case 'drill.started':
      return t('incidents.timeline.event.drillStarted', { title: str(p.title) });
    case 'drill.inject':
      return t(
        p.manual ? 'incidents.timeline.event.drillInjectManual' : 'incidents.timeline.event.drillInject',
        {
          time: time(),
          synopsis: str(p.synopsis),
        },
      );
    case 'drill.inject_skipped':
      return t('incidents.timeline.event.drillInjectSkipped', { synopsis: str(p.synopsis) });
    case 'drill.paused':
      return t('incidents.timeline.event.drillPaused', { time: time() });
    case 'drill.resumed':
      return t('incidents.timeline.event.drillResumed', { time: time() });
    case 'drill.ended':
      return t('incidents.timeline.event.drillEnded', { time: time() });
    case 'drill.real_incident':
      return t('incidents.timeline.event.drillRealIncident', {
        title: str(p.title),
        enterprise: str(p.enterpriseName),
      });
    default:
      return null;
  }
}
