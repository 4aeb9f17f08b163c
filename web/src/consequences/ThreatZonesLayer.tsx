import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { Pane, Polygon, Popup, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import { readoutAt, type ConsequenceRunView, type PointReadout } from '../contracts';
import { useConsequencesT } from './i18n';
import { useConsequenceRuns } from './queries';
import { distanceParts, durationParts, rankColour, runInputs, shownRuns, significant } from './threat-zones';
import './consequences.css';

/**
 * The room's threat zones on a map: the latest run of each model, coloured by rank (the worst
 * on top), with a legend, and what each run says at a clicked point (concentration and arrival,
 * heat flux, overpressure). Live: the room's events keep the runs' cache current.
 */
export function ThreatZonesLayer({ incidentId }: { incidentId: string }) {
  const runs = useConsequenceRuns(incidentId);
  const shown = shownRuns(runs.data);
  const [clicked, setClicked] = useState<L.LatLng | null>(null);
  useFitNewRuns(runs.data);
  useMapEvents({
    click(e) {
      // While a shape is being drawn the clicks are the drawing's.
      const drawing = (e.originalEvent.target as HTMLElement | null)?.closest('.room-map--drawing');
      if (shown.length && !drawing) setClicked(e.latlng);
    },
  });
  if (!shown.length) return null;
  return (
    <>
      <Pane name="threat-zones" style={{ zIndex: 410 }}>
        {shown.flatMap((run) =>
          // Widest first, so the worst is drawn last, on top.
          [...run.zones]
            .sort((a, b) => b.rank - a.rank)
            .map((zone) => (
              <Polygon
                key={zone.id}
                positions={zone.geometry.coordinates.map((ring) =>
                  ring.map(([lng, lat]) => [lat!, lng!] as L.LatLngTuple),
                )}
                pathOptions={{
                  color: rankColour(zone.rank),
                  weight: zone.rank === 1 ? 2.5 : 1.5,
                  fillColor: rankColour(zone.rank),
                  fillOpacity: 0.18,
                }}
                // Given to the path when it is made (pathOptions are applied later, by setStyle, which skips it).
                className={`threat-zone threat-zone--rank-${zone.rank}`}
                eventHandlers={{
                  add: (e) => e.target.getElement?.()?.setAttribute('data-level', zone.level),
                }}
              >
                <ZoneTooltip run={run} level={zone.level} />
              </Polygon>
            )),
        )}
      </Pane>
      {clicked && (
        <Popup position={clicked} eventHandlers={{ remove: () => setClicked(null) }}>
          <PointReadouts runs={shown} at={clicked} />
        </Popup>
      )}
      <ThreatLegend runs={shown} />
    </>
  );
}

/**
 * A run that arrives while the map is open brings its footprint into view on every screen in
 * the room; the runs already there when the map opened leave the view as the room set it.
 */
function useFitNewRuns(runs: ConsequenceRunView[] | undefined) {
  const map = useMap();
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!runs) return;
    if (!seen.current) {
      seen.current = new Set(runs.map((r) => r.id));
      return;
    }
    const fresh = runs.filter((r) => !seen.current!.has(r.id));
    for (const r of fresh) seen.current.add(r.id);
    const points = fresh
      .flatMap((r) => r.zones)
      .flatMap((z) => z.geometry.coordinates[0] ?? [])
      .map(([lng, lat]) => [lat!, lng!] as L.LatLngTuple);
    if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 17 });
  }, [runs, map]);
}

function ZoneTooltip({ run, level }: { run: ConsequenceRunView; level: string }) {
  const { t } = useConsequencesT();
  return (
    <Tooltip sticky>
      {run.title} · {t(`level.${level}` as never)}
    </Tooltip>
  );
}

function PointReadouts({ runs, at }: { runs: ConsequenceRunView[]; at: L.LatLng }) {
  const { t } = useConsequencesT();
  return (
    <div className="threat-readout" data-testid="threat-readout">
      <h3 className="threat-readout__title">{t('readout.title')}</h3>
      {runs.map((run) => {
        const r = readoutAt(runInputs(run), { lat: at.lat, lng: at.lng }, run.zones);
        return (
          <div key={run.id} className="threat-readout__run">
            <p className="threat-readout__name">{run.title}</p>
            <ReadoutLines readout={r} />
          </div>
        );
      })}
    </div>
  );
}

function ReadoutLines({ readout: r }: { readout: PointReadout }) {
  const { t } = useConsequencesT();
  const distance = distanceParts(r.distanceM);
  const time = (s: number) => {
    const p = durationParts(s);
    return t(`units.${p.unit}`, { value: p.value });
  };
  const lines: string[] = [t('readout.distance', { distance: t(`units.${distance.unit}`, distance) })];
  if (r.quantity === 'concentration') {
    if (r.arrivalSeconds === null || r.arrivalSeconds === undefined) lines.push(t('readout.upwind'));
    else {
      lines.push(
        t('readout.concentration', { ppm: significant(r.value ?? 0), mg: significant(r.mgM3 ?? 0) }),
      );
      lines.push(t('readout.arrival', { time: time(r.arrivalSeconds) }));
      if (r.clearsSeconds) lines.push(t('readout.clears', { time: time(r.clearsSeconds) }));
    }
  } else if (r.quantity === 'radiation') {
    lines.push(t('readout.radiation', { value: significant(r.value ?? 0) }));
  } else {
    lines.push(
      r.value === null
        ? `${t('readout.overpressure', { value: '—' })} (${t('readout.outOfRange')})`
        : t('readout.overpressure', { value: significant(r.value / 1000) }),
    );
  }
  lines.push(r.level ? t('readout.inZone', { level: t(`level.${r.level}` as never) }) : t('readout.outside'));
  return (
    <ul className="threat-readout__lines">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** The legend, in the map's corner; clicks on it stay off the map. */
function ThreatLegend({ runs }: { runs: ConsequenceRunView[] }) {
  const { t } = useConsequencesT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current) {
      L.DomEvent.disableClickPropagation(ref.current);
      L.DomEvent.disableScrollPropagation(ref.current);
    }
  }, []);
  return (
    <div className="leaflet-top leaflet-right threat-legend-corner">
      <div ref={ref} className="leaflet-control threat-legend" data-testid="threat-legend">
        <p className="threat-legend__title">{t('legend.title')}</p>
        {runs.map((run) => (
          <div key={run.id} className="threat-legend__run">
            <p className="threat-legend__name">{run.title}</p>
            <ul>
              {run.zones.map((z) => {
                const d = distanceParts(z.extentM ?? 0);
                return (
                  <li key={z.id} data-level={z.level}>
                    <span className="threat-legend__swatch" style={{ background: rankColour(z.rank) }} />
                    {t(`level.${z.level}` as never)} · {z.truncated ? '≥ ' : ''}
                    {t(`units.${d.unit}`, d)}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </div>
  );
}
