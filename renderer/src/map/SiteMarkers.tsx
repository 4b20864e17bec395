// One circle marker per site, coloured by status; clicking selects the site.
import { useEffect, type ReactNode } from 'react';
import { CircleMarker, Tooltip, useMap } from 'react-leaflet';
import { useApp } from '../context';
import { STATUS_STYLE } from '../site-status';

export function SiteMarkers(): ReactNode {
  const sites = useApp((s) => s.sites);
  const selected = useApp((s) => s.selectedSiteId);
  const select = useApp((s) => s.select);
  return (
    <>
      {sites.map((site) => (
        <CircleMarker
          key={site.id}
          center={[site.lat, site.lon]}
          radius={site.id === selected ? 9 : 6}
          // Leaflet reads className only when the path is created, so it goes here, not in pathOptions.
          className={`site-marker site-${site.id}`}
          pathOptions={{
            color: site.id === selected ? '#111827' : '#ffffff',
            weight: site.id === selected ? 3 : 1.5,
            fillColor: STATUS_STYLE[site.status].color,
            fillOpacity: 0.95,
          }}
          eventHandlers={{ click: () => select(site.id) }}
        >
          <Tooltip direction="top" offset={[0, -6]}>
            {site.name} · {site.marketName}
          </Tooltip>
        </CircleMarker>
      ))}
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
