// The list of sites beside the map, grouped by market; arrow keys move the selection.
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { Site } from '../../../shared/schemas';
import { useApp } from '../context';
import { STATUS_STYLE } from '../site-status';

function groupByMarket(sites: Site[]): [string, Site[]][] {
  const groups = new Map<string, Site[]>();
  for (const site of sites) {
    const key = `${site.marketName} · ${site.country}`;
    groups.set(key, [...(groups.get(key) ?? []), site]);
  }
  return [...groups.entries()];
}

export function SiteList(): ReactNode {
  const sites = useApp((s) => s.sites);
  const selected = useApp((s) => s.selectedSiteId);
  const select = useApp((s) => s.select);
  const groups = useMemo(() => groupByMarket(sites), [sites]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const flat = groups.flatMap(([, list]) => list);
    const index = flat.findIndex((s) => s.id === selected);
    const next = event.key === 'ArrowDown' ? Math.min(flat.length - 1, index + 1) : Math.max(0, index - 1);
    const site = flat[next];
    if (site) select(site.id);
  };

  if (sites.length === 0) {
    return <p className="empty">No sites in this database yet. Import a site file or add one.</p>;
  }
  return (
    <div
      className="site-list"
      role="listbox"
      aria-label="Candidate sites"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={selected ? `site-option-${selected}` : undefined}
    >
      {groups.map(([market, list]) => (
        <div key={market} role="group" aria-label={market}>
          <div className="market">{market}</div>
          {list.map((site) => (
            <div
              key={site.id}
              id={`site-option-${site.id}`}
              role="option"
              aria-selected={site.id === selected}
              className={site.id === selected ? 'site selected' : 'site'}
              onClick={() => select(site.id)}
            >
              <span className="dot" style={{ background: STATUS_STYLE[site.status].color }} aria-hidden="true" />
              <span className="site-name">{site.name}</span>
              <span className="site-status">{STATUS_STYLE[site.status].label}</span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
