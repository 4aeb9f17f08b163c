import { namespaceHook, type CatalogKey } from '../../../i18n/namespace';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Every key of the map's common-operating-picture catalogue (the Chinese one). */
export type CopKey = CatalogKey<typeof zhCN>;

/** `t` over the `cop` namespace with checked keys; layer labels elsewhere name it as `cop:…`. */
export const useCopT = namespaceHook<CopKey>('cop', { 'zh-CN': zhCN, en });

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The namespace's `t` outside render (Leaflet controls built in effects), bound to `language`. */
export function copText(
  i18n: { t: unknown },
  language: string,
): (key: CopKey, options?: Record<string, unknown>) => string {
  const raw = i18n.t as Translate;
  return (key, options) => raw(key, { ns: 'cop', lng: language, ...options });
}
