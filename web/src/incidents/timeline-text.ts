import type { TFunction } from 'i18next';
import type { ResponseLevel, TypedRoomEvent } from '../contracts';
import { formatOffset } from '../drills/model';

/** One line per room event, in the interface language (the CSV export has the server's English). */
export function describeRoomEvent(e: TypedRoomEvent, t: TFunction): string {
  const level = (l: ResponseLevel | null) => (l ? t(`incidents.level.${l}`) : t('incidents.level.none'));
  const label = (v: string) => (v ? `「${v}」` : '');

  switch (e.type) {
    case 'incident.reported': {
      const p = e.payload;
      return (
        t('incidents.timeline.event.reported', {
          title: p.title,
          severity: t(`incidents.severity.${p.severity}`),
        }) + (p.late ? t('incidents.timeline.late') : '')
      );
    }
    case 'incident.supplementary_report':
      return t(
        e.payload.outsideWindow
          ? 'incidents.timeline.event.supplementaryLate'
          : 'incidents.timeline.event.supplementary',
        { summary: e.payload.summary },
      );
    case 'incident.regraded':
      return t('incidents.timeline.event.regraded', {
        from: t(`incidents.severity.${e.payload.from}`),
        to: t(`incidents.severity.${e.payload.to}`),
      });
    case 'incident.status_changed': {
      const p = e.payload;
      const line = t('incidents.timeline.event.statusChanged', {
        from: t(`incidents.status.${p.from}`),
        to: t(`incidents.status.${p.to}`),
      });
      return p.reason
        ? `${line} · ${t('incidents.timeline.event.statusReason', { reason: p.reason })}`
        : line;
    }
    case 'incident.level_set':
      return e.payload.from
        ? t('incidents.timeline.event.levelChanged', { from: level(e.payload.from), to: level(e.payload.to) })
        : t('incidents.timeline.event.levelSet', { to: level(e.payload.to) });
    case 'message':
      return e.payload.text;
    case 'task.created':
      return t('incidents.timeline.event.taskCreated', { title: e.payload.task.title });
    case 'task.updated':
      return t('incidents.timeline.event.taskUpdated', {
        title: e.payload.task.title,
        status: t(`incidents.tasks.status.${e.payload.task.status}`),
      });
    case 'map_feature.added':
      return t('incidents.timeline.event.featureAdded', {
        kind: t(`incidents.map.kinds.${e.payload.feature.kind}`),
        label: label(e.payload.feature.label),
      });
    case 'map_feature.updated':
      return t('incidents.timeline.event.featureUpdated', {
        kind: t(`incidents.map.kinds.${e.payload.feature.kind}`),
        label: label(e.payload.feature.label),
      });
    case 'map_feature.removed':
      return t('incidents.timeline.event.featureRemoved', {
        kind: t(`incidents.map.kinds.${e.payload.kind}`),
      });
    case 'resource.dispatched':
      return t('incidents.timeline.event.dispatched', { label: e.payload.dispatch.label });
    case 'resource.status_changed':
      return t('incidents.timeline.event.dispatchChanged', {
        label: e.payload.dispatch.label,
        state: t(`incidents.dispatch.state.${e.payload.dispatch.state}`),
      });
    default:
      // A type this console does not know yet (a newer server) shows its raw payload.
      return describeCallout(e, t) ?? describeDrill(e, t) ?? JSON.stringify(e.payload);
  }
}

/** Call-out progress in the room (the call-out module's events); tiers count from 1 for people. */
function describeCallout(e: TypedRoomEvent, t: TFunction): string | null {
  switch (e.type) {
    case 'callout.started':
      return t('incidents.timeline.event.calloutStarted', {
        message: e.payload.message,
        recipients: e.payload.recipients,
      });
    case 'callout.tier_paged':
      return t('incidents.timeline.event.calloutTierPaged', {
        tier: e.payload.tier + 1,
        recipients: e.payload.recipients,
      });
    case 'callout.tier_escalated':
      return t('incidents.timeline.event.calloutEscalated', { tier: e.payload.tier + 1 });
    case 'callout.recipient_updated':
      return t('incidents.timeline.event.calloutRecipient', {
        name: e.payload.name,
        state: t(`incidents.timeline.event.calloutState.${e.payload.state}`),
      });
    case 'callout.ended':
      return t('incidents.timeline.event.calloutEnded', {
        acknowledged: e.payload.acknowledged,
        recipients: e.payload.recipients,
      });
    default:
      return null;
  }
}

/** The scenario clock's events in a drill room; times are scenario time (T+mm:ss). */
function describeDrill(e: TypedRoomEvent, t: TFunction): string | null {
  switch (e.type) {
    case 'drill.started':
      return t('incidents.timeline.event.drillStarted', { title: e.payload.title });
    case 'drill.inject':
      return t(
        e.payload.manual
          ? 'incidents.timeline.event.drillInjectManual'
          : 'incidents.timeline.event.drillInject',
        { time: formatOffset(e.payload.scenarioSeconds), synopsis: e.payload.synopsis },
      );
    case 'drill.inject_skipped':
      return t('incidents.timeline.event.drillInjectSkipped', { synopsis: e.payload.synopsis });
    case 'drill.paused':
      return t('incidents.timeline.event.drillPaused', { time: formatOffset(e.payload.scenarioSeconds) });
    case 'drill.resumed':
      return t('incidents.timeline.event.drillResumed', { time: formatOffset(e.payload.scenarioSeconds) });
    case 'drill.ended':
      return t('incidents.timeline.event.drillEnded', { time: formatOffset(e.payload.scenarioSeconds) });
    case 'drill.real_incident':
      return t('incidents.timeline.event.drillRealIncident', {
        title: e.payload.title,
        enterprise: e.payload.enterpriseName ?? '',
      });
    default:
      return null;
  }
}
