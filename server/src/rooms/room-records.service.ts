import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../common/tabular.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { IncidentStatusSummary, RoomEventView } from '@muster/contracts';
import { mapIncident } from '../incidents/incident.view.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { IncidentService } from '../incidents/incident.service.js';
import { RoomLog } from '../room-log/room-log.js';
import { RoomWorkService } from './room-work.service.js';

/**
 * The incident's records: the activity log (in the spirit of ICS-214: who did what, when) and a
 * status summary (in the spirit of ICS-209). Both are read from the room log and current state,
 * so they can be produced at any moment, during or after the response.
 */
@Injectable()
export class RoomRecordsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly incidentService: IncidentService,
    private readonly rooms: RoomLog,
    private readonly work: RoomWorkService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async activityCsv(id: string): Promise<{ filename: string; csv: string }> {
    const incident = await this.incidents.getById(id);
    const events = await this.rooms.since(id, 0, 1_000_000);
    const rows = events.map((e) => [
      e.seq,
      zoneTime(e.at, this.config.TZ),
      e.actor.name,
      e.actor.role,
      e.type,
      describeEvent(e),
    ]);
    const header = ['seq', `time (${this.config.TZ})`, 'actor', 'role', 'event', 'detail'];
    // A drill's log must never pass for a real incident's once it leaves the system.
    const mark = incident.isDrill
      ? [['【演练】DRILL', 'exercise record, not a real incident', '', '', '', '']]
      : [];
    // Messages, titles and names are anyone's text: none may run as a formula in a spreadsheet.
    const csv = stringify([...mark, header, ...rows].map((r) => r.map(neutraliseFormula)));
    const name = `${incident.isDrill ? 'drill' : 'incident'}-${incident.id}-activity.csv`;
    // A BOM so that spreadsheet programs open the Chinese text as UTF-8.
    return { filename: name, csv: `\uFEFF${csv}` };
  }

  async summary(id: string): Promise<IncidentStatusSummary> {
    const incident = await this.incidents.getById(id);
    const [reports, tasks, dispatches, features, events] = await Promise.all([
      this.incidentService.reports(id),
      this.work.tasks(id),
      this.work.dispatches(id),
      this.work.features(id),
      this.rooms.since(id, Math.max(incident.lastSeq - 1, 0)),
    ]);
    const now = Date.now();
    const count = (s: string) => tasks.filter((t) => t.status === s).length;
    return {
      incident: mapIncident(incident),
      reports,
      tasks: {
        total: tasks.length,
        open: count('open'),
        accepted: count('accepted'),
        done: count('done'),
        cancelled: count('cancelled'),
        overdue: tasks.filter(
          (t) =>
            t.dueAt && new Date(t.dueAt).getTime() < now && (t.status === 'open' || t.status === 'accepted'),
        ).length,
      },
      resources: {
        enRoute: dispatches.filter((d) => d.state === 'en_route').length,
        onScene: dispatches.filter((d) => d.state === 'on_scene').length,
        released: dispatches.filter((d) => d.state === 'released').length,
        items: dispatches,
      },
      mapFeatures: features,
      lastEventAt: events.at(-1)?.at ?? null,
      generatedAt: new Date().toISOString(),
    };
  }
}

export function zoneTime(iso: string, tz: string): string {
  return new Date(iso).toLocaleString('sv-SE', { timeZone: tz });
}

/** One line of plain text per event, for the activity log. */
export function describeEvent(e: RoomEventView): string {
  const p = e.payload as Record<string, unknown>;
  const nested = (k: string) => (p[k] ?? {}) as Record<string, unknown>;
  switch (e.type) {
    case 'incident.reported':
      return `reported: ${String(p.title)} (${String(p.category)}, ${String(p.severity)})${p.late ? ', late report' : ''}`;
    case 'incident.supplementary_report':
      return `supplementary report: ${String(p.summary)}${p.outsideWindow ? ' (after the window)' : ''}`;
    case 'incident.regraded':
      return `re-graded from ${String(p.from)} to ${String(p.to)}`;
    case 'incident.status_changed':
      return `status ${String(p.from)} → ${String(p.to)}${p.reason ? `: ${String(p.reason)}` : ''}`;
    case 'incident.level_set':
      return `response level ${String(p.from ?? '-')} → ${String(p.to)}`;
    case 'message':
      return String(p.text);
    case 'task.created':
      return `task created: ${String(nested('task').title)}`;
    case 'task.updated':
      return `task ${String(nested('task').title)}: ${String(nested('task').status)}`;
    case 'map_feature.added':
      return `map: ${String(nested('feature').kind)} added ${String(nested('feature').label ?? '')}`.trim();
    case 'map_feature.updated':
      return `map: ${String(nested('feature').kind)} changed`;
    case 'map_feature.removed':
      return `map: ${String(p.kind)} removed`;
    case 'resource.dispatched':
      return `dispatched: ${String(nested('dispatch').label)}`;
    case 'resource.status_changed':
      return `${String(nested('dispatch').label)}: ${String(p.from)} → ${String(nested('dispatch').state)}`;
    case 'drill.started':
      return `drill started: ${String(p.title)}`;
    case 'drill.inject':
      return `inject ${String(p.injectId)} (${String(p.kind)})${p.manual ? ' released by hand' : ''}: ${String(p.synopsis)}`;
    case 'drill.inject_skipped':
      return `inject skipped: ${String(p.synopsis)}`;
    case 'drill.paused':
    case 'drill.resumed':
    case 'drill.ended':
      return `${e.type.slice('drill.'.length)} at scenario second ${String(p.scenarioSeconds)}`;
    case 'drill.real_incident':
      return `REAL INCIDENT during the drill: ${String(p.title)} (${String(p.severity)})`;
    default:
      return JSON.stringify(p);
  }
}
