// The sites on the map: score-coloured markers, cluster badges where markers would pile up, and name
// labels placed so that they never collide. Clusters and labels are worked out when the map settles
// (not on the frames of a drag) and only what is in or near the view is drawn, so 10 000 sites pan
// smoothly. Clicking a marker or a label selects the site; clicking a badge zooms to its sites.
import { latLngBounds, point, type Map as LeafletMap } from 'leaflet';
import { useEffect, useMemo, type ReactNode } from 'react';
import { CircleMarker, Pane, Tooltip, useMap } from 'react-leaflet';
import type { Site } from '../../../shared/schemas';
import { useApp } from '../context';
import { markRendered } from '../render-marks';
import { scoreColor } from '../score-colors';
import type { ScoreRun } from '../store';
import { ClusterBadges, SiteLabels, type ShownCluster } from './SiteOverlays';
import { clusterPoints, nudgeAway, separatingZoom, type Cluster, type ClusterPoint } from './clustering';
import type { Box } from './label-placement';
import { labelWidth } from './label-measure';
import { clusterLabel, layoutLabels, type LabelTarget } from './map-labels';
import { CLUSTER_RADIUS, MARKER_RADIUS, SELECTED_RADIUS, UNSCORED_FILL, clusterDiameter } from './marker-style';
import { markerResult } from './marker-tooltip';
import { measured } from './perf-marks';
import { byPriority } from './site-priority';
import { nearView, useMapView, type MapView } from './use-map-view';

type SiteResult = ScoreRun['results'][number];

/** Labels from this zoom in; further out the whole region is a handful of badges. */
const LABEL_MIN_ZOOM = 3;
/** At most this many labels in one view, best-ranked first. */
const MAX_LABELS = 60;
/** Markers are drawn this fraction of the view's size beyond each edge, so a short drag shows them. */
const VIEW_PADDING = 0.5;
/** Selecting a site zooms in at most this far to pull it out of its neighbours. */
const FOLLOW_MAX_ZOOM = 9;
const FOLLOW_MIN_ZOOM = 6;

