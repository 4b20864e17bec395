// An SVG renderer that redraws its paths only when the view leaves the area it last drew. Leaflet's
// own SVG renderer re-clips and rewrites every path on each moveend; for the Natural Earth 1:50m
// countries that is a 50–200 ms frame at the end of every pan (measured by tests/e2e/perf-map.e2e.ts:
// 52–59 fps with it, 60 without). Layer pixel coordinates do not change while panning, so as long as
// the zoom, the pixel origin and the drawn area still cover the view, the drawn SVG is still right.
import { SVG, type Bounds, type Map as LeafletMap, type Point, type RendererOptions } from 'leaflet';

/** Leaflet internals this relies on (Leaflet 1.9: Renderer._update, _bounds, _zoom, _map). */
interface SvgInternals {
  _map?: LeafletMap;
  _bounds?: Bounds;
  _zoom?: number;
  _update(): void;
}

/** True when the container-sized view, in layer pixels, lies inside `drawn`. */
function covers(map: LeafletMap, drawn: Bounds): boolean {
  const topLeft = map.containerPointToLayerPoint([0, 0]);
  const bottomRight = map.containerPointToLayerPoint(map.getSize());
  return drawn.contains(topLeft) && drawn.contains(bottomRight);
}

export class LazySvg extends SVG {
  private drawnOrigin: Point | null = null;

  _update(): void {
    const self = this as unknown as SvgInternals;
    const map = self._map;
    if (
      map &&
      self._bounds &&
      self._zoom === map.getZoom() &&
      this.drawnOrigin?.equals(map.getPixelOrigin()) &&
      covers(map, self._bounds)
    )
      return;
    (SVG.prototype as unknown as SvgInternals)._update.call(this);
    this.drawnOrigin = map ? map.getPixelOrigin() : null;
  }
}

/** padding: how much beyond the view is drawn, as a fraction of its size on each side. */
export function lazySvg(options: RendererOptions): LazySvg {
  return new LazySvg(options);
}
