import { useTranslation } from 'react-i18next';
import { usePublicConfig } from '../api/queries';
import { ZONE_NAME } from '../contracts';

/**
 * The zone's name in the interface language. The deployment's configured name is Chinese, the
 * zone's own language; other languages use the zone module's translation of it.
 */
export function useZoneName(): string {
  const { i18n } = useTranslation();
  const config = usePublicConfig();
  if (i18n.language.startsWith('zh')) return config.data?.zoneName || ZONE_NAME.zh;
  return ZONE_NAME.en;
}