export function SiteMarkers(): ReactNode {
  const map = useMap();
  const view = useMapView();
  const sites = useApp((s) => s.sites);
  const realScore = useApp((s) => s.score);
  // While a what-if is shown and the map is switched to it, markers take the scenario's scores.
  const whatIf = useApp((s) => (s.mapScores === 'whatIf' ? s.whatIfComparison : null));
  const score = useMemo(
    () => (realScore && whatIf ? { ...realScore, results: whatIf.whatIf } : realScore),
    [realScore, whatIf],
  );
  const selected = useApp((s) => s.selectedSiteId);
  const select = useApp((s) => s.select);

  const results = useMemo(() => new Map(score?.results.map((r) => [r.siteId, r]) ?? []), [score]);
  // Runs after the markers' own effects (children first) have recoloured them: the perf script's mark.
  useEffect(() => {
    if (score) markRendered('markers');
  }, [score]);
  const byId = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);
  const ordered = useMemo(() => byPriority(sites, results), [sites, results]);
  const projected = useMemo<ClusterPoint[]>(
    () =>
      measured('landfall:map-project', () =>
        ordered.map((s) => {
          const p = map.project([s.lat, s.lon], view.zoom);
          return { id: s.id, x: p.x, y: p.y };
        }),
      ),
    [map, ordered, view.zoom],
  );
  // At the last zoom level nothing merges: there is no closer look to offer.
  const radius = view.zoom >= map.getMaxZoom() ? 0 : CLUSTER_RADIUS;
  const clusters = useMemo(
    () => measured('landfall:map-cluster', () => clusterPoints(projected, radius, new Set(selected ? [selected] : []))),
    [projected, radius, selected],
  );
  const shown = useMemo(() => clusters.filter((c) => nearView(view, c.x, c.y, VIEW_PADDING)), [clusters, view]);
  const singles = shown.filter((c) => c.ids.length === 1);
  const groups = useMemo(() => {
    const at = selected ? projected.find((p) => p.id === selected) : undefined;
    return shown
      .filter((c) => c.ids.length > 1)
      .map((c) => {
        const g = badge(c, byId, results);
        // Keep the selected site's marker clear of its neighbours' badge.
        return at ? { ...g, ...nudgeAway(g.x, g.y, at, g.diameter / 2 + SELECTED_RADIUS + 2) } : g;
      });
  }, [shown, byId, results, selected, projected]);
  // The controls and panels over the map only move with the view (or new data): measured then, not on
  // every re-rank, as reading their boxes forces a layout in the middle of a weight-slider step.
  const scored = score !== null;
  const controls = useMemo(
    () => controlBoxes(map, view),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- also when the data arrive (the panels may change)
    [map, view, scored, sites],
  );
  const labels = useMemo(() => {
    if (view.zoom < LABEL_MIN_ZOOM) return [];
    const groupByLeader = new Map(groups.map((g) => [g.key, g]));
    const targets = shown.flatMap((c): LabelTarget[] => {
      const g = groupByLeader.get(c.leader);
      if (g)
        return [{ key: g.key, text: g.place, x: g.x, y: g.y, radius: g.diameter / 2, selected: false, cluster: true }];
      const site = byId.get(c.leader);
      if (!site || !nearView(view, c.x, c.y, 0)) return [];
      const isSelected = site.id === selected;
      const radius = isSelected ? SELECTED_RADIUS : MARKER_RADIUS;
      return [{ key: site.id, text: site.name, x: c.x, y: c.y, radius, selected: isSelected, cluster: false }];
    });
    return measured('landfall:map-labels', () =>
      layoutLabels(targets, controls, viewBox(view), labelWidth, MAX_LABELS),
    );
  }, [shown, groups, byId, selected, view, controls]);

  const selectedSite = selected ? byId.get(selected) : undefined;
  const zoomToCluster = (cluster: ShownCluster): void => {
    const points = cluster.ids.flatMap((id) => {
      const site = byId.get(id);
      return site ? [[site.lat, site.lon] as [number, number]] : [];
    });
    const bounds = latLngBounds(points);
    const fit = Math.min(map.getBoundsZoom(bounds, false, point(80, 80)), map.getMaxZoom());
    // Always at least one level closer, so a click is never a no-op.
    map.flyTo(bounds.getCenter(), Math.max(fit, map.getZoom() + 1), { duration: 0.5 });
  };
  return (
    <>
      {singles.map((c) => {
        const site = byId.get(c.leader);
        if (!site || site.id === selected) return null;
        return <SiteMarker key={site.id} site={site} result={results.get(site.id)} selected={false} />;
      })}
      {/* The selected site in a pane of its own, above the badges, so a cluster never hides it. */}
      <Pane name="site-selected" className="site-selected-pane" style={{ zIndex: '470' }}>
        {selectedSite && (
          <SiteMarker key={selectedSite.id} site={selectedSite} result={results.get(selectedSite.id)} selected />
        )}
      </Pane>
      <Pane name="site-labels" className="site-overlay-pane leaflet-zoom-hide" style={{ zIndex: '450' }}>
        {!view.zooming && (
          <SiteLabels
            labels={labels}
            view={view}
            onSelect={select}
            onZoom={(leader) => {
              const group = groups.find((g) => g.key === leader);
              if (group) zoomToCluster(group);
            }}
          />
        )}
      </Pane>
      <Pane name="site-clusters" className="site-overlay-pane leaflet-zoom-hide" style={{ zIndex: '460' }}>
        {!view.zooming && <ClusterBadges clusters={groups} view={view} onZoom={zoomToCluster} />}
      </Pane>
      <FollowSelection />
    </>
  );
}

