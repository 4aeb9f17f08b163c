import type { SensitiveTargetKind, SensitiveTargetView } from '../contracts';

/**
 * One colour per kind, so a legend can name them: warm for the places where people cannot leave
 * by themselves (kindergartens, hospitals, nursing homes), blue for water.
 */
export const SENSITIVE_TARGET_COLOURS: Record<SensitiveTargetKind, string> = {
  school: '#d97706',
  kindergarten: '#e11d48',
  hospital: '#dc2626',
  residential: '#7c3aed',
  village: '#65a30d',
  nursing_home: '#be185d',
  market: '#0d9488',
  water_source: '#2563eb',
};

/** The outline as Leaflet's [lat, lng] rings, or null for a target known by its point only. */
export function outlineLatLngs(t: Pick<SensitiveTargetView, 'outline'>): [number, number][][] | null {
  if (!t.outline) return null;
  return t.outline.coordinates.map((ring) => ring.map(([lng, lat]) => [lat!, lng!] as [number, number]));
}
