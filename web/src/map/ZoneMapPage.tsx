import type { Map as LeafletMap } from 'leaflet';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAllEnterprises, usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { useZoneName } from '../lib/use-zone-name';
import { OperatingMap } from './cop/OperatingMap';
import { ZONE_CENTER, ZONE_ZOOM } from './map-view';

/**
 * The zone map: the common operating picture of the whole zone, with every layer the user may
 * see (enterprise sites by risk class and the open incidents first) and the zone's name above
 * the layer control.
 */
export function ZoneMapPage() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const sites = useAllEnterprises();
  const [params] = useSearchParams();
  const focusId = params.get('focus');
  const mapRef = useRef<LeafletMap>(null);
  const zoneName = useZoneName();
  const session = useSession();
  const role = session?.user.role;
  const scene = useMemo(() => ({ role, focusEnterpriseId: focusId }), [role, focusId]);
  const offline = !config.data?.mapTileUrl;

  return (
    <div className="map-page">
      <OperatingMap
        kind="zone"
        scene={scene}
        title={t('map.sheetTitle', { zone: zoneName })}
        ariaLabel={t('map.regionLabel', { zone: zoneName })}
        panelOpen
        mapRef={mapRef}
        panelHeader={
          <section className="map-overlay map-status" aria-labelledby="map-status-title">
            <h1 id="map-status-title" className="map-overlay__title">
              {zoneName}
            </h1>
            <p className="map-status__line">
              {sites.isPending && t('map.loadingSites')}
              {sites.data &&
                (sites.data.items.length > 0 ? (
                  <span data-testid="site-count">
                    {t('map.siteCount', { count: sites.data.items.length })}
                  </span>
                ) : (
                  t('map.noSites')
                ))}
            </p>
            {offline && <p className="map-status__mode">{t('map.offlineBasemap')}</p>}
            {sites.isError && (
              <ErrorNotice error={sites.error} onRetry={() => void sites.refetch()} compact />
            )}
            <button
              type="button"
              className="button button--small"
              onClick={() => mapRef.current?.setView(ZONE_CENTER, ZONE_ZOOM)}
            >
              {t('map.resetView')}
            </button>
          </section>
        }
      />
    </div>
  );
}
