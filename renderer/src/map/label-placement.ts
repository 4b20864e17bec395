// Where each site's name goes so that no two labels overlap and no label covers a marker. Greedy by
// priority (best-ranked first): each label tries positions around its marker in a fixed order and
// takes the first free one; a label with no free position is left out. Pure: no Leaflet, no DOM.

export interface Box {
  /** Top-left corner and size, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The marker's centre. */
  x: number;
  y: number;
  /** The label's size (measured text plus padding). */
  width: number;
  height: number;
  /** Distance from the marker's centre to the nearest edge of the label (the marker radius plus a gap). */
  gap: number;
}

export type LabelSide = 'right' | 'left' | 'top' | 'bottom' | 'top-right' | 'bottom-right' | 'top-left' | 'bottom-left';

export interface PlacedLabel {
  id: string;
  side: LabelSide;
  box: Box;
}

/** Right of the marker reads best (like a map legend), then left, above, below, then the corners. */
export const LABEL_SIDES: readonly LabelSide[] = [
  'right',
  'left',
  'top',
  'bottom',
  'top-right',
  'bottom-right',
  'top-left',
  'bottom-left',
];

/** The label's box when put on `side` of its marker. */
export function candidateBox(label: LabelRequest, side: LabelSide): Box {
  const { x, y, width: w, height: h, gap } = label;
  // Corners sit on the diagonal, so they clear a round marker with a smaller offset.
  const d = gap * Math.SQRT1_2;
  switch (side) {
    case 'right':
      return { x: x + gap, y: y - h / 2, width: w, height: h };
    case 'left':
      return { x: x - gap - w, y: y - h / 2, width: w, height: h };
    case 'top':
      return { x: x - w / 2, y: y - gap - h, width: w, height: h };
    case 'bottom':
      return { x: x - w / 2, y: y + gap, width: w, height: h };
    case 'top-right':
      return { x: x + d, y: y - d - h, width: w, height: h };
    case 'bottom-right':
      return { x: x + d, y: y + d, width: w, height: h };
    case 'top-left':
      return { x: x - d - w, y: y - d - h, width: w, height: h };
    case 'bottom-left':
      return { x: x - d - w, y: y + d, width: w, height: h };
  }
}

/** True when the boxes share interior area; boxes that only touch do not overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(box: Box, bounds: Box): boolean {
  return (
    box.x >= bounds.x &&
    box.y >= bounds.y &&
    box.x + box.width <= bounds.x + bounds.width &&
    box.y + box.height <= bounds.y + bounds.height
  );
}

/** Something a label may not cover; a marker's own label is allowed to touch its marker's box. */
export interface Obstacle extends Box {
  id?: string;
}

export interface PlacementOptions {
  /** Boxes no label may cover: markers, cluster badges. */
  obstacles?: readonly Obstacle[];
  /** Labels must lie wholly inside this box (the visible map); omitted: anywhere. */
  bounds?: Box;
  /** At most this many labels (keeps a crowded view readable and the work bounded). */
  max?: number;
}

/**
 * Places `labels`, which must come in priority order (best first); returns the ones that fit, in
 * that order. Deterministic: the same input always gives the same placement.
 */
export function placeLabels(labels: readonly LabelRequest[], options: PlacementOptions = {}): PlacedLabel[] {
  const { obstacles = [], bounds, max = Infinity } = options;
  const placed: PlacedLabel[] = [];
  for (const label of labels) {
    if (placed.length >= max) break;
    for (const side of LABEL_SIDES) {
      const box = candidateBox(label, side);
      if (bounds && !inside(box, bounds)) continue;
      if (obstacles.some((o) => o.id !== label.id && overlaps(box, o))) continue;
      if (placed.some((p) => overlaps(box, p.box))) continue;
      placed.push({ id: label.id, side, box });
      break;
    }
  }
  return placed;
}

/** The square around a round marker of `radius` at (x, y), as an obstacle for labels. */
export function markerBox(x: number, y: number, radius: number, id?: string): Obstacle {
  return { id, x: x - radius, y: y - radius, width: radius * 2, height: radius * 2 };
}
