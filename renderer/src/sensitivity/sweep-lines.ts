// Which sites' sweep lines coincide. Drawn one over the other, identical lines look like one line and
// hide a site (issue 15): the chart marks each group, and says so in words. Scores are read to three
// decimals everywhere in the app, so lines within half of that at every point are "the same".
/** One step of a sweep: the swept weight and each site's score there (null: excluded). */
export interface SweepPoint {
  weight: number;
  scores: Record<string, number | null>;
}

/** Scores closer than this at every weight draw (and read) as one line. */
export const COINCIDE_WITHIN = 0.0005;

function sameLine(points: readonly SweepPoint[], a: string, b: string): boolean {
  return points.every((p) => {
    const [x, y] = [p.scores[a] ?? null, p.scores[b] ?? null];
    return x === null || y === null ? x === y : Math.abs(x - y) < COINCIDE_WITHIN;
  });
}

/**
 * The groups of two or more sites (in `siteIds` order) whose lines coincide; each site joins the
 * first group whose first site's line it matches.
 */
export function coincidentGroups(points: readonly SweepPoint[], siteIds: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (const id of siteIds) {
    const group = groups.find((g) => sameLine(points, g[0] as string, id));
    if (group) group.push(id);
    else groups.push([id]);
  }
  return groups.filter((g) => g.length > 1);
}
