import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the duty catalogue (the Chinese one, which the zone works in). */
export type DutyKey = CatalogKey<typeof zhCN>;

/** `t` over the duty namespace with checked keys. */
export const useDutyT = namespaceHook<DutyKey>('duty', { 'zh-CN': zhCN, en });
