import type { Map as LeafletMap } from 'leaflet';
import { useCallback, useEffect, useId, useMemo, useState, type ComponentType } from 'react';
import { useCopT } from './i18n';
import type { MapScene, MapSearchProps } from './layer-types';
import { rankResults, type SearchResult } from './search';

const DEBOUNCE_MS = 250;
const LIMIT = 8;
const DEFAULT_ZOOM = 17;

export interface SearchSource {
  id: string;
  component: ComponentType<MapSearchProps>;
}

/** Runs one source and files its results under its id. */
function SourceRunner({
  source,
  query,
  scene,
  onResults,
}: {
  source: SearchSource;
  query: string;
  scene: MapScene;
  onResults: (id: string, results: SearchResult[]) => void;
}) {
  const report = useCallback(
    (results: SearchResult[]) => onResults(source.id, results),
    [onResults, source.id],
  );
  const Source = source.component;
  return <Source query={query} scene={scene} onResults={report} />;
}

/**
 * The map's search: every source (the layers' and the addresses') answers the typed text, the
 * best results of all are listed, and picking one flies the map there and marks the spot.
 */
export function MapSearch({
  map,
  scene,
  sources,
  onPick,
}: {
  map: LeafletMap | null;
  scene: MapScene;
  sources: readonly SearchSource[];
  /** The picked result and the source it came from (its layer is turned on). */
  onPick: (result: SearchResult, sourceId: string) => void;
}) {
  const { t } = useCopT();
  const listId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [bySource, setBySource] = useState<Record<string, SearchResult[]>>({});

  useEffect(() => {
    const id = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(id);
  }, [text]);

  const onResults = useCallback(
    (id: string, results: SearchResult[]) => setBySource((prev) => ({ ...prev, [id]: results })),
    [],
  );
  const ranked = useMemo(
    () => (query ? rankResults(Object.values(bySource).flat(), LIMIT) : []),
    [bySource, query],
  );
  const sourceOf = (r: SearchResult) =>
    Object.entries(bySource).find(([, list]) => list.includes(r))?.[0] ?? '';

  const pick = (r: SearchResult) => {
    onPick(r, sourceOf(r));
    map?.flyTo(r.position, r.zoom ?? DEFAULT_ZOOM, { duration: 0.8 });
    setOpen(false);
  };

  return (
    <div className="cop-search" role="search">
      <input
        type="search"
        className="cop-search__input"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        data-testid="map-search"
        aria-controls={listId}
        aria-expanded={open && query.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && ranked[0]) pick(ranked[0]);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {query &&
        sources.map((s) => (
          <SourceRunner key={s.id} source={s} query={query} scene={scene} onResults={onResults} />
        ))}
      {open && query && (
        <ul id={listId} className="cop-search__results" data-testid="map-search-results">
          {ranked.length === 0 && <li className="cop-search__none">{t('search.none', { query })}</li>}
          {ranked.map((r) => (
            <li key={r.key}>
              <button
                type="button"
                className="cop-search__result"
                data-testid="map-search-result"
                data-key={r.key}
                onClick={() => pick(r)}
              >
                <span className="cop-search__kind">{r.kind}</span>
                <span className="cop-search__title">{r.title}</span>
                {r.detail && <span className="cop-search__detail">{r.detail}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
