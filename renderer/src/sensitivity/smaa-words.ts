// What SMAA's rank probabilities say about first place in words, ties included: a sample in which g
// sites share first counts 1/g for each (pFirst), and pTiedFirst says how often a site shared it, so
// six sites with identical data read "first 16.7 % — tied for first in 100 % of samples", not as six
// sites each losing five times out of six.
export interface SmaaFirst {
  siteId: string;
  pFirst: number;
  pTiedFirst: number;
}

/** A probability as a percentage with one decimal where it matters: "16.7 %", "100 %". */
export function share(p: number): string {
  return `${(p * 100).toFixed(1).replace(/\.0$/, '')} %`;
}

/** "tied for first in 100 % of samples"; '' for a site that never shared first place. */
export function tiedText(site: SmaaFirst): string {
  return site.pTiedFirst > 0 ? `tied for first in ${share(site.pTiedFirst)} of samples` : '';
}

/** "first 16.7 % — tied for first in 100 % of samples", or "first 40 %". */
export function firstText(site: SmaaFirst): string {
  const tied = tiedText(site);
  return `first ${share(site.pFirst)}${tied ? ` — ${tied}` : ''}`;
}

/** Most often first first; equal shares (a tie) keep one order: by name. */
export function byFirst<S extends SmaaFirst>(sites: readonly S[], name: (siteId: string) => string): S[] {
  return [...sites].sort((a, b) => b.pFirst - a.pFirst || name(a.siteId).localeCompare(name(b.siteId)));
}

/**
 * The summary when the top is a tie: the sites that shared first place in at least half the samples,
 * when the most-often-first site is one of them. null when the top is not a tie.
 */
export function topTieSentence(sites: readonly SmaaFirst[], name: (siteId: string) => string): string | null {
  const leader = byFirst(sites, name)[0];
  if (leader === undefined || leader.pTiedFirst < 0.5) return null;
  const tied = byFirst(
    sites.filter((s) => s.pTiedFirst >= 0.5),
    name,
  );
  if (tied.length < 2) return null;
  const least = Math.min(...tied.map((s) => s.pTiedFirst));
  const when = least >= 1 ? 'in every sample' : `in at least ${share(least)} of samples`;
  const names = tied.map((s) => name(s.siteId));
  const list = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`;
  return `The top is a tie: ${list} shared first place ${when}. "First" splits a shared first place equally among the sites sharing it: none of them is first on its own.`;
}

/**
 * Over a stability table: when the top is shared, whose interval it is and with whom the top is
 * shared; null when one site is on top alone.
 */
export function sharedTopText(
  stability: readonly { topSite: string | null; tiedWith: readonly string[] }[],
  name: (siteId: string) => string,
): string | null {
  const st = stability.find((x) => x.topSite !== null && x.tiedWith.length > 0);
  if (st === undefined || st.topSite === null) return null;
  const who = [st.topSite, ...st.tiedWith].map(name);
  return `The top is shared by ${who.join(', ')}: each interval is where ${who[0] as string} stays among the best.`;
}
