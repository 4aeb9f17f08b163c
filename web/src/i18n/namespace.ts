import { useTranslation } from 'react-i18next';
import i18n, { type Language } from './index';

/**
 * A module's texts in an i18next namespace of their own, typed by the module rather than in the
 * global i18next declaration: adding them to that one catalogue (or declaring more namespaces
 * there) pushes the typed `t()` of other modules past the compiler's instantiation depth (TS2589).
 */

type Plural<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? B
  : K;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? Plural<K> : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every key of a catalogue, dotted, with i18next's plural suffixes folded. */
export type CatalogKey<Catalog> = Paths<Catalog>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Registers the namespace's catalogues and returns its hook: `t` over the namespace with
 * checked keys, which re-renders on a language change like `useTranslation`.
 */
export function namespaceHook<Key extends string>(namespace: string, catalogs: Record<Language, object>) {
  for (const [language, catalog] of Object.entries(catalogs)) {
    i18n.addResourceBundle(language, namespace, catalog);
  }
  return function useNamespaceT() {
    const { i18n: instance } = useTranslation();
    const raw = instance.t as unknown as Translate;
    const t = (key: Key, options?: Record<string, unknown>): string =>
      raw(key, { ns: namespace, ...options });
    return { t, i18n: instance };
  };
}
