// The ranking: rank, site and market, score bar with the criteria that contribute most, chip
// legality and capacity; sortable by every column and filtered by the bar above it. Rows select
// the site and the map follows; a site picked on the map is scrolled into view here. With many
// sites only the rows in view are rendered (ranking-window.ts).
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Site } from '../../../shared/schemas';
import { coverageLabel } from '../../../shared/score-words';
import { useApp, useServices } from '../context';
import type { SortKey } from '../remembered/layout';
import { markRendered } from '../render-marks';
import type { ScoreRun } from '../store';
import { EmptyState } from '../components/EmptyState';
import { FilterBar } from './ranking-filters';
import { useSiteLegality, type SiteLegality } from './ranking-legality';
import {
  buildRows,
  exclusionCauses,
  filterRows,
  hasFilters,
  nextSort,
  siteFacts,
  sortRows,
  THIN_DATA_CAUSE,
  topContributors,
  type RankingRow,
  type SiteResult,
} from './ranking-model';
import { RankingHeader, Row, SpacerRow } from './ranking-row';
import { RankingSummary } from './ranking-summary';
import { ROW_HEIGHT_PX, useRowWindow } from './ranking-window';

export function RankingTable(): ReactNode {
  const { client, store } = useServices();
  const sites = useApp((s) => s.sites);
  const score = useApp((s) => s.score);
  const scoreError = useApp((s) => s.scoreError);
  const presetId = useApp((s) => s.scenario.presetId);
  const havePresets = useApp((s) => s.choices.presets.length > 0);
  const legality = useSiteLegality();

  if (sites.length === 0)
    return (
      <EmptyState title="No sites yet" label="No sites">
        <p>
          Import a sites CSV to start: <code>npx landfall import sites.csv</code> (columns{' '}
          <code>id, name, country, region, lat, lon</code>, then one column per criterion). The ranking fills in as soon
          as the import is committed; the guide’s “Import and export” section (docs/cli.md) lists every column.
        </p>
      </EmptyState>
    );
  if (presetId === null)
    return havePresets ? (
      <EmptyState title="No weight preset chosen" label="No preset">
        <p>Choose a preset in the scenario bar above: it says how much each criterion counts.</p>
      </EmptyState>
    ) : (
      <EmptyState title="No weight presets in the store" label="No preset">
        <p>
          A preset says how much each criterion counts. Import some with{' '}
          <code>npx landfall import presets.json --kind presets-json</code>.
        </p>
      </EmptyState>
    );
  if (scoreError)
    return (
      <EmptyState
        tone="error"
        title="Could not score the sites"
        label="Scoring failed"
        actions={
          <button type="button" onClick={() => void store.getState().rescore(client)}>
            Retry
          </button>
        }
      >
        <p>{scoreError}</p>
        <p className="muted">
          The data is untouched. If the message names a weight or a constraint, change it in the Weights panel and the
          ranking is scored again.
        </p>
      </EmptyState>
    );
  if (!score) return <p className="hint">Scoring…</p>;
  return <RankingGrid sites={sites} score={score} legality={legality} />;
}

interface GridProps {
  sites: readonly Site[];
  score: ScoreRun;
  legality: SiteLegality;
}

