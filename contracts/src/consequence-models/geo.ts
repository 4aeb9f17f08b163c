/**
 * Local metres around a source ↔ [lng, lat]. An equirectangular projection about the source:
 * within the tens of kilometres a screening model reaches, its error is far below the models'.
 */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

export function offsetToLngLat(origin: LatLng, eastM: number, northM: number): [number, number] {
  const lat = origin.lat + northM / EARTH_RADIUS_M / DEG;
  const lng = origin.lng + eastM / (EARTH_RADIUS_M * Math.cos(origin.lat * DEG)) / DEG;
  return [lng, lat];
}

export function lngLatToOffset(origin: LatLng, point: LatLng): { eastM: number; northM: number } {
  return {
    eastM: (point.lng - origin.lng) * DEG * EARTH_RADIUS_M * Math.cos(origin.lat * DEG),
    northM: (point.lat - origin.lat) * DEG * EARTH_RADIUS_M,
  };
}

/**
 * A point in the wind's frame: `x` metres downwind of the source, `y` across it. The wind
 * direction is where it blows from (meteorological), degrees clockwise from north.
 */
export function toWindFrame(origin: LatLng, point: LatLng, windFromDeg: number): { x: number; y: number } {
  const { eastM, northM } = lngLatToOffset(origin, point);
  const toward = (windFromDeg + 180) * DEG;
  return {
    x: eastM * Math.sin(toward) + northM * Math.cos(toward),
    y: eastM * Math.cos(toward) - northM * Math.sin(toward),
  };
}

export function fromWindFrame(origin: LatLng, x: number, y: number, windFromDeg: number): [number, number] {
  const toward = (windFromDeg + 180) * DEG;
  return offsetToLngLat(
    origin,
    x * Math.sin(toward) + y * Math.cos(toward),
    x * Math.cos(toward) - y * Math.sin(toward),
  );
}

/** A closed ring of `n` points around the origin, [lng, lat]. */
export function circleRing(origin: LatLng, radiusM: number, n = 64): number[][] {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    ring.push(offsetToLngLat(origin, radiusM * Math.sin(a), radiusM * Math.cos(a)));
  }
  ring.push(ring[0]!);
  return ring;
}
