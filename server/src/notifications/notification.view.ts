import type { NotificationView } from '@muster/contracts';
import type { Notification } from './notification.entity.js';

export function mapNotification(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    entity: n.entity,
    entityId: n.entityId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
