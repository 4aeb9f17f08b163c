import './cop.css';
import type { Map as LeafletMap } from 'leaflet';
import { useCallback, useId, useMemo, useState, type ReactNode, type Ref } from 'react';
import { CircleMarker, ScaleControl } from 'react-leaflet';
import { usePublicConfig } from '../../api/queries';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { BaseMap } from '../BaseMap';
import { BasemapLayer } from '../layers/BasemapLayer';
import { basemapChoices, defaultBasemap } from './basemaps';
import { imageFileName } from './file-name';
import { useCopT } from './i18n';
import { isOnByDefault, layersFor, type MapKind, type MapScene } from './layer-types';
import { LayerPanel } from './LayerPanel';
import { CoordinateReadout, ExposeMap, FullscreenControl, ViewTracker } from './map-controls';
import { captureMap, downloadDataUrl } from './map-image';
import { MapSearch, type SearchSource } from './MapSearch';
import { MeasureTool, type Measurement, type MeasureMode } from './MeasureTool';
import { PrintSheet } from './PrintSheet';
import { MAP_LAYERS } from './registry';
import { RoadSearch } from './RoadSearch';
import { formatArea, formatLength } from './scale';
import type { SearchResult } from './search';

export interface OperatingMapProps {
  kind: MapKind;
  scene: Omit<MapScene, 'kind'>;
  /** The view's name: the print sheet's title and the exported file's name. */
  title: string;
  ariaLabel: string;
  /** Open the layer panel at first (the zone map's big screen); else it opens from its button. */
  panelOpen?: boolean;
  /** On top of the layer panel (the zone map's name and counts). */
  panelHeader?: ReactNode;
  mapRef?: Ref<LeafletMap>;
  className?: string;
  testId?: string;
  /** More inside the Leaflet map: the page's own markers and tools. */
  children?: ReactNode;
}

/**
 * The common operating picture: the console's map with the shared layer control and legend,
 * search, measuring, the pointer's coordinates, full screen, image export, the print sheet and
 * the basemap switch. The zone map and the room map are both this, with their own scene.
 */
export function OperatingMap(props: OperatingMapProps) {
  const config = usePublicConfig();
  // The basemap must be known before the map mounts, or an offline console would flash a tile
  // request; the config answers fast and falls back to offline on failure.
  if (config.isPending) return <Loading />;
  return <OperatingMapReady {...props} mapTileUrl={config.data?.mapTileUrl ?? ''} />;
}

