import { Injectable } from '@nestjs/common';
import { CalloutService } from '../callouts/callout.service.js';
import type {
  DrillInjectEffect,
  IncidentReportInjectContent,
  MapEventInjectContent,
  ResourceUnavailableInjectContent,
  ResponderUnreachableInjectContent,
  ScenarioInject,
} from '@muster/contracts';
import { Db } from '../database/db.js';
import { IncidentService } from '../incidents/incident.service.js';
import { RoomWorkService } from '../rooms/room-work.service.js';
import { DrillRun } from './drill.entities.js';

/**
 * What an inject does beyond its room event. Every effect lands in the drill's own room and
 * nowhere else: the target is always the run's incident, and that incident must be a drill.
 */
@Injectable()
export class InjectEffects {
  constructor(
    private readonly db: Db,
    private readonly incidents: IncidentService,
    private readonly work: RoomWorkService,
    private readonly callouts: CalloutService,
  ) {}

  /** What the inject did, as its `drill.inject` room event records it. */
  async apply(run: DrillRun, inject: ScenarioInject): Promise<DrillInjectEffect> {
    const incidentId = await this.drillIncident(run);
    switch (inject.kind) {
      case 'message':
        return {};
      case 'incident_report': {
        const c = inject.content as IncidentReportInjectContent;
        const report = await this.incidents.supplement(incidentId, {
          casualties: c.casualties,
          directLossCny: c.directLossCny,
          summary: c.summary,
        });
        return { reportId: report.id };
      }
      case 'map_event': {
        const c = inject.content as MapEventInjectContent;
        const feature = await this.work.addFeature(incidentId, {
          kind: c.featureKind,
          label: c.label,
          geometry: c.geometry,
          radiusM: c.radiusM ?? null,
        });
        return { featureId: feature.id };
      }
      case 'resource_unavailable': {
        // Only the drill's picture changes: the real register must not show a drill's fiction.
        // The inject's room event names the resource, and the room refuses to send it from then
        // on; one the drill had already sent is lost to it (its dispatch is released).
        const resourceId = (inject.content as ResourceUnavailableInjectContent).resourceId ?? null;
        if (resourceId) await this.work.loseInDrill(incidentId, resourceId);
        return { resourceId };
      }
      case 'responder_unreachable': {
        const { contactId } = inject.content as ResponderUnreachableInjectContent;
        if (!run.unreachableContactIds.includes(contactId)) {
          run.unreachableContactIds = [...run.unreachableContactIds, contactId];
          await this.db.repo(DrillRun).update(run.id, { unreachableContactIds: run.unreachableContactIds });
        }
        return { contactId, recipientsMarked: await this.callouts.markUnreachable(incidentId, contactId) };
      }
    }
  }

  /** Stops every call-out still paging for the drill (the drill is over). */
  async stopCallouts(incidentId: string): Promise<void> {
    await this.callouts.cancelActive(incidentId, 'the drill ended');
  }

  private async drillIncident(run: DrillRun): Promise<string> {
    const incident = run.incidentId ? await this.incidents.findAnyById(run.incidentId) : null;
    // Defence in depth: the run's incident is created as a drill, and nothing may point it elsewhere.
    if (!incident?.isDrill) throw new Error(`drill run ${run.id} is not linked to a drill incident`);
    return incident.id;
  }
}
