// How each site's rank moves between two rankings of the same sites — the presets compare's "what
// does B do to the ranking against A". The ranks are the engine's own (score.run, with its ties and
// exclusions); this only sets them side by side: up or down so many places, the same, newly ranked
// (excluded under A), or excluded (ranked under A only).

/** A site as score.run ranks it. */
export interface RankedSite {
  siteId: string;
  name: string;
  /** 1 = best; null when excluded. */
  rank: number | null;
  tied: boolean;
  excluded: boolean;
}

export type RankMove =
  | { kind: 'up'; by: number }
  | { kind: 'down'; by: number }
  | { kind: 'same' }
  /** Ranked under B, excluded under A. */
  | { kind: 'new' }
  /** Ranked under A, excluded under B. */
  | { kind: 'excluded' }
  /** Excluded under both. */
  | { kind: 'out' };

export interface SiteRankChange {
  siteId: string;
  name: string;
  a: { rank: number | null; tied: boolean };
  b: { rank: number | null; tied: boolean };
  move: RankMove;
}

function moveOf(a: number | null, b: number | null): RankMove {
  if (a === null) return b === null ? { kind: 'out' } : { kind: 'new' };
  if (b === null) return { kind: 'excluded' };
  if (b < a) return { kind: 'up', by: a - b };
  if (b > a) return { kind: 'down', by: b - a };
  return { kind: 'same' };
}

const rankOf = (s: RankedSite | undefined): number | null => (s === undefined || s.excluded ? null : s.rank);
const last = (r: number | null): number => r ?? Number.MAX_SAFE_INTEGER;

/** Every site of either ranking, in B's order (then A's, then by name), with its move from A to B. */
export function rankChanges(a: readonly RankedSite[], b: readonly RankedSite[]): SiteRankChange[] {
  const byA = new Map(a.map((s) => [s.siteId, s]));
  const byB = new Map(b.map((s) => [s.siteId, s]));
  const ids = [...new Set([...byB.keys(), ...byA.keys()])];
  return ids
    .map((siteId) => {
      const [sa, sb] = [byA.get(siteId), byB.get(siteId)];
      const [ra, rb] = [rankOf(sa), rankOf(sb)];
      return {
        siteId,
        name: sb?.name ?? sa?.name ?? siteId,
        a: { rank: ra, tied: ra !== null && (sa?.tied ?? false) },
        b: { rank: rb, tied: rb !== null && (sb?.tied ?? false) },
        move: moveOf(ra, rb),
      };
    })
    .sort((x, y) => last(x.b.rank) - last(y.b.rank) || last(x.a.rank) - last(y.a.rank) || x.name.localeCompare(y.name));
}

/** "↑3", "↓2", "=", "new", "excluded", "—". */
export function moveText(move: RankMove): string {
  switch (move.kind) {
    case 'up':
      return `↑${move.by}`;
    case 'down':
      return `↓${move.by}`;
    case 'same':
      return '=';
    case 'new':
      return 'new';
    case 'excluded':
      return 'excluded';
    case 'out':
      return '—';
  }
}

/** The move in words, for screen readers and summaries: "up 3 places", "excluded under B". */
export function moveWords(move: RankMove): string {
  switch (move.kind) {
    case 'up':
      return `up ${move.by} place${move.by === 1 ? '' : 's'}`;
    case 'down':
      return `down ${move.by} place${move.by === 1 ? '' : 's'}`;
    case 'same':
      return 'same rank';
    case 'new':
      return 'ranked under B, excluded under A';
    case 'excluded':
      return 'excluded under B, ranked under A';
    case 'out':
      return 'excluded under both';
  }
}
