import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the implementation plans' catalogue (the Chinese one, which the zone works in). */
export type WorkPlansKey = CatalogKey<typeof zhCN>;

/** `t` over the implementation plans' namespace with checked keys. */
export const useWorkPlansT = namespaceHook<WorkPlansKey>('workPlans', { 'zh-CN': zhCN, en });
