import L from 'leaflet';
import type {} from '@geoman-io/leaflet-geoman-free';

/**
 * leaflet-geoman (the drawing tool) is a classic Leaflet plugin: it extends the global `L` when
 * it runs. It is loaded on demand, once `L` is in place, and only by the pages that draw, so the
 * rest of the console does not carry it.
 */
let loading: Promise<void> | null = null;

export function loadGeoman(): Promise<void> {
  const scope = globalThis as unknown as { L?: typeof L };
  scope.L ??= L;
  loading ??= Promise.all([
    import('@geoman-io/leaflet-geoman-free'),
    import('@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css'),
  ]).then(
    () => undefined,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Maps created before the plugin loaded have no `pm`; give them one, as the plugin's init hook would. */
export function pmOf(map: L.Map): L.PM.PMMap {
  if (!map.pm) {
    const PM = (L as unknown as { PM: { Map: new (map: L.Map) => L.PM.PMMap } }).PM;
    map.pm = new PM.Map(map);
    map.pm.setGlobalOptions({});
  }
  return map.pm;
}
