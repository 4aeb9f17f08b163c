import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the notification centre's catalogue (the Chinese one, which the zone works in). */
export type NotificationsKey = CatalogKey<typeof zhCN>;

/** `t` over the notifications namespace with checked keys. */
export const useNotificationsT = namespaceHook<NotificationsKey>('notifications', { 'zh-CN': zhCN, en });
