import { ASSESSMENT_METRIC_TEXT, type AssessmentMetric, inLanguage, recordLanguage } from '../../contracts';
import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the assessment catalogue. */
export type AssessmentsKey = CatalogKey<typeof zhCN>;

export const useAssessmentsT = namespaceHook<AssessmentsKey>('assessments', { 'zh-CN': zhCN, en });

/** A measure's name in the reader's language, from the contracts (where each metric is named once). */
export function useMetricLabel(): (metric: AssessmentMetric) => string {
  const { i18n } = useAssessmentsT();
  const lang = recordLanguage(i18n.language);
  return (metric) => inLanguage(ASSESSMENT_METRIC_TEXT[metric], lang);
}
