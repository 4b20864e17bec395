// Above the ranking: what may be said about its top — a tie, a lead on the facts both sites have,
// or a lead that rests on filled-in values (shared topSentence) — and what the percentage beside
// each score is, with how many sites are thin data. The table's order alone would call the first
// row "first" even when it shares the rank or leads on gaps.
//
// A tie among many sites names them all, five lines on a laptop: the summary keeps to
// SUMMARY_LINES lines (the ranking keeps its rows) and a "more" button shows the rest. The whole
// text stays in the page, so a screen reader reads all of it either way.
import { useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { percent, topSentence } from '../../../shared/score-words';
import { useApp } from '../context';
import { thinCount } from '../coverage-words';
import type { ScoreRun } from '../store';

export function RankingSummary({ score }: { score: ScoreRun }): ReactNode {
  const criteria = useApp((s) => s.choices.criteria);
  const sentence = useMemo(() => {
    const sites = new Map(score.results.map((r) => [r.siteId, r.name]));
    const names = new Map(criteria.map((c) => [c.id, c.name]));
    return topSentence(
      score.top,
      (id) => sites.get(id) ?? id,
      (id) => names.get(id) ?? id,
    );
  }, [score.results, score.top, criteria]);
  const thin = thinCount(score);
  const note = `The % beside a score is its coverage: the share of the weight resting on known values.${thin && ` ${thin} (coverage below ${percent(score.minCoverage)}).`}`;
  const [expanded, setExpanded] = useState(false);
  const { ref, clipped } = useClipped<HTMLDivElement>(`${sentence} ${note}`);
  return (
    <div className="ranking-summary" role="note" aria-label="Top of the ranking">
      <div ref={ref} className={expanded ? 'summary-text' : 'summary-text clamped'}>
        <p className="top-sentence">{sentence}</p>
        <p className="muted">{note}</p>
      </div>
      {(clipped || expanded) && (
        <button
          type="button"
          className="link-button summary-more"
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'less' : 'more'}
        </button>
      )}
    </div>
  );
}

/** Whether the element's content is taller than the element (cut off by its max-height), kept up to date. */
function useClipped<T extends HTMLElement>(content: string): { ref: RefObject<T | null>; clipped: boolean } {
  const ref = useRef<T>(null);
  const [clipped, setClipped] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => setClipped(el.scrollHeight > el.clientHeight + 1);
    measure();
    // jsdom has no ResizeObserver (nor layout): nothing is clipped there.
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [content]);
  return { ref, clipped };
}
