import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the spot check catalogue. */
export type SpotChecksKey = CatalogKey<typeof zhCN>;

export const useSpotChecksT = namespaceHook<SpotChecksKey>('spotChecks', { 'zh-CN': zhCN, en });
