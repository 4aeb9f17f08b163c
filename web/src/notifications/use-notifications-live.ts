import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationPush, NotificationsReadMessage, Role } from '../contracts';
import { currentLanguage } from '../i18n';
import { useLiveSocket } from '../live/use-room';
import { joinAlertTabs, showAlert } from './browser-alerts';
import { LATEST_SIZE, notificationKeys, type NotificationList } from './api';
import { notificationLink, wordNotification } from './model';

/**
 * Keeps the bell current over `/live` for as long as the console is open: a new notification is
 * put at the top of the bell's list with the unread count the server sent, reads done elsewhere
 * (another tab, another device) are applied, and an urgent one becomes a desktop alert. After a
 * reconnect everything is fetched again, since pushes sent meanwhile were not received.
 */
export function useNotificationsLive(role: Role): void {
  const { socket } = useLiveSocket();
  const queryClient = useQueryClient();
  // The router's navigate is stable, so the subscription is not renewed on every render.
  const navigate = useNavigate();

  useEffect(() => joinAlertTabs(), []);

  useEffect(() => {
    if (!socket) return;
    let connectedOnce = socket.connected;
    const onNew = ({ notification, unread }: NotificationPush) => {
      queryClient.setQueryData<NotificationList>(notificationKeys.latest, (list) =>
        list
          ? {
              items: [notification, ...list.items.filter((n) => n.id !== notification.id)].slice(
                0,
                LATEST_SIZE,
              ),
              total: list.total + 1,
              unread,
            }
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
      if (!queryClient.getQueryData(notificationKeys.latest)) {
        void queryClient.invalidateQueries({ queryKey: notificationKeys.latest });
      }
      if (notification.urgent) {
        const lang = currentLanguage();
        const { title, body } = wordNotification(notification, lang);
        const link = notificationLink(notification, role);
        showAlert({
          id: notification.id,
          title,
          body,
          lang,
          onClick: () => {
            if (link) void navigate(link);
          },
        });
      }
    };
    const onRead = ({ ids, unread }: NotificationsReadMessage) => {
      const at = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationKeys.latest, (list) =>
        list
          ? {
              ...list,
              unread,
              items: list.items.map((n) =>
                !n.readAt && (ids === 'all' || ids.includes(n.id)) ? { ...n, readAt: at } : n,
              ),
            }
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists });
    };
    const onConnect = () => {
      if (connectedOnce) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      connectedOnce = true;
    };
    socket.on('notification:new', onNew);
    socket.on('notification:read', onRead);
    socket.on('connect', onConnect);
    return () => {
      socket.off('notification:new', onNew);
      socket.off('notification:read', onRead);
      socket.off('connect', onConnect);
    };
  }, [socket, queryClient, role, navigate]);
}
