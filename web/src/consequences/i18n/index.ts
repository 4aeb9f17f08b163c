import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

export type ConsequencesKey = CatalogKey<typeof zhCN>;

/** `t` over the consequence models' namespace with checked keys. */
export const useConsequencesT = namespaceHook<ConsequencesKey>('consequences', { 'zh-CN': zhCN, en });
