import { toPng } from 'html-to-image';
import type { Map as LeafletMap } from 'leaflet';

/** Buttons and the pointer readout are for the screen, not the picture. */
const SCREEN_ONLY = ['leaflet-control-zoom', 'leaflet-control-zoom-fullscreen', 'cop-readout'];

export interface MapImage {
  dataUrl: string;
  width: number;
  height: number;
  /** The ground distance across the image at its middle, for a true scale bar. */
  metersAcross: number;
}

/**
 * The map as it is on the screen, as a PNG (html-to-image draws the DOM, so the vector layers,
 * markers and labels come out as seen). `withControls: false` leaves out every control, for a
 * sheet that draws its own scale and north arrow.
 */
export async function captureMap(map: LeafletMap, withControls = true): Promise<MapImage> {
  const element = map.getContainer();
  const { x: width, y: height } = map.getSize();
  const dataUrl = await toPng(element, {
    width,
    height,
    pixelRatio: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
    // The console's fonts are the system's: nothing to fetch and embed.
    skipFonts: true,
    // A tile server that refuses cross-origin reads leaves its tiles blank, not the export failed.
    imagePlaceholder: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
    filter: (node) => {
      if (!(node instanceof HTMLElement)) return true;
      if (!withControls && node.classList.contains('leaflet-control-container')) return false;
      return !SCREEN_ONLY.some((c) => node.classList.contains(c));
    },
  });
  const y = height / 2;
  const metersAcross = map.distance(
    map.containerPointToLatLng([0, y]),
    map.containerPointToLatLng([width, y]),
  );
  return { dataUrl, width, height, metersAcross };
}

export function downloadDataUrl(dataUrl: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = dataUrl;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
