import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the roll call catalogue (the Chinese one, which the zone works in). */
export type RollCallKey = CatalogKey<typeof zhCN>;

/** `t` over the roll call namespace with checked keys. */
export const useRollCallT = namespaceHook<RollCallKey>('rollcall', { 'zh-CN': zhCN, en });