function RankingGrid({ sites, score, legality }: GridProps): ReactNode {
  const { results, minCoverage } = score;
  const { store } = useServices();
  const view = useApp((s) => s.rankingView);
  const selected = useApp((s) => s.selectedSiteId);
  const criteria = useApp((s) => s.choices.criteria);
  const select = useApp((s) => s.select);
  const setView = useApp((s) => s.setRankingView);

  const facts = useMemo(() => siteFacts(sites), [sites]);
  const names = useMemo(() => new Map(criteria.map((c) => [c.id, c.name])), [criteria]);
  const countries = useMemo(() => [...new Set(sites.map((s) => s.country))].sort(), [sites]);
  const rows = useMemo(
    () => buildRows(results, facts, legality.statuses, legality.tiers),
    [results, facts, legality.statuses, legality.tiers],
  );
  const shown = useMemo(() => sortRows(filterRows(rows, view), view.sort), [rows, view]);
  const filtered = hasFilters(view);
  // j/k (hooks/use-shortcuts.ts) walk the rows as shown, not the rank order.
  useEffect(() => {
    store.setState({ visibleOrder: shown.map((r) => r.siteId) });
  }, [shown, store]);
  useEffect(() => () => store.setState({ visibleOrder: null }), [store]);

  const { scrollerRef, headerRef, window, reveal } = useRowWindow(shown.length);
  // After the rows for a new result are in the DOM: the perf script's "ranking re-rendered" mark.
  useEffect(() => markRendered('ranking'), [results]);

  // A site picked elsewhere (the map, j/k) is scrolled into view. Only a change of selection
  // scrolls: a re-rank while the planner looks elsewhere in the list must not pull the list away.
  const shownRef = useRef(shown);
  useEffect(() => {
    shownRef.current = shown;
  });
  useEffect(() => {
    if (selected === null) return;
    reveal(shownRef.current.findIndex((r) => r.siteId === selected));
  }, [selected, reveal]);
  // A new sort or filter shows the selected site where it now stands, or else the top of the list.
  useEffect(() => {
    const index = shownRef.current.findIndex((r) => r.siteId === store.getState().selectedSiteId);
    reveal(index >= 0 ? index : 0);
  }, [view, reveal, store]);

  const onSort = useCallback(
    (key: SortKey) => setView({ sort: nextSort(store.getState().rankingView.sort, key) }),
    [setView, store],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    if (event.target !== event.currentTarget || shown.length === 0) return;
    const index = shown.findIndex((r) => r.siteId === selected);
    const page = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 0) / ROW_HEIGHT_PX) - 1);
    const targets: Record<string, number> = {
      ArrowDown: index < 0 ? 0 : index + 1,
      ArrowUp: index < 0 ? 0 : index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: shown.length - 1,
    };
    const target = targets[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const row = shown[Math.min(shown.length - 1, Math.max(0, target))];
    if (row) {
      select(row.siteId);
      // Also when the selection did not change (already at the top): show it.
      reveal(shown.indexOf(row));
    }
  };

  const selectedRow = shown.find((r) => r.siteId === selected);
  const allExcluded = results.length > 0 && results.every((r) => r.excluded);

  return (
    <>
      <FilterBar
        view={view}
        countries={countries}
        shown={shown.length}
        total={results.length}
        checkingLegality={legality.state === 'loading'}
        filtered={filtered}
        onChange={setView}
        onClear={() => store.getState().clearRankingFilters()}
      />
      {allExcluded && (
        <AllExcluded
          results={results}
          criteria={criteria.map((c) => c.name)}
          onShowExcluded={view.hideExcluded ? () => setView({ hideExcluded: false }) : null}
        />
      )}
      {!allExcluded && <RankingSummary score={score} />}
      {legality.state === 'error' && (
        <p className="hint" role="note">
          Chip legality could not be checked ({legality.error}); the Legality column is blank.
        </p>
      )}
      <div className="ranking-scroll" ref={scrollerRef}>
        <table
          id="ranking"
          className="ranking"
          aria-label="Ranking"
          aria-rowcount={shown.length + 1}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <colgroup>
            <col className="col-rank" />
            <col className="col-site" />
            <col className="col-score" />
            <col className="col-status" />
            <col className="col-capacity" />
          </colgroup>
          <thead ref={headerRef}>
            <RankingHeader sort={view.sort} onSort={onSort} />
          </thead>
          <tbody>
            <SpacerRow height={window.before} />
            {shown.slice(window.start, window.end).map((row, i) => (
              <Row
                key={row.siteId}
                row={row}
                top={row.excluded ? '' : topContributors(row.contributions, names)}
                selected={row.siteId === selected}
                rowIndex={window.start + i + 2}
                minCoverage={minCoverage}
                onSelect={select}
              />
            ))}
            <SpacerRow height={window.after} />
          </tbody>
        </table>
        {shown.length === 0 && !allExcluded && (
          <EmptyState
            title="No site matches these filters"
            label="No match"
            actions={
              <button type="button" onClick={() => store.getState().clearRankingFilters()}>
                Clear filters
              </button>
            }
          >
            <p>{whyNothingMatches(rows, view.minCapacityMw)}</p>
          </EmptyState>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {selectedRow ? describe(selectedRow, shown.indexOf(selectedRow), shown.length) : ''}
      </p>
    </>
  );
}

/** What a screen reader hears when the selection moves: the table's focus stays on the table. */
function describe(row: RankingRow, index: number, count: number): string {
  const shared = row.tied ? ', shared' : '';
  const thin = row.thin ? ', thin data' : '';
  const place = row.excluded
    ? `excluded: ${row.reasons.join('; ')}`
    : `rank ${row.rank}${shared}, score ${row.score?.toFixed(3)}, ${coverageLabel(row)}${thin}`;
  return `${row.name}, ${row.marketName}, ${place}. Row ${index + 1} of ${count}.`;
}

function whyNothingMatches(rows: readonly RankingRow[], minCapacityMw: number | null): string {
  const unknown = rows.filter((r) => r.totalMw === null).length;
  if (minCapacityMw !== null && unknown > 0)
    return `${unknown} of ${rows.length} sites have no capacity on record, so a minimum capacity leaves them out. Lower the minimum or clear the filters.`;
  return 'Loosen a filter above, or clear them all to see every site.';
}

function AllExcluded({
  results,
  criteria,
  onShowExcluded,
}: {
  results: readonly SiteResult[];
  criteria: readonly string[];
  /** Set when "hide excluded" is on, so the list is empty. */
  onShowExcluded: (() => void) | null;
}): ReactNode {
  const causes = useMemo(() => exclusionCauses(results, criteria), [results, criteria]);
  const top = causes[0];
  return (
    <EmptyState
      title={
        top?.constraint === THIN_DATA_CAUSE
          ? 'Every site is excluded, most for thin data'
          : 'Every site is excluded by a hard constraint'
      }
      label="All excluded"
      actions={
        onShowExcluded && (
          <button type="button" onClick={onShowExcluded}>
            Show excluded sites
          </button>
        )
      }
    >
      {top && (
        <p>
          The one that excludes most: <strong>{top.constraint}</strong> ({top.count} of {results.length} sites).{' '}
          {top.legality
            ? 'Switch the company profile (legality depends on who deploys the chips), allow more legality statuses in the Weights panel’s constraints, or pick a date when the rules were looser.'
            : top.constraint === THIN_DATA_CAUSE
              ? 'Lower the minimum coverage in the Weights panel, or mark thin data instead of leaving it out.'
              : 'Relax or remove that constraint in the Weights panel, or choose another preset.'}
        </p>
      )}
      {causes.length > 1 && (
        <ul className="causes">
          {causes.slice(1, 4).map((c) => (
            <li key={c.constraint}>
              {c.constraint}: {c.count} sites
            </li>
          ))}
        </ul>
      )}
    </EmptyState>
  );
}
