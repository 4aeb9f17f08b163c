import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the leaders' dashboard catalogue. */
export type CockpitKey = CatalogKey<typeof zhCN>;

export const useCockpitT = namespaceHook<CockpitKey>('cockpit', { 'zh-CN': zhCN, en });
