import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  checkModelInputs,
  describeModelInputs,
  modelZones,
  type ConsequenceRunView,
  type ThreatZone,
} from '@muster/contracts';
import { AuditService } from '../audit/audit.service.js';
import { ConflictError, InvalidError } from '../common/domain-errors.js';
import { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { RoomLog } from '../room-log/room-log.js';
import { ConsequenceRun } from './consequence-run.entity.js';
import type { ConsequenceRunDto } from './consequences.dto.js';
import { mapConsequenceRun } from './consequences.view.js';

/**
 * Consequence models run for an incident. The model is the contracts' pure one, so what is
 * stored and shared is what any console computes from the same inputs. A run is a row, a room
 * event carrying its zones (so every map in the room draws them, a reconnecting one replays
 * them, and a drill's measurement reads them) and an audit row, committed together.
 */
@Injectable()
export class ConsequenceService {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentRepository,
    private readonly rooms: RoomLog,
    private readonly audit: AuditService,
    private readonly context: RequestContext,
  ) {}

  async runs(incidentId: string): Promise<ConsequenceRunView[]> {
    await this.incidents.getById(incidentId);
    const rows = await this.db
      .repo(ConsequenceRun)
      .find({ where: { incidentId }, order: { createdAt: 'ASC' } });
    return rows.map(mapConsequenceRun);
  }

  async run(incidentId: string, dto: ConsequenceRunDto): Promise<ConsequenceRunView> {
    const { title: typedTitle, ...raw } = dto;
    const check = checkModelInputs({ ...raw });
    if (!check.ok) throw new InvalidError(check.errors);
    const { inputs } = check;
    const zonesOf = (runId: string): ThreatZone[] =>
      modelZones(inputs).map((z) => ({ ...z, id: `${runId}:${z.level}`, modelRunId: runId }));
    return this.db.transaction(async () => {
      const incident = await this.incidents.getById(incidentId);
      if (incident.status === 'closed') throw new ConflictError('The incident is closed; reopen it first');
      const principal = this.context.principal();
      const id = randomUUID();
      const run = await this.db.repo(ConsequenceRun).save(
        Object.assign(new ConsequenceRun(), {
          id,
          incidentId,
          model: inputs.model,
          // Made in the zone's language when not typed: the room's record is read in Chinese first.
          title: typedTitle || describeModelInputs(inputs, 'zh-CN'),
          inputs: inputs as unknown as Record<string, unknown>,
          zones: zonesOf(id),
          createdById: principal?.id ?? null,
          createdByName: principal?.name ?? '',
        }),
      );
      const view = mapConsequenceRun(run);
      await this.rooms.append(incidentId, 'consequence.modelled', {
        modelRunId: view.id,
        model: view.model,
        title: view.title,
        inputs: view.inputs,
        zones: view.zones,
      });
      await this.audit.record({
        action: 'consequence.modelled',
        entity: 'consequence_run',
        entityId: view.id,
        // The zones' outlines are in the run and the room event; the audit keeps what was asked.
        after: {
          model: view.model,
          title: view.title,
          inputs: view.inputs,
          levels: view.zones.map((z) => z.level),
        },
      });
      return view;
    });
  }
}
