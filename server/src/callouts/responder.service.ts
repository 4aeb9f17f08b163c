import { Injectable } from '@nestjs/common';
import type { ResponderBriefing } from '@muster/contracts';
import { Db } from '../database/db.js';
import { IncidentService } from '../incidents/incident.service.js';
import { RoomWorkService } from '../rooms/room-work.service.js';
import { Callout, CalloutRecipient } from './callout.entities.js';
import { CalloutService } from './callout.service.js';
import { NotFoundError } from '../common/domain-errors.js';

/**
 * What a responder sees from the link in their SMS: only their own call-out's briefing, the
 * incident's place and where to go, and their answer.
 */
@Injectable()
export class ResponderService {
  constructor(
    private readonly db: Db,
    private readonly callouts: CalloutService,
    private readonly incidents: IncidentService,
    private readonly work: RoomWorkService,
  ) {}

  async briefing(recipientId: string): Promise<ResponderBriefing> {
    const r = await this.db.repo(CalloutRecipient).findOneBy({ id: recipientId });
    if (!r) throw new NotFoundError('This link is not valid');
    const callout = (await this.db.repo(Callout).findOneBy({ id: r.calloutId }))!;
    const incident = (await this.incidents.findAnyById(callout.incidentId))!;
    const base = {
      calloutId: callout.id,
      isDrill: callout.isDrill,
      responseLevel: callout.responseLevel,
      recipientName: r.name,
      state: r.state,
      calloutStatus: callout.status,
    };
    // The link outlives its call-out: once the call-out has ended it names the incident and no more.
    if (!(await this.callouts.stillTakesPart(callout, r))) {
      return {
        ...base,
        message: null,
        incident: { title: incident.title },
        places: [],
        features: [],
        location: null,
      };
    }
    const features = await this.work.sceneFeatures(incident.id);
    return {
      ...base,
      message: callout.message,
      incident: {
        title: incident.title,
        category: incident.category,
        severity: incident.severity,
        address: incident.address,
        location: incident.location,
        enterpriseName: incident.enterpriseName,
      },
      places: features
        .filter(
          (f) => (f.kind === 'assembly_point' || f.kind === 'command_post') && f.geometry.type === 'Point',
        )
        .map((f) => {
          const [lng, lat] = f.geometry.coordinates as number[];
          return { kind: f.kind, label: f.label, lat: lat!, lng: lng! };
        }),
      // The responder is paged to the scene: they see where not to go as the room drew it.
      features: features.map((f) => ({
        kind: f.kind,
        label: f.label,
        geometry: f.geometry,
        radiusM: f.radiusM,
      })),
      location: r.location,
    };
  }

  async respond(
    recipientId: string,
    decision: 'accept' | 'decline',
    location?: { lat: number; lng: number },
  ): Promise<ResponderBriefing> {
    await this.callouts.respond(recipientId, decision, 'link', location);
    return this.briefing(recipientId);
  }
}
