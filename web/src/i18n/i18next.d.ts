import type zhCN from './zh-CN.json';

// Type-checks every t('…') key against the Chinese catalogue, the one the zone works in.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
