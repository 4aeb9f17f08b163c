import type { Map as LeafletMap } from 'leaflet';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScaleControl } from 'react-leaflet';
import { useSearchParams } from 'react-router';
import { useAllEnterprises, usePublicConfig } from '../api/queries';
import { useSession } from '../auth/session-hooks';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { isZoneRole } from '../contracts';
import { HazardLayerToggle, HazardMapLayer } from '../hazards/HazardMapLayer';
import { IncidentOverviewControl, IncidentOverviewLayer } from '../incidents/map/IncidentOverview';
import { InstallationsLayer } from '../installations/InstallationsLayer';
import { useZoneName } from '../lib/use-zone-name';
import { BaseMap } from './BaseMap';
import { countByRiskClass } from './enterprise-features';
import { BasemapLayer } from './layers/BasemapLayer';
import { EnterpriseSitesLayer } from './layers/EnterpriseSitesLayer';
import { ZONE_CENTER, ZONE_ZOOM } from './map-view';
import { RiskLegend } from './RiskLegend';

/** The zone map: basemap, zone boundary and every enterprise site the user may see. */
export function ZoneMapPage() {
  const { t } = useTranslation();
  const config = usePublicConfig();
  const sites = useAllEnterprises();
  const [params] = useSearchParams();
  const focusId = params.get('focus');
  const mapRef = useRef<LeafletMap>(null);
  const zoneName = useZoneName();
  const session = useSession();
  // Zone roles see the open incidents over the sites, live; the switch hides them for a clear view.
  const incidentOverview = session ? isZoneRole(session.user.role) : false;
  const [incidentsShown, setIncidentsShown] = useState(true);
  // Open hazards: off by default so the sites stay readable; one click shows the ledger's state.
  const [hazardsShown, setHazardsShown] = useState(false);

  const enterprises = sites.data?.items;
  const counts = useMemo(() => (enterprises ? countByRiskClass(enterprises) : null), [enterprises]);

  // The basemap mode must be known before the map mounts, or an offline console would flash a
  // tile request; the config answers fast and falls back to offline on failure.
  if (config.isPending) return <Loading />;

  const tileUrl = config.data?.mapTileUrl ?? '';

  return (
    <div className="map-page">
      <BaseMap ref={mapRef} offline={!tileUrl} ariaLabel={t('map.regionLabel', { zone: zoneName })}>
        <BasemapLayer tileUrl={tileUrl} />
        {enterprises && <EnterpriseSitesLayer enterprises={enterprises} focusId={focusId} />}
        {incidentOverview && incidentsShown && <IncidentOverviewLayer />}
        {hazardsShown && <HazardMapLayer />}
        <InstallationsLayer />
        <ScaleControl position="bottomright" imperial={false} />
      </BaseMap>

      <section className="map-overlay map-status" aria-labelledby="map-status-title">
        <h1 id="map-status-title" className="map-overlay__title">
          {zoneName}
        </h1>
        <p className="map-status__line">
          {sites.isPending && t('map.loadingSites')}
          {sites.data &&
            (sites.data.items.length > 0 ? (
              <span data-testid="site-count">{t('map.siteCount', { count: sites.data.items.length })}</span>
            ) : (
              t('map.noSites')
            ))}
        </p>
        {!tileUrl && <p className="map-status__mode">{t('map.offlineBasemap')}</p>}
        {sites.isError && <ErrorNotice error={sites.error} onRetry={() => void sites.refetch()} compact />}
        <button
          type="button"
          className="button button--small"
          onClick={() => mapRef.current?.setView(ZONE_CENTER, ZONE_ZOOM)}
        >
          {t('map.resetView')}
        </button>
      </section>

      <RiskLegend counts={counts} />
      {incidentOverview && <IncidentOverviewControl shown={incidentsShown} onToggle={setIncidentsShown} />}
      <HazardLayerToggle shown={hazardsShown} onToggle={setHazardsShown} />
    </div>
  );
}
