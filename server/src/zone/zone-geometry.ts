import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import { ZONE_BOUNDARY } from '@muster/contracts';

export function isInsideZone(lat: number, lng: number): boolean {
  return booleanPointInPolygon(point([lng, lat]), ZONE_BOUNDARY);
}
