import {
  type NotificationView,
  type RecordLanguage,
  isUrgentKind,
  notificationText,
} from '@muster/contracts';
import type { Notification } from './notification.entity.js';

/** A notification worded in the reader's language. */
export function mapNotification(n: Notification, lang: RecordLanguage): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    params: n.params,
    ...notificationText(n.kind, n.params, lang),
    urgent: isUrgentKind(n.kind),
    entity: n.entity,
    entityId: n.entityId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
