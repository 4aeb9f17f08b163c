import L from 'leaflet';
import type { MapFeatureKind, Severity } from '../../contracts';
import { currentLanguage, type Language } from '../../i18n';
import { escapeHtml } from '../../lib/html';
import { FEATURE_STYLES, SEVERITY_COLORS } from '../incident-model';

/**
 * Pins drawn with HTML and CSS (no image URLs for Vite to lose). The glyph is a character the
 * commander reads at a glance, in the interface language: 指 (CP) for the command post, 集 (A)
 * for the assembly point.
 */
const GLYPHS: Record<Language, Partial<Record<MapFeatureKind, string>>> = {
  'zh-CN': { command_post: '指', assembly_point: '集', incident_point: '!' },
  en: { command_post: 'CP', assembly_point: 'A', incident_point: '!' },
};

export function featureIcon(
  kind: MapFeatureKind,
  label: string,
  glyph = GLYPHS[currentLanguage()][kind] ?? '•',
): L.DivIcon {
  const color = FEATURE_STYLES[kind].fillColor;
  return L.divIcon({
    className: `feature-marker feature-marker--${kind}`,
    html:
      `<span class="feature-marker__pin" style="background:${color}" aria-hidden="true">${escapeHtml(glyph)}</span>` +
      (label ? `<span class="feature-marker__label">${escapeHtml(label)}</span>` : ''),
    iconSize: [28, 28],
    iconAnchor: [14, 14],
    popupAnchor: [0, -14],
  });
}

/** The incident's own point: a pulsing ring in the colour of its grade. */
export function incidentIcon(
  incident: { id: string; severity: Severity; title: string },
  options: { label?: boolean } = {},
): L.DivIcon {
  const colors = SEVERITY_COLORS[incident.severity] ?? SEVERITY_COLORS.ordinary;
  const icon = L.divIcon({
    className: `incident-marker incident-marker--${incident.severity}`,
    html:
      `<span class="incident-marker__pulse" style="border-color:${colors.fill}" aria-hidden="true"></span>` +
      `<span class="incident-marker__dot" style="background:${colors.fill};border-color:${colors.stroke}" aria-hidden="true">!</span>` +
      (options.label ? `<span class="incident-marker__label">${escapeHtml(incident.title)}</span>` : ''),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
  const createIcon = icon.createIcon.bind(icon);
  icon.createIcon = (oldIcon?: HTMLElement) => {
    const element = createIcon(oldIcon);
    element.dataset.testid = 'incident-marker';
    element.dataset.incidentId = incident.id;
    element.dataset.severity = incident.severity;
    return element;
  };
  return icon;
}
