import { namespaceHook, type CatalogKey } from '../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the training catalogue (the Chinese one, which the zone works in). */
export type TrainingKey = CatalogKey<typeof zhCN>;

/** `t` over the training namespace with checked keys. */
export const useTrainingT = namespaceHook<TrainingKey>('training', { 'zh-CN': zhCN, en });
