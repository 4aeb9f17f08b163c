import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the warnings catalogue (the Chinese one, which the zone works in). */
export type WarningKey = CatalogKey<typeof zhCN>;

/** `t` over the warnings namespace with checked keys. */
export const useWarningsT = namespaceHook<WarningKey>('warnings', { 'zh-CN': zhCN, en });
