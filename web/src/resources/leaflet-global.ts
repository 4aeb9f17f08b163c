import L from 'leaflet';

/**
 * leaflet.markercluster is a classic plugin that extends the global `L` when it is evaluated.
 * Imported before it, this module puts the bundled Leaflet there first.
 */
const scope = globalThis as unknown as { L?: typeof L };
scope.L ??= L;
