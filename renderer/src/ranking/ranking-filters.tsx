// The ranking's filter bar: find a site, country, legality status (several at once), minimum
// capacity, hide excluded; how many sites pass, and one button to clear them all.
import { useId, type ReactNode } from 'react';
import { LEGALITY_ORDER, type LegalityStatus } from '../../../shared/engine/types';
import type { RankingView } from '../remembered/layout';
import { usePopover } from '../use-popover';
import { STATUS_TITLE } from '../../../shared/engine/legality';
import { LegalityBadge } from './ranking-row';

export interface FilterBarProps {
  view: RankingView;
  countries: readonly string[];
  shown: number;
  total: number;
  /** True while the legality of the sites is still being checked (the status filter waits for it). */
  checkingLegality: boolean;
  onChange(change: Partial<RankingView>): void;
  onClear(): void;
  filtered: boolean;
}

export function FilterBar(props: FilterBarProps): ReactNode {
  const { view, countries, shown, total, checkingLegality, onChange, onClear, filtered } = props;
  // A remembered country that has no sites any more still shows, so the filter is never invisible.
  const options = view.country && !countries.includes(view.country) ? [...countries, view.country] : countries;
  return (
    <div className="ranking-filter" role="search" aria-label="Filter the ranking">
      <div className="filter-row">
        <input
          type="search"
          aria-label="Find a site"
          placeholder="Find a site or market…"
          value={view.text}
          onChange={(e) => onChange({ text: e.target.value })}
        />
        <select aria-label="Country" value={view.country} onChange={(e) => onChange({ country: e.target.value })}>
          <option value="">All countries</option>
          {options.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <StatusFilter value={view.statuses} onChange={(statuses) => onChange({ statuses })} />
      </div>
      <div className="filter-row">
        <label className="min-capacity">
          Min
          <input
            type="number"
            min={0}
            step={10}
            inputMode="numeric"
            aria-label="Minimum capacity (MW)"
            placeholder="any"
            value={view.minCapacityMw ?? ''}
            onChange={(e) => {
              const x = e.target.valueAsNumber;
              onChange({ minCapacityMw: e.target.value === '' || !Number.isFinite(x) ? null : Math.max(0, x) });
            }}
          />
          MW
        </label>
        <label className="hide-excluded">
          <input
            type="checkbox"
            checked={view.hideExcluded}
            onChange={(e) => onChange({ hideExcluded: e.target.checked })}
          />{' '}
          Hide excluded
        </label>
        <span className="filter-count" role="status" aria-live="polite">
          {shown === total ? `${total} sites` : `${shown} of ${total} sites`}
          {checkingLegality && view.statuses.length > 0 ? ' · checking legality…' : ''}
        </span>
        <button type="button" className="link-button" onClick={onClear} disabled={!filtered}>
          Clear filters
        </button>
      </div>
    </div>
  );
}

/** A button that opens a list of status check boxes; none checked shows every status. */
function StatusFilter({
  value,
  onChange,
}: {
  value: readonly LegalityStatus[];
  onChange(statuses: LegalityStatus[]): void;
}): ReactNode {
  const { open, setOpen, root, button, onKeyDown } = usePopover();
  const id = useId();
  const summary =
    value.length === 0
      ? 'any'
      : value.length === 1
        ? STATUS_TITLE[value[0] as LegalityStatus]
        : `${value.length} statuses`;
  return (
    <div
      className="status-filter"
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        ref={button}
        className={value.length > 0 ? 'filter-button active' : 'filter-button'}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Legality: {summary} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <fieldset id={id} className="status-filter-popup">
          <legend>Show sites where the chips are</legend>
          {LEGALITY_ORDER.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={value.includes(status)}
                onChange={(e) =>
                  onChange(
                    e.target.checked
                      ? LEGALITY_ORDER.filter((s) => s === status || value.includes(s))
                      : value.filter((s) => s !== status),
                  )
                }
              />{' '}
              <LegalityBadge status={status} />
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
