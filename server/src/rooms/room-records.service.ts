import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../common/tabular.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  actorText,
  describeRoomEvent,
  enumText,
  inLanguage,
  type Bilingual,
  type IncidentStatusSummary,
  type RecordLanguage,
  type TypedRoomEvent,
} from '@muster/contracts';
import { mapIncident } from '../incidents/incident.view.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { IncidentService } from '../incidents/incident.service.js';
import { RoomLog } from '../room-log/room-log.js';
import { RoomWorkService } from './room-work.service.js';

const CSV_HEADER: Bilingual[] = [
  ['序号', 'seq'],
  ['操作人', 'actor'],
  ['角色', 'role'],
  ['事件', 'event'],
  ['内容', 'detail'],
];
const CSV_TIME: Bilingual = ['时间', 'time'];
const DRILL_MARK: Bilingual = ['演练记录，不是真实事故', 'exercise record, not a real incident'];

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

  /**
   * In `lang`, the words of the console (`record-text` in the contracts); the event column keeps
   * the event's type, for sorting and filtering in a spreadsheet.
   */
  async activityCsv(id: string, lang: RecordLanguage): Promise<{ filename: string; csv: string }> {
    const incident = await this.incidents.getById(id);
    const events = await this.rooms.since(id, 0, 1_000_000);
    const rows = events.map((e) => [
      e.seq,
      zoneTime(e.at, this.config.TZ),
      actorText(e.actor, lang),
      enumText('role', e.actor.role, lang),
      e.type,
      describeRoomEvent(e as TypedRoomEvent, lang),
    ]);
    const say = (text: Bilingual) => inLanguage(text, lang);
    const [seq, ...rest] = CSV_HEADER.map(say);
    const header = [seq, `${say(CSV_TIME)} (${this.config.TZ})`, ...rest];
    // A drill's log must never pass for a real incident's once it leaves the system.
    const mark = incident.isDrill ? [['【演练】DRILL', say(DRILL_MARK), '', '', '', '']] : [];
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
      incident: mapIncident(incident, this.config.TZ),
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
