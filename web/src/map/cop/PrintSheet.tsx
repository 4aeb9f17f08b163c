import type { Map as LeafletMap } from 'leaflet';
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useZoneName } from '../../lib/use-zone-name';
import { useCopT } from './i18n';
import type { MapLayerDefinition, MapScene } from './layer-types';
import { captureMap, type MapImage } from './map-image';
import { formatLength, scaleBar } from './scale';

type Paper = 'A4' | 'A3';
type Orientation = 'landscape' | 'portrait';

/** Paper in millimetres, long side first. */
const PAPER: Record<Paper, [number, number]> = { A4: [297, 210], A3: [420, 297] };

function NorthArrow() {
  const { t } = useCopT();
  return (
    <svg
      className="cop-sheet__north"
      viewBox="0 0 40 56"
      role="img"
      aria-label={t('print.north')}
      data-testid="print-north"
    >
      <polygon points="20,4 32,40 20,32 8,40" fill="#111" />
      <polygon points="20,4 20,32 8,40" fill="#fff" stroke="#111" strokeWidth="1.5" />
      <text x="20" y="54" textAnchor="middle" fontSize="13" fontWeight="700">
        {t('print.north')}
      </text>
    </svg>
  );
}

function ScaleBar({ image }: { image: MapImage }) {
  const { t } = useCopT();
  const bar = scaleBar(image.metersAcross);
  if (!bar) return null;
  return (
    <div className="cop-sheet__scale" data-testid="print-scale" aria-label={t('print.scale')}>
      <div className="cop-sheet__scale-bar" style={{ width: `${bar.fraction * 100}%` }}>
        <span />
        <span />
      </div>
      <div className="cop-sheet__scale-text" style={{ width: `${bar.fraction * 100}%` }}>
        <span>0</span>
        <span>{formatLength(bar.meters)}</span>
      </div>
    </div>
  );
}

/**
 * A printable map sheet of the current view: title, the time it was made, the map with a north
 * arrow and a true scale bar, and the legend of every layer shown, on A4 or A3, either way round.
 * The browser prints it (and saves it as PDF); the rest of the console is hidden while it does.
 */
export function PrintSheet({
  map,
  defaultTitle,
  layers,
  scene,
  onClose,
}: {
  map: LeafletMap;
  defaultTitle: string;
  layers: readonly MapLayerDefinition[];
  scene: MapScene;
  onClose: () => void;
}) {
  const { t } = useCopT();
  const { t: tr, i18n } = useTranslation();
  const zoneName = useZoneName();
  const titleId = useId();
  const [title, setTitle] = useState(defaultTitle);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [image, setImage] = useState<MapImage | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [madeAt] = useState(() => new Date());

  useEffect(() => {
    let active = true;
    captureMap(map, false).then(
      (captured) => active && setImage(captured),
      (e: unknown) => active && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      active = false;
    };
  }, [map]);

  useEffect(() => {
    document.body.classList.add('cop-printing');
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => {
      document.body.classList.remove('cop-printing');
      window.removeEventListener('keydown', onKey);
    };
  }, [onClose]);

  const [long, short] = PAPER[paper];
  const [width, height] = orientation === 'landscape' ? [long, short] : [short, long];
  const time = new Intl.DateTimeFormat(i18n.language, {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(madeAt);

  return createPortal(
    <div
      className="cop-print"
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="print-dialog"
    >
      <style>{`@page { size: ${paper} ${orientation}; margin: 0; }`}</style>
      <div className="cop-print__controls">
        <h2 id={titleId} className="cop-print__heading">
          {t('print.title')}
        </h2>
        <label>
          {t('print.sheetTitle')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="print-title-input" />
        </label>
        <label>
          {t('print.paper')}
          <select value={paper} onChange={(e) => setPaper(e.target.value as Paper)} data-testid="print-paper">
            <option value="A4">A4</option>
            <option value="A3">A3</option>
          </select>
        </label>
        <label>
          {t('print.orientation')}
          <select value={orientation} onChange={(e) => setOrientation(e.target.value as Orientation)}>
            <option value="landscape">{t('print.landscape')}</option>
            <option value="portrait">{t('print.portrait')}</option>
          </select>
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={!image}
          onClick={() => window.print()}
        >
          {t('print.print')}
        </button>
        <button type="button" className="button" onClick={onClose} data-testid="print-close">
          {t('print.close')}
        </button>
      </div>
      {error && <ErrorNotice error={error} compact />}
      <div className="cop-print__preview">
        <article
          className={`cop-sheet cop-sheet--${orientation}`}
          style={{ width: `${width}mm`, height: `${height}mm` }}
          data-testid="print-sheet"
          data-paper={paper}
        >
          <header className="cop-sheet__head">
            <h1 className="cop-sheet__title" data-testid="print-title">
              {title}
            </h1>
            <p className="cop-sheet__time" data-testid="print-time">
              {t('print.madeAt', { time })}
            </p>
          </header>
          <div className="cop-sheet__body">
            <figure className="cop-sheet__map">
              {image ? (
                // The frame keeps the view's proportions, so the scale bar measures the image itself.
                <div
                  className="cop-sheet__frame"
                  style={{ ['--ratio' as string]: String(image.width / image.height) }}
                >
                  <img src={image.dataUrl} alt={title} data-testid="print-map" />
                  <NorthArrow />
                  <ScaleBar image={image} />
                </div>
              ) : (
                <p className="cop-sheet__preparing">{t('print.preparing')}</p>
              )}
            </figure>
            <aside className="cop-sheet__legend" data-testid="print-legend">
              <h2>{t('print.legend')}</h2>
              {layers.map((layer) => {
                const Legend = layer.legend;
                return (
                  <section key={layer.id} className="cop-sheet__legend-layer">
                    <h3>{tr(layer.label as never)}</h3>
                    <Legend scene={scene} />
                  </section>
                );
              })}
            </aside>
          </div>
          <footer className="cop-sheet__foot">{t('print.footer', { zone: zoneName })}</footer>
        </article>
      </div>
    </div>,
    document.body,
  );
}
