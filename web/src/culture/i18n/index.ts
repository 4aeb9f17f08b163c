import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the safety-culture catalogue (the Chinese one, which the zone works in). */
export type CultureKey = CatalogKey<typeof zhCN>;

/** `t` over the culture namespace with checked keys. */
export const useCultureT = namespaceHook<CultureKey>('culture', { 'zh-CN': zhCN, en });
