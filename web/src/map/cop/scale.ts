/**
 * The scale bar of a printed map: a round length (1, 2 or 5 × a power of ten metres) that takes
 * about a fifth of the map's width, and the share of the width it takes, so the bar stays true
 * however wide the image is printed.
 */
export function scaleBar(metersAcross: number, share = 0.2): { meters: number; fraction: number } | null {
  if (!Number.isFinite(metersAcross) || metersAcross <= 0) return null;
  const target = metersAcross * share;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [5, 2, 1].find((s) => s * power <= target) ?? 1;
  const meters = step * power;
  return { meters, fraction: meters / metersAcross };
}

/** "500 m", "2 km", "1.5 km": the scale bar's and the measuring tool's lengths. */
export function formatLength(meters: number): string {
  if (meters < 1000) return `${meters < 10 ? meters.toFixed(1) : Math.round(meters)} m`;
  const km = meters / 1000;
  return `${km < 10 ? Number(km.toFixed(2)) : Number(km.toFixed(1))} km`;
}

/** Square metres below a hectare; hectares and square kilometres above. */
export function formatArea(squareMeters: number): string {
  if (squareMeters < 10_000) return `${Math.round(squareMeters)} m²`;
  if (squareMeters < 1_000_000) return `${Number((squareMeters / 10_000).toFixed(2))} ha`;
  return `${Number((squareMeters / 1_000_000).toFixed(2))} km²`;
}

/** A coordinate as read out over a radio: degrees to six places, N/E. */
export function formatLatLng(lat: number, lng: number): string {
  const ns = lat >= 0 ? 'N' : 'S';
  const ew = lng >= 0 ? 'E' : 'W';
  return `${Math.abs(lat).toFixed(6)}°${ns} ${Math.abs(lng).toFixed(6)}°${ew}`;
}
