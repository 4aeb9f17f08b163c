import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { RoomEventMessage, ServerToClientEvents } from '../contracts/events.js';
import type { IncidentSummary } from '../contracts/incidents.js';

export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
/** Zone roles watching every incident (the commander's overview map). */
export const OVERVIEW_ROOM = 'overview';

/**
 * The one place that turns domain events into socket messages. With the Redis adapter an emit
 * here reaches clients connected to any server process.
 */
@Injectable()
export class LiveBroadcaster {
  private namespace: Namespace<Record<string, never>, ServerToClientEvents> | null = null;

  attach(namespace: Namespace<Record<string, never>, ServerToClientEvents>): void {
    this.namespace = namespace;
  }

  roomEvent(message: RoomEventMessage): void {
    this.namespace?.to(incidentRoom(message.incidentId)).emit('room:event', message);
  }

  incidentChanged(summary: IncidentSummary): void {
    this.namespace?.to(OVERVIEW_ROOM).emit('incident:upsert', summary);
  }
}
