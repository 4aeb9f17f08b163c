import L from 'leaflet';
import { Fragment, type ReactNode, useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { CircleMarker, Pane, Polygon, Popup, Tooltip, useMap } from 'react-leaflet';
import { useQuery } from '@tanstack/react-query';
import { SENSITIVE_TARGET_KINDS, type SensitiveTargetKind, type SensitiveTargetView } from '../contracts';
import { telHref } from '../lib/format';
import { fetchSensitiveTargetMap } from './api';
import { useSensitiveTargetsT } from './i18n';
import { SENSITIVE_TARGET_COLOURS, outlineLatLngs } from './target-style';
import './sensitive-targets.css';

/**
 * The sensitive targets on any map: outlines where they have one, a ringed dot at each position,
 * the name on hover and the people and contact in a popup, with a legend of the kinds present.
 * Self-contained: it loads the register itself, so a page only mounts it inside its map.
 */
/** The register as the map draws it; shared by the layer, its legend and the map's search. */
export function useSensitiveTargetMap() {
  return useQuery({
    queryKey: ['sensitive-targets', 'map'],
    queryFn: ({ signal }) => fetchSensitiveTargetMap(signal),
    staleTime: 60_000,
  });
}

export function SensitiveTargetsLayer({ legend = true }: { legend?: boolean }) {
  const { t } = useSensitiveTargetsT();
  const query = useSensitiveTargetMap();
  const targets = query.data?.items;
  const kinds = useMemo(
    () => SENSITIVE_TARGET_KINDS.filter((k) => targets?.some((x) => x.kind === k)),
    [targets],
  );
  if (!targets) return null;
  return (
    <>
      <Pane name="sensitive-targets" style={{ zIndex: 610 }}>
        {targets.map((target) => {
          const colour = SENSITIVE_TARGET_COLOURS[target.kind];
          const rings = outlineLatLngs(target);
          return (
            <Fragment key={target.id}>
              {rings && (
                <Polygon
                  positions={rings}
                  pathOptions={{
                    color: colour,
                    weight: 1.5,
                    dashArray: '4 3',
                    fillColor: colour,
                    fillOpacity: 0.12,
                  }}
                >
                  <TargetPopup target={target} />
                </Polygon>
              )}
              <CircleMarker
                center={[target.location.lat, target.location.lng]}
                radius={6}
                pathOptions={{
                  color: '#ffffff',
                  weight: 2,
                  fillColor: colour,
                  fillOpacity: 1,
                  className: `sensitive-target sensitive-target--${target.kind}`,
                }}
              >
                <Tooltip direction="top" offset={[0, -6]}>
                  {target.name}
                </Tooltip>
                <TargetPopup target={target} />
              </CircleMarker>
            </Fragment>
          );
        })}
      </Pane>
      {legend && kinds.length > 0 && (
        <MapControl position="bottomleft">
          <section className="sensitive-legend" data-testid="sensitive-legend" aria-label={t('legend')}>
            <h2 className="sensitive-legend__title">{t('legend')}</h2>
            <ul>
              {kinds.map((k) => (
                <li key={k}>
                  <span
                    className="sensitive-legend__swatch"
                    style={{ background: SENSITIVE_TARGET_COLOURS[k] }}
                    aria-hidden="true"
                  />
                  {t(`kind.${k}`)} <span className="sensitive-legend__count">{count(targets, k)}</span>
                </li>
              ))}
            </ul>
          </section>
        </MapControl>
      )}
    </>
  );
}

function count(targets: SensitiveTargetView[], kind: SensitiveTargetKind): number {
  return targets.filter((x) => x.kind === kind).length;
}

function TargetPopup({ target }: { target: SensitiveTargetView }) {
  const { t } = useSensitiveTargetsT();
  const tel = telHref(target.contactPhone);
  return (
    <Popup>
      <strong>{target.name}</strong> · {t(`kind.${target.kind}`)}
      <br />
      {t('popupPopulation', { day: target.populationDay, night: target.populationNight })}
      {target.contactName && (
        <>
          <br />
          {target.contactName} {tel && target.contactPhone && <a href={tel}>{target.contactPhone}</a>}
        </>
      )}
      {target.notes && (
        <>
          <br />
          {target.notes}
        </>
      )}
    </Popup>
  );
}

/** A Leaflet control whose content React renders, so the legend stays inside the map's own corners. */
function MapControl({ position, children }: { position: L.ControlPosition; children: ReactNode }) {
  const map = useMap();
  // The control's element exists before the control does, so React can render into it at once.
  const [container] = useState(() => {
    const div = L.DomUtil.create('div', 'leaflet-control');
    L.DomEvent.disableClickPropagation(div);
    return div;
  });
  useEffect(() => {
    const control = new L.Control({ position });
    control.onAdd = () => container;
    control.addTo(map);
    return () => {
      control.remove();
    };
  }, [map, position, container]);
  return createPortal(children, container);
}
