// One row of the ranking, and the sortable header. Rows are memoised on what they show, so a
// re-rank (every weight slider step) re-renders only the rows whose rank, score or status moved.
import { memo, type ReactNode } from 'react';
import { STATUS_TITLE } from '../../../shared/engine/legality';
import type { LegalityStatus } from '../../../shared/engine/types';
import type { RankingView, SortKey } from '../remembered/layout';
import { scoreColor } from '../score-colors';
import { CoverageBadge, RankText, ThinBadge } from './coverage-badges';
import type { RankingRow } from './ranking-model';

/** A shape per status beside its title (STATUS_TITLE), so the badge reads without colour vision. */
export const LEGALITY_GLYPH: Readonly<Record<LegalityStatus, string>> = {
  allowed: '✓',
  conditional: '◐',
  licence_required: '◆',
  licence_denial: '⊘',
  prohibited: '✕',
};

/**
 * Shorter words for the ranking's rows, where a title would wrap to a third line in the Legality
 * column (124 px, 104 px in a narrow sidebar) and break the one row height the windowing relies on
 * (ranking-window.ts). The full title stays in the tooltip and is what screen readers hear.
 */
const COMPACT_TITLE: Readonly<Partial<Record<LegalityStatus, string>>> = {
  licence_denial: 'Presumed denial',
};

/** Text and a shape as well as a colour, so the status reads without colour vision. */
const TIER_NOTE = {
  announced: 'rests on an announcement without rule text',
  reported: 'rests on press reports, not an official text',
} as const;

export function LegalityBadge({
  status,
  tier = null,
  compact = false,
}: {
  status: LegalityStatus | null;
  /** Flags an answer that rests on an announcement or press reports (a dagger and a title). */
  tier?: 'announced' | 'reported' | null;
  /** At most two lines in the ranking's column: a long title shows in shorter words (COMPACT_TITLE). */
  compact?: boolean;
}): ReactNode {
  if (status === null)
    return (
      <span className="muted" title="Legality unknown: choose a company profile">
        —
      </span>
    );
  const short = compact ? COMPACT_TITLE[status] : undefined;
  const title =
    tier === null
      ? short === undefined
        ? undefined
        : STATUS_TITLE[status]
      : `${STATUS_TITLE[status]}: ${TIER_NOTE[tier]}`;
  return (
    <span className={`status status-${status} legality-badge`} title={title}>
      <span aria-hidden="true">{LEGALITY_GLYPH[status]}</span>{' '}
      {short === undefined ? (
        STATUS_TITLE[status]
      ) : (
        <>
          <span aria-hidden="true">{short}</span>
          <span className="sr-only">{STATUS_TITLE[status]}</span>
        </>
      )}
      {tier !== null && (
        <>
          <span aria-hidden="true"> †</span>
          <span className="sr-only"> ({tier})</span>
        </>
      )}
    </span>
  );
}

// One formatter for every cell: toLocaleString builds a new one per call, measurable over 1 000 rows.
const MW_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const mw = (x: number): string => MW_FORMAT.format(x);

function Capacity({ existing, planned }: { existing: number | null; planned: number | null }): ReactNode {
  if (existing === null && planned === null)
    return (
      <span className="muted" title="Capacity not on record">
        —
      </span>
    );
  const title = `${existing === null ? 'unknown' : `${mw(existing)} MW`} existing, ${
    planned === null ? 'unknown' : `${mw(planned)} MW`
  } planned`;
  return (
    <div title={title}>
      <div>{existing === null ? '—' : mw(existing)}</div>
      {planned !== null && <div className="muted">+{mw(planned)} planned</div>}
    </div>
  );
}

export interface RowProps {
  row: RankingRow;
  /** Names of the criteria that contribute most, already joined. */
  top: string;
  selected: boolean;
  /** 1-based position among all rows of the table, header included (aria-rowindex). */
  rowIndex: number;
  /** The scenario's minimum coverage, for what "thin data" means. */
  minCoverage: number;
  onSelect(siteId: string): void;
}

