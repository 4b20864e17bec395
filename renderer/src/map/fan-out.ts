// Sites that still sit on (nearly) the same pixel at the map's last zoom level (several campuses
// whose sources give only the estate's coordinates) are found once per set of sites ("stacks") and,
// when opened, fanned out ("spiderfied") around their true point: up to FAN_RING_MAX on a ring, more
// on a spiral, each spot at least `spacing` pixels from every other. Spots are handed out in site-id
// order, so a site keeps its place in the fan whatever the ranking does. Pure: no Leaflet, no DOM.
import { clusterPoints, type ClusterPoint } from './clustering';

/** Up to this many sites fan out on a ring; more on a spiral. */
export const FAN_RING_MAX = 8;

export interface FanOptions {
  /** Least distance between two spots' centres (a marker's diameter and some air), in pixels. */
  spacing: number;
  /** Least distance from the true point to a spot, so the legs and the true point's dot show. */
  minRadius: number;
}

export interface Offset {
  dx: number;
  dy: number;
}

export interface FanSpot extends Offset {
  id: string;
}

/** Plain code-unit order: the same everywhere, whatever the locale. */
export function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `count` offsets from the true point, clockwise from the top (a ring starts half a step round when
 * a spot would otherwise sit due left or right of the true point). A ring's radius grows
 * until neighbours are `spacing` apart; beyond FAN_RING_MAX a spiral whose turns are more than
 * `spacing` apart, stepping `spacing` along it.
 */
export function fanOffsets(count: number, { spacing, minRadius }: FanOptions): Offset[] {
  if (count <= 0) return [];
  if (count === 1) return [{ dx: 0, dy: 0 }];
  if (count <= FAN_RING_MAX) {
    const step = (2 * Math.PI) / count;
    const radius = Math.max(minRadius, spacing / (2 * Math.sin(Math.PI / count)));
    // Never a spot level with the true point (its label would run along the legs' row): a half step
    // round from the top, or straight up when that would put spots due left and right (n = 2, 6).
    const start = -Math.PI / 2 + (count % 4 === 2 ? 0 : step / 2);
    return Array.from({ length: count }, (_, i) => ({
      dx: round(radius * Math.cos(start + i * step)),
      dy: round(radius * Math.sin(start + i * step)),
    }));
  }
  // Archimedean spiral r = r0 + b·θ: a turn later the radius is 2π·b = 1.25 × spacing further out.
  const b = (1.25 * spacing) / (2 * Math.PI);
  let radius = Math.max(minRadius, spacing);
  let angle = 0;
  const out: Offset[] = [];
  for (let i = 0; i < count; i++) {
    out.push({
      dx: round(radius * Math.cos(angle - Math.PI / 2)),
      dy: round(radius * Math.sin(angle - Math.PI / 2)),
    });
    // The chord to the next spot is at least `spacing` (the radius only grows), with some slack.
    const turn = 2 * Math.asin(Math.min(1, (spacing * 1.05) / (2 * radius)));
    angle += turn;
    radius += b * turn;
  }
  return out;
}

/** The fan of `ids` (any order): spots in site-id order, so the same sites always fan the same way. */
export function fanOut(ids: readonly string[], options: FanOptions): FanSpot[] {
  const sorted = [...ids].sort(byId);
  const offsets = fanOffsets(sorted.length, options);
  return sorted.map((id, i) => ({ id, dx: offsets[i]?.dx ?? 0, dy: offsets[i]?.dy ?? 0 }));
}

export interface Stack {
  /** The first member's id: stable whatever the ranking. */
  key: string;
  /** Members in site-id order; always at least two. */
  ids: string[];
}

/**
 * The groups of points within `radius` pixels of each other at the last zoom level (points given
 * projected at that zoom, any order): greedy from the smallest id, so the result depends on the
 * sites only, not on their scores. Linear time (clusterPoints' spatial hash).
 */
export function findStacks(points: readonly ClusterPoint[], radius: number): Stack[] {
  const sorted = [...points].sort((a, b) => byId(a.id, b.id));
  return clusterPoints(sorted, radius)
    .filter((c) => c.ids.length > 1)
    .map((c) => {
      const ids = [...c.ids].sort(byId);
      return { key: ids[0] ?? c.leader, ids };
    });
}

function round(v: number): number {
  // Whole tenths of a pixel: deterministic across engines and free of -0.
  return Math.round(v * 10) / 10 + 0;
}
