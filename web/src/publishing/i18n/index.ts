import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the publishing catalogue (the Chinese one, which the zone works in). */
export type PublishingKey = CatalogKey<typeof zhCN>;

/** `t` over the publishing namespace with checked keys. */
export const usePublishingT = namespaceHook<PublishingKey>('publishing', { 'zh-CN': zhCN, en });
