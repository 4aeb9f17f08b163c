import { Injectable } from '@nestjs/common';
import { CalloutService } from '../callouts/callout.service.js';
import { Clock } from '../common/clock.js';
import type { RunMetrics } from '@muster/contracts';
import { Db } from '../database/db.js';
import { RoomLog } from '../room-log/room-log.js';
import { DrillRunInject } from './drill.entities.js';
import { DrillRunRepository } from './drill-run.repository.js';
import { mapRunInject } from './drill-run.view.js';
import { measureActions, measureRollCalls, medianAck, modelRuns, objectiveOutcomes } from './metrics.js';
import { scenarioMs } from './scenario-clock.js';

/** How fast and how well the players acted, read from the drill room's log and its call-outs. */
@Injectable()
export class DrillMetricsService {
  constructor(
    private readonly db: Db,
    private readonly runs: DrillRunRepository,
    private readonly rooms: RoomLog,
    private readonly callouts: CalloutService,
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
    const responders = run.incidentId ? await this.callouts.responders(run.incidentId) : [];
    return {
      runId,
      rollCalls: measureRollCalls(events),
      actions,
      objectives: objectiveOutcomes(run.document.objectives, actions),
      responders,
      medianAckSeconds: medianAck(responders),
      acknowledged: responders.filter((r) => r.state === 'acknowledged').length,
      paged: responders.filter((r) => r.state !== 'pending').length,
      modelRuns: modelRuns(events),
    };
  }
}
