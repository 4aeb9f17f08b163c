import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the accountability catalogue. */
export type AccountabilityKey = CatalogKey<typeof zhCN>;

export const useAccountabilityT = namespaceHook<AccountabilityKey>('accountability', { 'zh-CN': zhCN, en });
