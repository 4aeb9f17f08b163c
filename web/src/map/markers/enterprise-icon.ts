import L from 'leaflet';
import { enterpriseMarkerHtml, type EnterpriseMarker } from '../enterprise-features';

/**
 * A site pin drawn with HTML and CSS: no image URLs for Vite to lose (Vite rewrites only the asset URLs it imports), and
 * styled by risk class. The icon element carries test and data hooks, since Leaflet, not
 * React, creates it.
 */
export function enterpriseIcon(marker: Pick<EnterpriseMarker, 'id' | 'name' | 'riskClass'>): L.DivIcon {
  const icon = L.divIcon({
    className: `enterprise-marker enterprise-marker--${marker.riskClass}`,
    html: enterpriseMarkerHtml(marker),
    iconSize: [28, 28],
    iconAnchor: [14, 28],
    popupAnchor: [0, -26],
  });
  const createIcon = icon.createIcon.bind(icon);
  icon.createIcon = (oldIcon?: HTMLElement) => {
    const element = createIcon(oldIcon);
    element.dataset.testid = 'enterprise-marker';
    element.dataset.enterpriseId = marker.id;
    element.dataset.riskClass = marker.riskClass;
    return element;
  };
  return icon;
}
