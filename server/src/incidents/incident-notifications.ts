import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { IncidentView, Role, Severity } from '@muster/contracts';
import { RequestContext } from '../common/request-context.js';
import { NotificationService } from '../notifications/notification.service.js';
import { IncidentHooks } from './incident-hooks.js';

/** Who in the zone hears at once of a new incident or a raised grade. */
const ZONE_WATCH: Role[] = ['commander', 'zone_admin', 'inspector'];

/**
 * Tells the zone of a real incident the moment it is filed, and again when a supplementary
 * report raises its grade: both urgent (in the console, as a browser notification, and by SMS).
 * A drill's simulated report tells nobody here: the drill's own room and roster carry it, and a
 * notification about a drill must never read like a real accident.
 */
@Injectable()
export class IncidentNotifications implements OnModuleInit {
  constructor(
    private readonly hooks: IncidentHooks,
    private readonly notifications: NotificationService,
    private readonly context: RequestContext,
  ) {}

  onModuleInit(): void {
    this.hooks.onFiled({
      // The recipients are read by the filing's own statement, not by one more round trip.
      lookup: `(SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM app_user
                 WHERE active AND role IN (${ZONE_WATCH.map((r) => `'${r}'`).join(', ')}))`,
      filed: async (incident, lookedUp) => {
        if (incident.isDrill) return;
        await this.notifications.notify(
          { userIds: this.others(lookedUp as string[] | null) },
          {
            kind: 'incident.filed',
            params: {
              title: incident.title,
              enterprise: incident.enterpriseName ?? '—',
              severity: incident.severity,
              category: incident.category,
              address: incident.address,
            },
            entity: 'incident',
            entityId: incident.id,
            deliveryKey: `incident-filed:${incident.id}`,
          },
        );
      },
    });
  }

  /** Inside the supplementary report's transaction, when it raised the incident's grade. */
  async regraded(incident: IncidentView, from: Severity): Promise<void> {
    if (incident.isDrill) return;
    const watchers = await this.notifications.activeUserIds(ZONE_WATCH);
    await this.notifications.notify(
      { userIds: this.others(watchers) },
      {
        kind: 'incident.regraded',
        params: {
          title: incident.title,
          enterprise: incident.enterpriseName ?? '—',
          from,
          to: incident.severity,
        },
        entity: 'incident',
        entityId: incident.id,
        deliveryKey: `incident-regraded:${incident.id}:${incident.severity}`,
      },
    );
  }

  /** Whoever acted knows already. */
  private others(userIds: string[] | null): string[] {
    const me = this.context.principal()?.id;
    return (userIds ?? []).filter((id) => id !== me);
  }
}
