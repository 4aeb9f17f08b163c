import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the sensitive targets' catalogue (the Chinese one, which the zone works in). */
export type SensitiveTargetKey = CatalogKey<typeof zhCN>;

/** `t` over the sensitive-targets namespace with checked keys. */
export const useSensitiveTargetsT = namespaceHook<SensitiveTargetKey>('sensitiveTargets', {
  'zh-CN': zhCN,
  en,
});
