import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the installations and monitoring catalogue (the Chinese one, which the zone works in). */
export type InstallationsKey = CatalogKey<typeof zhCN>;

/** `t` over the installations namespace with checked keys. */
export const useInstallationsT = namespaceHook<InstallationsKey>('installations', { 'zh-CN': zhCN, en });
