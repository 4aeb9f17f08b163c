import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the plans catalogue (the Chinese one, which the zone works in). */
export type PlansKey = CatalogKey<typeof zhCN>;

/** `t` over the plans namespace with checked keys. */
export const usePlansT = namespaceHook<PlansKey>('plans', { 'zh-CN': zhCN, en });