function RowView({ row, top, selected, rowIndex, minCoverage, onSelect }: RowProps): ReactNode {
  const className = [row.excluded ? 'excluded' : '', selected ? 'selected' : ''].join(' ').trim() || undefined;
  const reason = row.reasons.join('; ');
  return (
    <tr
      data-site={row.siteId}
      className={className}
      aria-selected={selected}
      aria-rowindex={rowIndex}
      onClick={() => onSelect(row.siteId)}
    >
      <td className="rank-cell">
        <RankText rank={row.rank} tied={row.tied} />
      </td>
      <td className="site-cell">
        <div className="site-name" title={row.name}>
          {row.name}
        </div>
        <div className="muted one-line">{row.marketName}</div>
      </td>
      {row.excluded ? (
        <td className="score-cell">
          <div className="excluded-label">Excluded</div>
          <div className="muted reason" title={reason}>
            {reason}
          </div>
        </td>
      ) : (
        <td className="score-cell">
          <div className="score-line">
            <span className="score-track">
              <span
                className="score-bar"
                style={{ width: `${Math.round((row.score ?? 0) * 100)}%`, background: scoreColor(row.score ?? 0) }}
              />
            </span>
            <span className="score-value">{(row.score ?? 0).toFixed(3)}</span>
            <CoverageBadge result={row} />
          </div>
          <div className="muted one-line top-criteria" title={top}>
            {row.thin && <ThinBadge minCoverage={minCoverage} />} {top}
          </div>
        </td>
      )}
      <td className="status-cell">
        <LegalityBadge status={row.status} tier={row.tier} compact />
      </td>
      <td className="capacity-cell">
        <Capacity existing={row.existingMw} planned={row.plannedMw} />
      </td>
    </tr>
  );
}

/** Stands in for the rows scrolled out of the window, so the scroll height stays right. */
export function SpacerRow({ height }: { height: number }): ReactNode {
  if (height <= 0) return null;
  return (
    <tr className="spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMN_COUNT} />
    </tr>
  );
}

export const COLUMN_COUNT = 5;

const sameRow = (a: RankingRow, b: RankingRow): boolean =>
  a.siteId === b.siteId &&
  a.rank === b.rank &&
  a.tied === b.tied &&
  a.score === b.score &&
  a.coverage === b.coverage &&
  a.staleCoverage === b.staleCoverage &&
  a.thin === b.thin &&
  a.excluded === b.excluded &&
  a.status === b.status &&
  a.tier === b.tier &&
  a.name === b.name &&
  a.marketName === b.marketName &&
  a.existingMw === b.existingMw &&
  a.plannedMw === b.plannedMw &&
  a.reasons.length === b.reasons.length &&
  a.reasons.every((r, i) => r === b.reasons[i]);

export const Row = memo(
  RowView,
  (a, b) =>
    a.selected === b.selected &&
    a.rowIndex === b.rowIndex &&
    a.top === b.top &&
    a.minCoverage === b.minCoverage &&
    a.onSelect === b.onSelect &&
    sameRow(a.row, b.row),
);

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function SortButton({
  sortKey,
  label,
  name,
  sort,
  onSort,
}: {
  sortKey: SortKey;
  label: string;
  /** The name screen readers hear where the visible label is an abbreviation ("#", "MW"). */
  name?: string | undefined;
  sort: RankingView['sort'];
  onSort(key: SortKey): void;
}): ReactNode {
  const active = sort.key === sortKey;
  return (
    <button
      type="button"
      className={active ? 'sort sorted' : 'sort'}
      title={`Sort by ${(name ?? label).toLowerCase()}`}
      onClick={() => onSort(sortKey)}
    >
      {name === undefined ? (
        label
      ) : (
        // The name as text rather than aria-label, so the visible abbreviation never contradicts it.
        <>
          <span aria-hidden="true">{label}</span>
          <span className="sr-only">{name}</span>
        </>
      )}
      <span className="sort-indicator" aria-hidden="true">
        {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}

/** The header: every column sorts; Site holds two buttons, by site name and by market. */
export const RankingHeader = memo(function RankingHeader({
  sort,
  onSort,
}: {
  sort: RankingView['sort'];
  onSort(key: SortKey): void;
}): ReactNode {
  const ariaSort = (...keys: SortKey[]): 'ascending' | 'descending' | undefined =>
    keys.includes(sort.key) ? ARIA_SORT[sort.direction] : undefined;
  const button = (key: SortKey, label: string, name?: string): ReactNode => (
    <SortButton sortKey={key} label={label} name={name} sort={sort} onSort={onSort} />
  );
  return (
    <tr aria-rowindex={1}>
      <th scope="col" className="rank-cell" aria-sort={ariaSort('rank')}>
        {button('rank', '#', 'Rank')}
      </th>
      <th scope="col" aria-sort={ariaSort('site', 'market')}>
        {button('site', 'Site')}
        <span className="muted" aria-hidden="true">
          {' '}
          ·{' '}
        </span>
        {button('market', 'Market')}
      </th>
      <th scope="col" aria-sort={ariaSort('score')}>
        {button('score', 'Score · top criteria')}
      </th>
      <th scope="col" aria-sort={ariaSort('status')}>
        {button('status', 'Legality')}
      </th>
      <th scope="col" className="capacity-cell" aria-sort={ariaSort('capacity')}>
        {button('capacity', 'MW', 'Capacity (MW)')}
      </th>
    </tr>
  );
});
