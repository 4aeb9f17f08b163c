import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The plans pages' texts live in a namespace of their own, typed here rather than in the global
 * i18next declaration: adding them to that one catalogue (or declaring another namespace there)
 * pushes the typed `t()` of other modules past the compiler's instantiation depth (TS2589).
 */
i18n.addResourceBundle('zh-CN', 'plans', zhCN);
i18n.addResourceBundle('en', 'plans', en);

type Plural<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? B
  : K;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? Plural<K> : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every key of the plans catalogue (the Chinese one, which the zone works in). */
export type PlansKey = Paths<typeof zhCN>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `t` over the plans namespace with checked keys; re-renders on a language change like `useTranslation`. */
export function usePlansT() {
  const { i18n: instance } = useTranslation();
  const raw = instance.t as unknown as Translate;
  const t = (key: PlansKey, options?: Record<string, unknown>): string =>
    raw(key, { ns: 'plans', ...options });
  return { t, i18n: instance };
}
