// Sizes and colours shared by the markers, cluster badges and labels.

export const MARKER_RADIUS = 6;
export const SELECTED_RADIUS = 9;
/** Markers closer than this many pixels merge into a cluster. */
export const CLUSTER_RADIUS = 40;
/**
 * At the last zoom level, markers whose centres are this close (each covers the other's centre) are
 * a stack: they merge into a badge that fans them out.
 */
export const STACK_RADIUS = MARKER_RADIUS;
/** Fanned-out markers' centres are at least this far apart: a selected marker's diameter and air. */
export const FAN_SPACING = 2 * SELECTED_RADIUS + 8;
/** …and at least this far from their true point, so the legs and the dot show. */
export const FAN_MIN_RADIUS = 40;
/** Fill of a site with no score yet. */
export const UNSCORED_FILL = '#94a3b8';

/**
 * A badge grows with the log of its count (2 sites 24 px, 100 sites 33 px) up to the cluster radius,
 * so two badges, whose leaders are more than the radius apart, never overlap.
 */
export function clusterDiameter(count: number): number {
  return Math.min(CLUSTER_RADIUS, Math.round(22 + 5.5 * Math.log10(Math.max(1, count))));
}

/** Dark or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return '#0f172a';
  const [r, g, b] = match.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast against white is (1.05)/(L+0.05), against #0f172a roughly (L+0.05)/0.058: equal near L 0.2.
  return luminance > 0.2 ? '#0f172a' : '#ffffff';
}
