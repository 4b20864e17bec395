// The order in which sites claim space on the map: clusters are led by, and labels placed for, the
// best-ranked sites first; excluded sites come last, sites not yet scored in between.
interface Ranked {
  rank: number | null;
  excluded: boolean;
}

function tier(result: Ranked | undefined): number {
  if (result === undefined) return 1;
  if (result.excluded || result.rank === null) return 2;
  return 0;
}

/** `sites` sorted best first; ties keep their given order. */
export function byPriority<S extends { id: string }>(sites: readonly S[], results: ReadonlyMap<string, Ranked>): S[] {
  return sites
    .map((site, index) => ({ site, index, result: results.get(site.id) }))
    .sort(
      (a, b) =>
        tier(a.result) - tier(b.result) ||
        (a.result?.rank ?? Infinity) - (b.result?.rank ?? Infinity) ||
        a.index - b.index,
    )
    .map((entry) => entry.site);
}
