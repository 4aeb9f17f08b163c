import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the duty-by-post catalogue (the Chinese one, which the zone works in). */
export type DutiesKey = CatalogKey<typeof zhCN>;

/** `t` over the duty-by-post namespace with checked keys. */
export const useDutiesT = namespaceHook<DutiesKey>('duties', { 'zh-CN': zhCN, en });
