import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the drills catalogue (the Chinese one, which the zone works in). */
export type DrillsKey = CatalogKey<typeof zhCN>;

/** `t` over the drills namespace with checked keys. */
export const useDrillsT = namespaceHook<DrillsKey>('drills', { 'zh-CN': zhCN, en });

export type DrillsT = ReturnType<typeof useDrillsT>['t'];