function OperatingMapReady({
  kind,
  scene: sceneProps,
  title,
  ariaLabel,
  panelOpen = false,
  panelHeader,
  mapRef,
  className,
  testId,
  children,
  mapTileUrl,
}: OperatingMapProps & { mapTileUrl: string }) {
  const { t, i18n } = useCopT();
  const panelId = useId();
  const scene: MapScene = useMemo(() => ({ kind, ...sceneProps }), [kind, sceneProps]);
  const layers = useMemo(() => layersFor(MAP_LAYERS, kind, scene.role), [kind, scene.role]);
  const [active, setActive] = useState<ReadonlySet<string>>(
    () => new Set(layers.filter((l) => isOnByDefault(l, kind)).map((l) => l.id)),
  );
  const basemaps = useMemo(() => basemapChoices(mapTileUrl), [mapTileUrl]);
  const [basemap, setBasemap] = useState(() => defaultBasemap(basemaps));
  const tileUrl = basemaps.find((b) => b.id === basemap && 'url' in b);
  const [showPanel, setShowPanel] = useState(panelOpen);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const [frame, setFrame] = useState<HTMLDivElement | null>(null);
  const [measureMode, setMeasureMode] = useState<MeasureMode | null>(null);
  const [measureReady, setMeasureReady] = useState(false);
  const [measurement, setMeasurement] = useState<Measurement | null>(null);
  const [clearNonce, setClearNonce] = useState(0);
  const [found, setFound] = useState<SearchResult | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<Error | null>(null);
  const [printing, setPrinting] = useState(false);

  const toggle = useCallback((id: string, on: boolean) => {
    setActive((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const sources = useMemo<SearchSource[]>(
    () => [
      ...layers.flatMap((l) => (l.search ? [{ id: l.id, component: l.search }] : [])),
      { id: 'roads', component: RoadSearch },
    ],
    [layers],
  );

  const exportPng = async () => {
    if (!map) return;
    setExporting(true);
    setExportError(null);
    try {
      const image = await captureMap(map);
      downloadDataUrl(image.dataUrl, imageFileName(title, new Date()));
    } catch (e) {
      setExportError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setExporting(false);
    }
  };

  const openPrint = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    setPrinting(true);
  };
  const closePrint = useCallback(() => setPrinting(false), []);
  const shown = layers.filter((l) => active.has(l.id));

  return (
    <div
      ref={setFrame}
      className={`cop${className ? ` ${className}` : ''}${measureMode ? ' cop--measuring' : ''}`}
      data-testid={testId}
    >
      <BaseMap ref={mapRef} offline={!tileUrl} ariaLabel={ariaLabel}>
        <BasemapLayer tileUrl={tileUrl && 'url' in tileUrl ? tileUrl.url : ''} />
        {shown.map((layer) => {
          const Layer = layer.component;
          return <Layer key={layer.id} scene={scene} />;
        })}
        {children}
        {found && (
          <CircleMarker
            center={found.position}
            radius={18}
            interactive={false}
            pathOptions={{ color: '#0ea5e9', weight: 3, fillOpacity: 0.08, className: 'cop-found' }}
          />
        )}
        <MeasureTool
          mode={measureMode}
          clearNonce={clearNonce}
          language={i18n.language}
          onMeasured={setMeasurement}
          onReady={() => setMeasureReady(true)}
          onEnd={() => {
            setMeasureMode(null);
            setMeasureReady(false);
          }}
        />
        <FullscreenControl frame={frame} />
        <CoordinateReadout />
        <ViewTracker />
        <ExposeMap onMap={setMap} />
        <ScaleControl position="bottomright" imperial={false} />
      </BaseMap>

      <div className="cop-toolbar" role="toolbar" aria-label={t('tools')}>
        <MapSearch
          map={map}
          scene={scene}
          sources={sources}
          onPick={(result, sourceId) => {
            setFound(result);
            if (layers.some((l) => l.id === sourceId)) toggle(sourceId, true);
          }}
        />
        <div className="cop-toolbar__buttons">
          <button
            type="button"
            className={`cop-button${showPanel ? ' cop-button--on' : ''}`}
            aria-expanded={showPanel}
            aria-controls={panelId}
            onClick={() => setShowPanel((v) => !v)}
            data-testid="layer-panel-toggle"
          >
            {t('layers.title')}
          </button>
          {(['distance', 'area'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              className={`cop-button${measureMode === mode ? ' cop-button--on' : ''}`}
              aria-pressed={measureMode === mode}
              onClick={() => {
                setMeasureReady(false);
                setMeasureMode((m) => (m === mode ? null : mode));
              }}
              data-testid={`measure-${mode}`}
            >
              {t(`measure.${mode}`)}
            </button>
          ))}
          <button
            type="button"
            className="cop-button"
            disabled={exporting || !map}
            onClick={() => void exportPng()}
            data-testid="export-png"
          >
            {exporting ? t('export.working') : t('export.png')}
          </button>
          <button
            type="button"
            className="cop-button"
            disabled={!map}
            onClick={openPrint}
            data-testid="print-open"
          >
            {t('print.open')}
          </button>
        </div>
        {(measureMode || measurement) && (
          <div className="cop-measure" data-testid="measure-panel" role="status">
            {measureMode && measureReady && (
              <span className="cop-measure__hint" data-testid="measure-hint">
                {t('measure.hint')}
              </span>
            )}
            {measurement && (
              <strong data-testid="measure-result">
                {measurement.squareMeters === null
                  ? t('measure.length', { length: formatLength(measurement.meters) })
                  : t('measure.areaResult', {
                      area: formatArea(measurement.squareMeters),
                      length: formatLength(measurement.meters),
                    })}
              </strong>
            )}
            {measurement && !measureMode && (
              <button
                type="button"
                className="cop-button"
                onClick={() => {
                  setMeasurement(null);
                  setClearNonce((n) => n + 1);
                }}
              >
                {t('measure.clear')}
              </button>
            )}
          </div>
        )}
        {exportError && (
          <ErrorNotice error={new Error(t('export.failed', { error: exportError.message }))} compact />
        )}
      </div>

      <div className="cop-side">
        {panelHeader}
        {showPanel && (
          <LayerPanel
            id={panelId}
            layers={layers}
            active={active}
            onToggle={toggle}
            scene={scene}
            basemaps={basemaps}
            basemap={basemap}
            onBasemap={setBasemap}
          />
        )}
      </div>

      {printing && map && (
        <PrintSheet map={map} defaultTitle={title} layers={shown} scene={scene} onClose={closePrint} />
      )}
    </div>
  );
}
