// What is known about the selected site, with its source and date.
import type { ReactNode } from 'react';
import { useApp } from '../context';
import { MAX_COMPARE } from '../store';
import { STATUS_STYLE } from '../site-status';
import { Contributions } from './Contributions';
import { LegalityChain } from './LegalityChain';
import { SiteFacts } from './SiteFacts';

const mw = (value: number | null): string => (value === null ? 'unknown' : `${value.toLocaleString('en-US')} MW`);

export function SiteDetails(): ReactNode {
  const site = useApp((s) => s.sites.find((x) => x.id === s.selectedSiteId));
  const pinned = useApp((s) => s.compare);
  const toggleCompare = useApp((s) => s.toggleCompare);
  if (!site) return <p className="hint">Select a site on the map or in the list to see its details.</p>;
  return (
    <section className="details" aria-label={`Details of ${site.name}`}>
      <h2>{site.name}</h2>
      <button
        type="button"
        className="pin"
        aria-pressed={pinned.includes(site.id)}
        disabled={!pinned.includes(site.id) && pinned.length >= MAX_COMPARE}
        onClick={() => toggleCompare(site.id)}
      >
        {pinned.includes(site.id) ? 'Remove from compare' : `Add to compare (${pinned.length}/${MAX_COMPARE})`}
      </button>
      <dl>
        <dt>Market</dt>
        <dd>
          {site.marketName} ({site.country})
        </dd>
        <dt>Operator</dt>
        <dd>{site.operator ?? 'several (a district or park)'}</dd>
        <dt>Status</dt>
        <dd>{STATUS_STYLE[site.status].label}</dd>
        <dt>Coordinates</dt>
        <dd>
          {site.lat.toFixed(4)}, {site.lon.toFixed(4)}
        </dd>
        <dt>Capacity</dt>
        <dd>
          {mw(site.capacityMw.existing)} existing · {mw(site.capacityMw.planned)} planned
        </dd>
        <dt>Source</dt>
        <dd>
          <a href={site.source.url} target="_blank" rel="noreferrer">
            {site.source.title}
          </a>{' '}
          (as of {site.source.asOf})
        </dd>
      </dl>
      {site.notes && <p>{site.notes}</p>}
      <Contributions siteId={site.id} />
      <LegalityChain siteId={site.id} />
      <SiteFacts siteId={site.id} />
    </section>
  );
}
