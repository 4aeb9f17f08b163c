import type {
  AlarmView,
  IncidentSummary,
  NotificationPush,
  NotificationsReadMessage,
  RoomEventMessage,
  ZoneChange,
} from '@muster/contracts';

/**
 * How the domain tells the people watching what happened: an event in an incident's room, and an
 * incident whose summary changed (the commander's overview). The domain publishes through this
 * and knows nothing of sockets; the server's adapter emits on its Socket.IO namespace, the
 * worker's (which has no sockets) through the Redis emitter to the same adapter channel.
 */
export abstract class Broadcaster {
  abstract roomEvent(message: RoomEventMessage): void;
  abstract incidentChanged(summary: IncidentSummary): void;
  /** A monitoring alarm raised, changed or handled: to the zone roles' overview (the alarm board and map). */
  abstract alarmChanged(alarm: AlarmView): void;
  /** To every open console of one user. */
  abstract notification(userId: string, push: NotificationPush): void;
  abstract notificationsRead(userId: string, message: NotificationsReadMessage): void;
  /** Zone-wide figures changed (hazards worked, a call-out started or ended, an assessment published): to the zone roles' overview. */
  abstract zoneChanged(change: ZoneChange): void;
}
