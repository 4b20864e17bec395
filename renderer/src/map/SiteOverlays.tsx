// Cluster badges and site labels: plain DOM in map panes, positioned in layer pixels, so the map
// moves them with its own transform while panning and React redraws them only when the map settles.
import type { ReactNode } from 'react';
import { useMap } from 'react-leaflet';
import { scoreColor } from '../score-colors';
import type { ShownLabel } from './map-labels';
import { textOn } from './marker-style';
import type { MapView } from './use-map-view';

export interface ShownCluster {
  key: string;
  ids: string[];
  /** Projected pixels at the view's zoom. */
  x: number;
  y: number;
  diameter: number;
  /** The best score among the members; null when none is scored (all excluded). */
  best: number | null;
  /** The first few members' names, best first. */
  names: string[];
  /** Where the members are, for the badge's label ("Johor · Singapore +1"). */
  place: string;
  /** All the sites share one spot at every zoom (a stack): the badge fans them out instead of zooming. */
  stacked?: boolean;
}

/** Ignores the click that ends a drag begun on a badge or label (Leaflet moved the map instead). */
function useWasDrag(): () => boolean {
  const map = useMap();
  // Map.Drag has moved(), true until the next mousedown; @types/leaflet types it as a bare Handler.
  const dragging = map.dragging as typeof map.dragging & { moved?: () => boolean };
  return () => dragging.moved?.() ?? false;
}

export function ClusterBadges({
  clusters,
  view,
  onZoom,
}: {
  clusters: readonly ShownCluster[];
  view: MapView;
  onZoom: (cluster: ShownCluster) => void;
}): ReactNode {
  const wasDrag = useWasDrag();
  return (
    <div className="site-clusters">
      {clusters.map((c) => {
        const count = c.ids.length;
        const fill = c.best === null ? null : scoreColor(c.best);
        const more = count - c.names.length;
        const who = `${c.names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
        const best = c.best === null ? 'none scored' : `best score ${c.best.toFixed(3)}`;
        return (
          <button
            key={c.key}
            type="button"
            // The ranking list is the keyboard path to every site; badges would only add tab stops.
            tabIndex={-1}
            className={fill ? 'site-cluster' : 'site-cluster site-cluster-excluded'}
            data-count={count}
            data-sites={c.ids.join(' ')}
            data-stacked={c.stacked ? 'true' : undefined}
            aria-label={
              c.stacked
                ? `${count} sites at the same position (${best}): ${who}. Show them apart`
                : `${count} sites (${best}): ${who}. Show them closer`
            }
            title={
              c.stacked
                ? `${count} sites at the same position: ${who} — ${best}. Click to fan them out.`
                : `${count} sites: ${who} — ${best}. Click to zoom in.`
            }
            style={{
              left: c.x - view.originX - c.diameter / 2,
              top: c.y - view.originY - c.diameter / 2,
              width: c.diameter,
              height: c.diameter,
              ...(fill ? { background: fill, color: textOn(fill) } : {}),
            }}
            onClick={() => {
              if (!wasDrag()) onZoom(c);
            }}
          >
            {count}
          </button>
        );
      })}
    </div>
  );
}

export function SiteLabels({
  labels,
  view,
  onSelect,
  onZoom,
}: {
  labels: readonly ShownLabel[];
  view: MapView;
  onSelect: (siteId: string) => void;
  /** Called with the cluster's leader id. */
  onZoom: (leader: string) => void;
}): ReactNode {
  const wasDrag = useWasDrag();
  // The names repeat the ranking list, which is what a screen reader should read; hidden from it here.
  return (
    <div className="site-labels" aria-hidden="true">
      {labels.map((l) => (
        <div
          key={l.key}
          className={`site-label${l.selected ? ' selected' : ''}${l.cluster ? ' cluster-label' : ''}`}
          data-site={l.cluster ? undefined : l.key}
          data-cluster={l.cluster ? l.key : undefined}
          data-side={l.side}
          style={{ left: l.box.x - view.originX, top: l.box.y - view.originY, width: l.box.width }}
          onClick={() => {
            if (wasDrag()) return;
            if (l.cluster) onZoom(l.key);
            else onSelect(l.key);
          }}
        >
          {l.text}
        </div>
      ))}
    </div>
  );
}
