// Leaflet measures its container on window resizes only; the workspace also resizes it without one
// (the weights drawer opening beside it, the what-if rankings appearing above it). Watching the
// container itself keeps the map, its labels' room and its clicks in step with what is on screen.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';

export function FollowContainerSize(): null {
  const map = useMap();
  useEffect(() => {
    // jsdom has no ResizeObserver; nothing resizes there anyway.
    if (typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      // Once per frame however many resizes a drag sends.
      if (frame !== 0) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        map.invalidateSize({ debounceMoveend: true });
      });
    });
    observer.observe(map.getContainer());
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [map]);
  return null;
}
