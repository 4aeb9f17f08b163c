import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the safety-funds catalogue (the Chinese one, which the zone works in). */
export type SafetyFundsKey = CatalogKey<typeof zhCN>;

/** `t` over the safety-funds namespace with checked keys. */
export const useSafetyFundsT = namespaceHook<SafetyFundsKey>('safetyFunds', { 'zh-CN': zhCN, en });