function SiteMarker({
  site,
  result,
  selected,
}: {
  site: Site;
  result: SiteResult | undefined;
  selected: boolean;
}): ReactNode {
  const select = useApp((s) => s.select);
  const excluded = result?.excluded ?? false;
  const fill = result && result.score !== null ? scoreColor(result.score) : UNSCORED_FILL;
  return (
    <CircleMarker
      center={[site.lat, site.lon]}
      radius={selected ? SELECTED_RADIUS : MARKER_RADIUS}
      // Leaflet reads className only when the path is created, so it goes here, not in pathOptions.
      className={`site-marker site-${site.id}${selected ? ' site-marker-selected' : ''}`}
      pathOptions={{
        color: selected ? '#111827' : excluded ? '#64748b' : '#ffffff',
        weight: selected ? 3 : 1.5,
        dashArray: excluded ? '3 2' : undefined,
        fillColor: fill,
        fillOpacity: excluded ? 0 : 0.95,
      }}
      eventHandlers={{ click: () => select(site.id) }}
    >
      <Tooltip direction="top" offset={[0, -6]}>
        {site.name} · {site.marketName}
        {result && ` — ${markerResult(result)}`}
      </Tooltip>
    </CircleMarker>
  );
}

function badge(
  cluster: Cluster,
  byId: ReadonlyMap<string, Site>,
  results: ReadonlyMap<string, SiteResult>,
): ShownCluster {
  let best: number | null = null;
  for (const id of cluster.ids) {
    const s = results.get(id)?.score;
    if (s !== undefined && s !== null && (best === null || s > best)) best = s;
  }
  const names = cluster.ids.slice(0, 4).map((id) => byId.get(id)?.name ?? id);
  const place = clusterLabel(cluster.ids.map((id) => byId.get(id)?.marketName ?? ''));
  return {
    key: cluster.leader,
    ids: cluster.ids,
    x: cluster.x,
    y: cluster.y,
    diameter: clusterDiameter(cluster.ids.length),
    best,
    names,
    place,
  };
}

/** The visible map in projected pixels. */
function viewBox(view: MapView): Box {
  return { x: view.minX, y: view.minY, width: view.maxX - view.minX, height: view.maxY - view.minY };
}

/** The map's controls and the panels floating over it (zoom, attribution, actions, legend), in projected pixels. */
function controlBoxes(map: LeafletMap, view: MapView): Box[] {
  const container = map.getContainer();
  const origin = container.getBoundingClientRect();
  const floating =
    container.parentElement?.querySelectorAll('.leaflet-control, .map-actions, .map-edit-actions, .legend') ?? [];
  return [...floating].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - origin.left + view.minX, y: r.top - origin.top + view.minY, width: r.width, height: r.height };
  });
}

/**
 * Brings a site picked in the list (or with j/k) into view: keeps the map still when the site is
 * already well inside it at a useful zoom, otherwise flies there, zooming in until the site stands
 * apart from its neighbours (at most FOLLOW_MAX_ZOOM); at any zoom it has a marker of its own.
 */
function FollowSelection(): null {
  const map = useMap();
  const sites = useApp((s) => s.sites);
  const selected = useApp((s) => s.selectedSiteId);
  useEffect(() => {
    const site = sites.find((s) => s.id === selected);
    if (!site) return;
    const atZero = sites.map((s) => {
      const p = map.project([s.lat, s.lon], 0);
      return { id: s.id, x: p.x, y: p.y };
    });
    const target = map.project([site.lat, site.lon], 0);
    const apart = separatingZoom({ id: site.id, x: target.x, y: target.y }, atZero, CLUSTER_RADIUS);
    const wanted = Math.min(FOLLOW_MAX_ZOOM, Math.max(FOLLOW_MIN_ZOOM, apart ?? FOLLOW_MAX_ZOOM));
    const zoom = Math.max(map.getZoom(), wanted);
    const inner = map.getBounds().pad(-0.15);
    if (zoom === map.getZoom() && inner.contains([site.lat, site.lon])) return;
    map.flyTo([site.lat, site.lon], zoom, { duration: 0.6 });
  }, [map, sites, selected]);
  return null;
}
