// Merges sites that would sit on top of each other at one zoom into clusters, on projected pixel
// coordinates. Greedy by priority (best-ranked first): each point not yet taken starts a cluster and
// takes every free point within `radius` pixels of it. A spatial hash with cells of `radius` keeps it
// linear, so 10 000 sites cluster in a few milliseconds. Pure: no Leaflet, no DOM.

export interface ClusterPoint {
  id: string;
  /** Pixels at the zoom being clustered (Leaflet's map.project). */
  x: number;
  y: number;
}

export interface Cluster {
  /** Member ids, the leader (the best-ranked member) first, then in priority order. */
  ids: string[];
  leader: string;
  /**
   * Where the cluster is drawn: at its leader. Leaders are more than `radius` apart, so badges no
   * wider than the radius never overlap (a mean position would let neighbouring badges collide).
   */
  x: number;
  y: number;
}

/**
 * Clusters `points`, which must come in priority order (best first). Ids in `alone` (the selected
 * site) are never merged, so a site picked in the list always has its own marker.
 */
export function clusterPoints(
  points: readonly ClusterPoint[],
  radius: number,
  alone: ReadonlySet<string> = new Set(),
): Cluster[] {
  if (!(radius > 0)) return points.map((p) => ({ ids: [p.id], leader: p.id, x: p.x, y: p.y }));
  const cells = new Map<number, number[]>();
  const cellKey = (cx: number, cy: number): number => cx * 4_194_304 + cy;
  points.forEach((p, i) => {
    if (alone.has(p.id)) return;
    const key = cellKey(Math.floor(p.x / radius), Math.floor(p.y / radius));
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  });
  const taken = new Uint8Array(points.length);
  const radius2 = radius * radius;
  const clusters: Cluster[] = [];
  points.forEach((leader, i) => {
    if (taken[i]) return;
    taken[i] = 1;
    if (alone.has(leader.id)) {
      clusters.push({ ids: [leader.id], leader: leader.id, x: leader.x, y: leader.y });
      return;
    }
    const members = [i];
    const cx = Math.floor(leader.x / radius);
    const cy = Math.floor(leader.y / radius);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of cells.get(cellKey(cx + dx, cy + dy)) ?? []) {
          const p = points[j];
          if (taken[j] || p === undefined) continue;
          const ex = p.x - leader.x;
          const ey = p.y - leader.y;
          if (ex * ex + ey * ey <= radius2) {
            taken[j] = 1;
            members.push(j);
          }
        }
      }
    }
    // Priority order inside the cluster too (cells were visited in grid order).
    members.sort((a, b) => a - b);
    const ids = members.map((j) => points[j]?.id ?? '');
    clusters.push({ ids, leader: leader.id, x: leader.x, y: leader.y });
  });
  return clusters;
}

/**
 * The smallest zoom at which no other point lies within `radius` pixels of `target`, given
 * positions projected at zoom 0 (pixel distances double with each zoom level); null when another
 * point shares its position, so no zoom separates them.
 */
export function separatingZoom(target: ClusterPoint, others: readonly ClusterPoint[], radius: number): number | null {
  let nearest = Infinity;
  for (const p of others) {
    if (p.id === target.id) continue;
    nearest = Math.min(nearest, Math.hypot(p.x - target.x, p.y - target.y));
  }
  if (nearest === Infinity) return 0;
  if (nearest === 0) return null;
  return Math.max(0, Math.ceil(Math.log2(radius / nearest)));
}

/**
 * Moves a badge at (x, y) straight away from the point `from` until their centres are at least
 * `distance` apart, so the selected site's marker (never clustered) does not sit on its neighbours'
 * badge; a badge exactly on the point moves up.
 */
export function nudgeAway(
  x: number,
  y: number,
  from: { x: number; y: number },
  distance: number,
): { x: number; y: number } {
  const dx = x - from.x;
  const dy = y - from.y;
  const d = Math.hypot(dx, dy);
  if (d >= distance) return { x, y };
  if (d === 0) return { x, y: from.y - distance };
  return { x: from.x + (dx / d) * distance, y: from.y + (dy / d) * distance };
}
