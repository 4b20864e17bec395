// One circle marker per site, coloured by status; clicking selects the site.
import { useEffect, type ReactNode } from 'react';
import { CircleMarker, Tooltip, useMap } from 'react-leaflet';
import { useApp } from '../context';
import { scoreColor } from '../score-colors';

export function SiteMarkers(): ReactNode {
  const sites = useApp((s) => s.sites);
  const selected = useApp((s) => s.selectedSiteId);
  const select = useApp((s) => s.select);
  const score = useApp((s) => s.score);
  const bySite = new Map(score?.results.map((r) => [r.siteId, r]) ?? []);
  return (
    <>
      {sites.map((site) => {
        const result = bySite.get(site.id);
        const excluded = result?.excluded ?? false;
        const fill = result && result.score !== null ? scoreColor(result.score) : '#94a3b8';
        return (
          <CircleMarker
            key={site.id}
            center={[site.lat, site.lon]}
            radius={site.id === selected ? 9 : 6}
            // Leaflet reads className only when the path is created, so it goes here, not in pathOptions.
            className={`site-marker site-${site.id}`}
            pathOptions={{
              color: site.id === selected ? '#111827' : excluded ? '#64748b' : '#ffffff',
              weight: site.id === selected ? 3 : 1.5,
              dashArray: excluded ? '3 2' : undefined,
              fillColor: fill,
              fillOpacity: excluded ? 0 : 0.95,
            }}
            eventHandlers={{ click: () => select(site.id) }}
          >
            <Tooltip direction="top" offset={[0, -6]}>
              {site.name} · {site.marketName}
              {result &&
                (excluded
                  ? ` — excluded: ${result.reasons.join('; ')}`
                  : ` — #${result.rank} (${(result.score ?? 0).toFixed(3)})`)}
            </Tooltip>
          </CircleMarker>
        );
      })}
      <FollowSelection />
    </>
  );
}

/** Pans to a site picked in the list, keeping the zoom unless it is too far out to see it. */
function FollowSelection(): null {
  const map = useMap();
  const sites = useApp((s) => s.sites);
  const selected = useApp((s) => s.selectedSiteId);
  useEffect(() => {
    const site = sites.find((s) => s.id === selected);
    if (site) map.flyTo([site.lat, site.lon], Math.max(map.getZoom(), 6), { duration: 0.6 });
  }, [map, sites, selected]);
  return null;
}
