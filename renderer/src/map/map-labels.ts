// What the labels say and where they go: a site's name beside its marker, a cluster's markets beside
// its badge (once per neighbourhood), best-ranked first (the selected site before all), clear of
// every marker, badge and map control. Pure: positions in, boxes out.
import { markerBox, placeLabels, type Box, type LabelSide } from './label-placement';

export interface LabelTarget {
  /** The site id, or the cluster's leader id. */
  key: string;
  text: string;
  /** Projected pixels of the marker or badge centre. */
  x: number;
  y: number;
  /** The marker's or badge's radius in pixels. */
  radius: number;
  selected: boolean;
  cluster: boolean;
}

export interface ShownLabel {
  key: string;
  text: string;
  side: LabelSide;
  box: Box;
  selected: boolean;
  cluster: boolean;
}

export const LABEL_HEIGHT = 16;
/** Space between a marker's edge and its label. */
const LABEL_GAP = 3;
/** A cluster label repeating a better one's text within this many pixels is left out ("Tokyo" once). */
export const REPEAT_DISTANCE = 250;

/**
 * Places labels for `targets` (given best first) inside `bounds`, avoiding every target's marker or
 * badge and the `blocked` boxes (map controls, legend); at most `max` labels.
 */
export function layoutLabels(
  targets: readonly LabelTarget[],
  blocked: readonly Box[],
  bounds: Box,
  measure: (text: string) => number,
  max: number,
): ShownLabel[] {
  const ordered = withoutRepeats([...targets.filter((t) => t.selected), ...targets.filter((t) => !t.selected)]);
  const obstacles = [...targets.map((t) => markerBox(t.x, t.y, t.radius + 1, t.key)), ...blocked];
  const requests = ordered.map((t) => ({
    id: t.key,
    x: t.x,
    y: t.y,
    width: measure(t.text),
    height: LABEL_HEIGHT,
    gap: t.radius + LABEL_GAP,
  }));
  const byKey = new Map(targets.map((t) => [t.key, t]));
  return placeLabels(requests, { obstacles, bounds, max }).flatMap((p) => {
    const t = byKey.get(p.id);
    return t ? [{ key: t.key, text: t.text, side: p.side, box: p.box, selected: t.selected, cluster: t.cluster }] : [];
  });
}

/** Drops cluster targets whose text a better-placed target near them already says. */
function withoutRepeats(targets: readonly LabelTarget[]): LabelTarget[] {
  const kept: LabelTarget[] = [];
  for (const t of targets) {
    const repeat =
      t.cluster && kept.some((k) => k.text === t.text && Math.hypot(k.x - t.x, k.y - t.y) < REPEAT_DISTANCE);
    if (!repeat) kept.push(t);
  }
  return kept;
}

/**
 * A cluster's label: its market when all members share one ("Hong Kong"), else the two markets with
 * the most members and how many more ("Johor · Singapore +1"). Ties keep the members' order (best first).
 */
export function clusterLabel(markets: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const m of markets) counts.set(m, (counts.get(m) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([m]) => m);
  const shown = ranked.slice(0, 2).join(' · ');
  return ranked.length > 2 ? `${shown} +${ranked.length - 2}` : shown;
}
