import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the risks catalogue (the Chinese one, which the zone works in). */
export type RisksKey = CatalogKey<typeof zhCN>;

/** `t` over the risks namespace with checked keys. */
export const useRisksT = namespaceHook<RisksKey>('risks', { 'zh-CN': zhCN, en });
