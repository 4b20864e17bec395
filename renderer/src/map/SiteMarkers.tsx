// The sites on the map: score-coloured markers, cluster badges where markers would pile up, and name
// labels placed so that they never collide. Clusters and labels are worked out when the map settles
// (not on the frames of a drag) and only what is in or near the view is drawn, so 10 000 sites pan
// smoothly. Clicking a marker or a label selects the site; clicking a badge zooms to its sites, and
// at the last zoom level sites that still share a spot (a stack: campuses known only by their estate)
// fan out around it when their badge is clicked or one of them is selected (fan-out.ts).
import { latLngBounds, point, type LatLngExpression, type Map as LeafletMap } from 'leaflet';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CircleMarker, Pane, Polyline, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { Site } from '../../../shared/schemas';
import { useApp } from '../context';
import { markRendered } from '../render-marks';
import { scoreColor } from '../score-colors';
import type { ScoreRun } from '../store';
import { ClusterBadges, SiteLabels, type ShownCluster } from './SiteOverlays';
import { clusterPoints, nudgeAway, separatingZoom, type Cluster, type ClusterPoint } from './clustering';
import { fanOut, findStacks, type Stack } from './fan-out';
import { markerBox, type Box } from './label-placement';
import { labelWidth } from './label-measure';
import { clusterLabel, layoutLabels, type LabelTarget } from './map-labels';
import {
  CLUSTER_RADIUS,
  FAN_MIN_RADIUS,
  FAN_SPACING,
  MARKER_RADIUS,
  SELECTED_RADIUS,
  STACK_RADIUS,
  UNSCORED_FILL,
  clusterDiameter,
} from './marker-style';
import { markerResult, sharedPositionNote } from './marker-tooltip';
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
/** The true point of a fanned-out stack: a small dot its legs lead to. */
const FAN_DOT_RADIUS = 3;

interface Fan {
  stack: Stack;
  /** The true point (the members' mean, all the same for an estate), in projected pixels. */
  x: number;
  y: number;
  /** Each member's spot in projected pixels, and its own true point. */
  spots: { id: string; x: number; y: number; trueX: number; trueY: number }[];
}

/** Small boxes every few pixels along a fan's legs, so no label is laid across them. */
function legBoxes(fan: Fan): Box[] {
  const boxes: Box[] = [];
  for (const s of fan.spots) {
    const length = Math.hypot(s.x - s.trueX, s.y - s.trueY);
    // From the dot to the marker's edge; the ends are covered by the dot's and the marker's own boxes.
    const steps = Math.max(1, Math.ceil(length / 5));
    for (let i = 1; i < steps; i++) {
      const t = i / steps;
      boxes.push(markerBox(s.trueX + (s.x - s.trueX) * t, s.trueY + (s.y - s.trueY) * t, 1.5));
    }
  }
  return boxes;
}

