import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The drills pages' texts live in a namespace of their own, typed here rather than in the global
 * i18next declaration, for the reason the plans pages give: one ever-growing typed catalogue
 * pushes the typed `t()` of other modules past the compiler's instantiation depth (TS2589).
 */
i18n.addResourceBundle('zh-CN', 'drills', zhCN);
i18n.addResourceBundle('en', 'drills', en);

type Plural<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? B
  : K;
type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? Plural<K> : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

/** Every key of the drills catalogue (the Chinese one, which the zone works in). */
export type DrillsKey = Paths<typeof zhCN>;

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `t` over the drills namespace with checked keys; re-renders on a language change. */
export function useDrillsT() {
  const { i18n: instance } = useTranslation();
  const raw = instance.t as unknown as Translate;
  const t = (key: DrillsKey, options?: Record<string, unknown>): string =>
    raw(key, { ns: 'drills', ...options });
  return { t, i18n: instance };
}

export type DrillsT = ReturnType<typeof useDrillsT>['t'];
