import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the organisation catalogue (the Chinese one, which the zone works in). */
export type OrganisationKey = CatalogKey<typeof zhCN>;

/** `t` over the organisation namespace with checked keys. */
export const useOrganisationT = namespaceHook<OrganisationKey>('organisation', { 'zh-CN': zhCN, en });