/** What a stacked site's tooltip adds: its spot is the estate's, shared with the others. */
function stackNote(stack: Stack, byId: ReadonlyMap<string, Site>): string {
  const first = byId.get(stack.ids[0] ?? '');
  const exact = stack.ids.every((id) => {
    const s = byId.get(id);
    return s !== undefined && first !== undefined && s.lat === first.lat && s.lon === first.lon;
  });
  return sharedPositionNote(stack.ids.length, exact);
}

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
  const maxZoom = map.getMaxZoom();
  const atMax = view.zoom >= maxZoom;

  const results = useMemo(() => new Map(score?.results.map((r) => [r.siteId, r]) ?? []), [score]);
  // Runs after the markers' own effects (children first) have recoloured them: the perf script's mark.
  useEffect(() => {
    if (score) markRendered('markers');
  }, [score]);
  const byId = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);
  // Stacks depend on the sites only (not on scores or the view): worked out when the sites change.
  const stacks = useMemo(
    () =>
      measured('landfall:map-stacks', () =>
        findStacks(
          sites.map((s) => {
            const p = map.project([s.lat, s.lon], maxZoom);
            return { id: s.id, x: p.x, y: p.y };
          }),
          STACK_RADIUS,
        ),
      ),
    [map, sites, maxZoom],
  );
  const stackOf = useMemo(() => {
    const of = new Map<string, Stack>();
    for (const stack of stacks) for (const id of stack.ids) of.set(id, stack);
    return of;
  }, [stacks]);
  // Stacks opened by a click on their badge, and the selected site's stack unless folded since it was
  // selected (a click on the map); all fold when the map zooms out of the last level.
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const [foldedFor, setFoldedFor] = useState<string | null>(null);
  useMapEvents({
    click: (e) => {
      const target = e.originalEvent.target;
      // Clicks on a marker, badge or label do their own thing; only a click on the map itself folds.
      if (target instanceof Element && target.closest('.leaflet-interactive, .site-cluster, .site-label')) return;
      setOpened((o) => (o.size === 0 ? o : new Set()));
      setFoldedFor(selected);
    },
    zoomend: () => {
      if (map.getZoom() < maxZoom) setOpened((o) => (o.size === 0 ? o : new Set()));
    },
  });
  const selectedStack = selected ? stackOf.get(selected) : undefined;
  const fanKeys = useMemo(() => {
    if (!atMax) return [];
    const keys = new Set([...opened].filter((k) => stackOf.get(k)?.key === k));
    if (selectedStack && foldedFor !== selected) keys.add(selectedStack.key);
    return [...keys].sort();
  }, [atMax, opened, stackOf, selectedStack, foldedFor, selected]);
  const fans = useMemo<Fan[]>(
    () =>
      fanKeys.flatMap((key) => {
        const stack = stackOf.get(key);
        if (!stack) return [];
        const truePoints = new Map(
          stack.ids.flatMap((id) => {
            const s = byId.get(id);
            return s ? [[id, map.project([s.lat, s.lon], view.zoom)] as const] : [];
          }),
        );
        const all = [...truePoints.values()];
        const x = all.reduce((sum, p) => sum + p.x, 0) / all.length;
        const y = all.reduce((sum, p) => sum + p.y, 0) / all.length;
        const spots = fanOut([...truePoints.keys()], { spacing: FAN_SPACING, minRadius: FAN_MIN_RADIUS }).map((s) => {
          const t = truePoints.get(s.id);
          return { id: s.id, x: x + s.dx, y: y + s.dy, trueX: t?.x ?? x, trueY: t?.y ?? y };
        });
        return [{ stack, x, y, spots }];
      }),
    [fanKeys, stackOf, byId, map, view.zoom],
  );
  const spotOf = useMemo(() => new Map(fans.flatMap((f) => f.spots.map((s) => [s.id, s] as const))), [fans]);
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
  // At the last zoom level only sites on (nearly) the same pixel merge: there is no closer look to
  // offer, so their badge fans them out instead. Fanned-out sites are drawn at their spots.
  const radius = atMax ? STACK_RADIUS : CLUSTER_RADIUS;
  const clusters = useMemo(() => {
    const alone = new Set(spotOf.keys());
    if (selected) alone.add(selected);
    const merged = measured('landfall:map-cluster', () => clusterPoints(projected, radius, alone));
    if (spotOf.size === 0) return merged;
    return merged.map((c) => {
      const spot = c.ids.length === 1 ? spotOf.get(c.leader) : undefined;
      return spot ? { ...c, x: spot.x, y: spot.y } : c;
    });
  }, [projected, radius, selected, spotOf]);
  const shown = useMemo(() => clusters.filter((c) => nearView(view, c.x, c.y, VIEW_PADDING)), [clusters, view]);
  const singles = shown.filter((c) => c.ids.length === 1);
  const groups = useMemo(() => {
    const at = selected ? (spotOf.get(selected) ?? projected.find((p) => p.id === selected)) : undefined;
    return shown
      .filter((c) => c.ids.length > 1)
      .map((c) => {
        const g = badge(c, byId, results, stackOf);
        // Keep the selected site's marker clear of its neighbours' badge.
        return at ? { ...g, ...nudgeAway(g.x, g.y, at, g.diameter / 2 + SELECTED_RADIUS + 2) } : g;
      });
  }, [shown, byId, results, selected, projected, spotOf, stackOf]);
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
    // The fans' true-point dots and legs are kept clear too.
    const dots = fans.flatMap((f) => [markerBox(f.x, f.y, FAN_DOT_RADIUS + 1), ...legBoxes(f)]);
    return measured('landfall:map-labels', () =>
      layoutLabels(targets, [...controls, ...dots], viewBox(view), labelWidth, MAX_LABELS),
    );
  }, [shown, groups, byId, selected, view, controls, fans]);

  const selectedSite = selected ? byId.get(selected) : undefined;
  const open = (key: string): void => setOpened((o) => new Set([...o, key]));
  const zoomToCluster = (cluster: ShownCluster): void => {
    // The stacks among the badge's sites; when they are all one, no zoom will part them: fan out.
    const inStacks = new Set(cluster.ids.map((id) => stackOf.get(id)?.key ?? null));
    const onlyStack = inStacks.size === 1 ? [...inStacks][0] : null;
    if (onlyStack) {
      open(onlyStack);
      setFoldedFor(null);
      const leader = byId.get(cluster.ids[0] ?? '');
      if (leader && map.getZoom() < maxZoom) map.flyTo([leader.lat, leader.lon], maxZoom, { duration: 0.5 });
      return;
    }
    const points = cluster.ids.flatMap((id) => {
      const site = byId.get(id);
      return site ? [[site.lat, site.lon] as [number, number]] : [];
    });
    const bounds = latLngBounds(points);
    const fit = Math.min(map.getBoundsZoom(bounds, false, point(80, 80)), maxZoom);
    // Always at least one level closer, so a click is never a no-op.
    const zoom = Math.max(fit, map.getZoom() + 1);
    // Straight to the last level with one stack among the sites: it arrives fanned out.
    const stacked = [...inStacks].filter((k): k is string => k !== null);
    if (zoom >= maxZoom && stacked.length === 1 && stacked[0]) open(stacked[0]);
    map.flyTo(bounds.getCenter(), zoom, { duration: 0.5 });
  };
  const markerAt = (id: string): LatLngExpression | undefined => {
    const spot = spotOf.get(id);
    return spot ? map.unproject([spot.x, spot.y], view.zoom) : undefined;
  };
  const noteFor = (id: string): string | undefined => {
    const stack = stackOf.get(id);
    return stack ? stackNote(stack, byId) : undefined;
  };
  return (
    <>
      {singles.map((c) => {
        const site = byId.get(c.leader);
        if (!site || site.id === selected) return null;
        return (
          <SiteMarker
            key={site.id}
            site={site}
            result={results.get(site.id)}
            selected={false}
            at={markerAt(site.id)}
            note={noteFor(site.id)}
          />
        );
      })}
      {/* Below the markers: each fanned-out site's leg to its true point, and that point's dot. */}
      <Pane name="site-fans" className="site-fan-pane" style={{ zIndex: '390' }}>
        {fans.map((fan) => (
          <FanLegs key={fan.stack.key} fan={fan} zoom={view.zoom} note={stackNote(fan.stack, byId)} />
        ))}
      </Pane>
      {/* The selected site in a pane of its own, above the badges, so a cluster never hides it. */}
      <Pane name="site-selected" className="site-selected-pane" style={{ zIndex: '470' }}>
        {selectedSite && (
          <SiteMarker
            key={selectedSite.id}
            site={selectedSite}
            result={results.get(selectedSite.id)}
            selected
            at={markerAt(selectedSite.id)}
            note={noteFor(selectedSite.id)}
          />
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
      <FollowSelection stackOf={stackOf} />
    </>
  );
}

function SiteMarker({
  site,
  result,
  selected,
  at,
  note,
}: {
  site: Site;
  result: SiteResult | undefined;
  selected: boolean;
  /** Where it is drawn when fanned out; its true position otherwise. */
  at?: LatLngExpression | undefined;
  /** Said under its name when its position is shared with other sites. */
  note?: string | undefined;
}): ReactNode {
  const select = useApp((s) => s.select);
  const excluded = result?.excluded ?? false;
  const fill = result && result.score !== null ? scoreColor(result.score) : UNSCORED_FILL;
  return (
    <CircleMarker
      center={at ?? [site.lat, site.lon]}
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
        {note && (
          <>
            <br />
            <span className="marker-note">{note}</span>
          </>
        )}
      </Tooltip>
    </CircleMarker>
  );
}

/** A fanned-out stack's legs (thin lines from each spot to its true point) and its true point's dot. */
function FanLegs({ fan, zoom, note }: { fan: Fan; zoom: number; note: string }): ReactNode {
  const map = useMap();
  const at = (x: number, y: number): LatLngExpression => map.unproject([x, y], zoom);
  return (
    <>
      {fan.spots.map((s) => (
        <Polyline
          key={s.id}
          positions={[at(s.trueX, s.trueY), at(s.x, s.y)]}
          className={`fan-leg fan-leg-${s.id}`}
          interactive={false}
          pathOptions={{ color: '#334155', weight: 1.25, opacity: 0.8 }}
        />
      ))}
      <CircleMarker
        center={at(fan.x, fan.y)}
        radius={FAN_DOT_RADIUS}
        className="fan-centre"
        bubblingMouseEvents={false}
        pathOptions={{ color: '#ffffff', weight: 1, fillColor: '#0f172a', fillOpacity: 1 }}
      >
        <Tooltip direction="top" offset={[0, -4]}>
          {note}
        </Tooltip>
      </CircleMarker>
    </>
  );
}

function badge(
  cluster: Cluster,
  byId: ReadonlyMap<string, Site>,
  results: ReadonlyMap<string, SiteResult>,
  stackOf: ReadonlyMap<string, Stack>,
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
    stacked: cluster.ids.every(
      (id) => stackOf.get(id) !== undefined && stackOf.get(id) === stackOf.get(cluster.leader),
    ),
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
function FollowSelection({ stackOf }: { stackOf: ReadonlyMap<string, Stack> }): null {
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
    // A site sharing its spot at every zoom goes to the last level, where its stack fans out.
    const wanted = stackOf.has(site.id)
      ? map.getMaxZoom()
      : Math.min(FOLLOW_MAX_ZOOM, Math.max(FOLLOW_MIN_ZOOM, apart ?? FOLLOW_MAX_ZOOM));
    const zoom = Math.max(map.getZoom(), wanted);
    const inner = map.getBounds().pad(-0.15);
    if (zoom === map.getZoom() && inner.contains([site.lat, site.lon])) return;
    map.flyTo([site.lat, site.lon], zoom, { duration: 0.6 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follows a new selection, not new stacks
  }, [map, sites, selected]);
  return null;
}
