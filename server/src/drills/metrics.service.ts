import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import type { ResponderMetric, RunMetrics } from '@muster/contracts';
import { Db } from '../database/db.js';
import { RoomLog } from '../room-log/room-log.js';
import { DrillRunInject } from './drill.entities.js';
import { DrillRunRepository } from './drill-run.repository.js';
import { mapRunInject } from './drill-run.view.js';
import { measureActions, medianAck, objectiveOutcomes } from './metrics.js';
import { scenarioMs } from './scenario-clock.js';

/** How fast and how well the players acted, read from the drill room's log and its call-outs. */
@Injectable()
export class DrillMetricsService {
  constructor(
    private readonly db: Db,
    private readonly runs: DrillRunRepository,
    private readonly rooms: RoomLog,
    private readonly clock: Clock,
  ) {}

  async metrics(runId: string): Promise<RunMetrics> {
    const run = await this.runs.getById(runId);
    const injects = (
      await this.db
        .repo(DrillRunInject)
        .find({ where: { runId }, order: { offsetMs: 'ASC', position: 'ASC' } })
    ).map(mapRunInject);
    const events = run.incidentId ? await this.rooms.since(run.incidentId, 0) : [];
    const actions = measureActions({
      injects,
      objectives: run.document.objectives,
      events,
      nowScenarioMs: scenarioMs(run, this.clock.now()),
      ended: run.status === 'ended',
    });
    const responders = run.incidentId ? await this.responders(run.incidentId) : [];
    return {
      runId,
      actions,
      objectives: objectiveOutcomes(run.document.objectives, actions),
      responders,
      medianAckSeconds: medianAck(responders),
      acknowledged: responders.filter((r) => r.state === 'acknowledged').length,
      paged: responders.filter((r) => r.state !== 'pending').length,
    };
  }

  private async responders(incidentId: string): Promise<ResponderMetric[]> {
    const rows: {
      name: string;
      phone: string;
      state: string;
      response_channel: string | null;
      seconds: number | null;
    }[] = await this.db.manager.query(
      `SELECT r.name, r.phone, r.state, r.response_channel,
              CASE WHEN r.responded_at IS NOT NULL AND r.notified_at IS NOT NULL
                   THEN round(extract(epoch FROM (r.responded_at - r.notified_at)))::int END AS seconds
         FROM callout_recipient r JOIN callout c ON c.id = r.callout_id
        WHERE c.incident_id = $1
        ORDER BY c.created_at, r.tier, r.name`,
      [incidentId],
    );
    return rows.map((r) => ({
      name: r.name,
      phone: r.phone,
      state: r.state,
      channel: r.response_channel,
      secondsToRespond: r.seconds,
    }));
  }
}
