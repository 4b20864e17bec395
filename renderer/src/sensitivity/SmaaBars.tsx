// SMAA rank acceptability as stacked bars: for each site, the probability of each rank; a site that
// shared first place says how often, and a tie at the top is said above the bars.
import type { ReactNode } from 'react';
import { SCORE_SCALE } from '../score-colors';
import { byFirst, firstText, share, tiedText, topTieSentence } from './smaa-words';
import './smaa.css';

export interface SmaaSite {
  siteId: string;
  rankProbabilities: number[];
  /** Counts 1/g of every sample in which the site tied for first with g − 1 others. */
  pFirst: number;
  /** Share of samples in which the site shared first place. */
  pTiedFirst: number;
}

/** Rank 1 gets the brightest colour; ranks beyond the scale share the darkest. */
function rankColor(rank: number): string {
  const scale = [...SCORE_SCALE].reverse();
  return scale[Math.min(scale.length - 1, rank)] ?? '#440154';
}

export function SmaaBars({
  sites,
  names,
  ranksShown = 5,
}: {
  sites: SmaaSite[];
  names: Map<string, string>;
  ranksShown?: number;
}): ReactNode {
  const name = (id: string): string => names.get(id) ?? id;
  const top = byFirst(sites, name).slice(0, 10);
  const tie = topTieSentence(sites, name);
  return (
    <div className="smaa" aria-label="Rank probabilities">
      {tie && (
        <p className="smaa-tie-summary" role="note">
          {tie}
        </p>
      )}
      {top.map((site) => (
        <div key={site.siteId} className="smaa-row">
          <span className="smaa-name">{name(site.siteId)}</span>
          <span className="smaa-bar" role="img" aria-label={`${name(site.siteId)}: ${firstText(site)}`}>
            {site.rankProbabilities.slice(0, ranksShown).map((p, rank) => (
              <span
                key={rank}
                style={{ width: `${p * 100}%`, background: rankColor(rank) }}
                title={`rank ${rank + 1}: ${share(p)}`}
              />
            ))}
          </span>
          <span className="smaa-first">{share(site.pFirst)}</span>
          {site.pTiedFirst > 0 && <span className="smaa-tie">{tiedText(site)}</span>}
        </div>
      ))}
      <div className="muted">
        Bars: share of samples at rank 1 (brightest) to {ranksShown}; number: how often first, a shared first place
        split equally among the sites sharing it.
      </div>
    </div>
  );
}
