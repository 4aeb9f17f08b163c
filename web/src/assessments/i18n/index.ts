import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the assessment catalogue. */
export type AssessmentsKey = CatalogKey<typeof zhCN>;

export const useAssessmentsT = namespaceHook<AssessmentsKey>('assessments', { 'zh-CN': zhCN, en });
