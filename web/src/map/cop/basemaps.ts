/**
 * The basemaps a map can switch between: the bundled offline one always, and each tile server
 * MAP_TILE_URL names. URL templates hold no spaces, so the setting may list several separated
 * by spaces (a street map and an imagery layer, say); each is named by its host.
 */
export type BasemapChoice = { id: 'offline' } | { id: string; url: string; host: string };

export function basemapChoices(mapTileUrl: string): BasemapChoice[] {
  const tiles = mapTileUrl
    .split(/\s+/)
    .filter(Boolean)
    .map((url, index) => ({ id: `tiles-${index}`, url, host: hostOf(url) }));
  return [{ id: 'offline' }, ...tiles];
}

function hostOf(url: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/]+)/i.exec(url);
  return (match?.[1] ?? url).replace(/\{s\}\./, '');
}

/** The configured tiles when there are any (as before the switcher), else the offline map. */
export function defaultBasemap(choices: readonly BasemapChoice[]): string {
  return choices[1]?.id ?? 'offline';
}
