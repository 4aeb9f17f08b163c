import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the enforcement catalogue. */
export type EnforcementKey = CatalogKey<typeof zhCN>;

export const useEnforcementT = namespaceHook<EnforcementKey>('enforcement', { 'zh-CN': zhCN, en });
