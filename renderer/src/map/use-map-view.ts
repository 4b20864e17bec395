// The map's view as React state, updated when the map settles (moveend, viewreset), never on the
// frames of a drag: layers derived from it re-render once per gesture, so panning costs React nothing.
import type { Map as LeafletMap } from 'leaflet';
import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';

export interface MapView {
  zoom: number;
  /** Layer pixels are projected pixels minus this origin (map.getPixelOrigin()). */
  originX: number;
  originY: number;
  /** The visible area in projected pixels at `zoom`. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  /** True from the start of a zoom until it settles: positions in layer pixels are stale meanwhile. */
  zooming: boolean;
}

function readView(map: LeafletMap): MapView {
  const origin = map.getPixelOrigin();
  const bounds = map.getPixelBounds();
  return {
    zoom: map.getZoom(),
    originX: origin.x,
    originY: origin.y,
    minX: bounds.min?.x ?? 0,
    minY: bounds.min?.y ?? 0,
    maxX: bounds.max?.x ?? 0,
    maxY: bounds.max?.y ?? 0,
    zooming: false,
  };
}

function sameView(a: MapView, b: MapView): boolean {
  return (
    a.zoom === b.zoom &&
    a.originX === b.originX &&
    a.originY === b.originY &&
    a.minX === b.minX &&
    a.minY === b.minY &&
    a.maxX === b.maxX &&
    a.maxY === b.maxY &&
    a.zooming === b.zooming
  );
}

export function useMapView(): MapView {
  const map = useMap();
  const [view, setView] = useState(() => readView(map));
  useEffect(() => {
    const settle = (): void => {
      const next = readView(map);
      setView((v) => (sameView(v, next) ? v : next));
    };
    const zoomStart = (): void => setView((v) => (v.zooming ? v : { ...v, zooming: true }));
    map.on('moveend viewreset', settle);
    map.on('zoomstart', zoomStart);
    return () => {
      map.off('moveend viewreset', settle);
      map.off('zoomstart', zoomStart);
    };
  }, [map]);
  return view;
}

/** True when (x, y) in projected pixels lies in the view grown by `padding` (a fraction of its size). */
export function nearView(view: MapView, x: number, y: number, padding: number): boolean {
  const padX = (view.maxX - view.minX) * padding;
  const padY = (view.maxY - view.minY) * padding;
  return x >= view.minX - padX && x <= view.maxX + padX && y >= view.minY - padY && y <= view.maxY + padY;
}
