// The map's edit modes. "Add site": the cursor is a crosshair and a click on the map opens the add
// form at that point. "Edit positions": each site in view gets a draggable handle; dropping it asks
// "Move X to lat, lon?" and only a yes writes (data.apply); a no puts the handle back. Outside these
// modes a click selects, as ever. Escape leaves either mode.
import { divIcon, type LeafletEvent, type Marker as LeafletMarker } from 'leaflet';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Marker, useMapEvents } from 'react-leaflet';
import type { Site } from '../../../shared/schemas';
import { round4 } from '../components/AddSiteDialog';
import { useApp, useServices } from '../context';
import { useMapView } from './use-map-view';

export type EditMode = 'none' | 'add' | 'move';

/** At most this many handles at once (the sites in view); zoom in to move one among more. */
const MAX_HANDLES = 400;

export function AddSiteClicks({ onPick }: { onPick: (at: { lat: number; lon: number }) => void }): null {
  useMapEvents({ click: (e) => onPick({ lat: e.latlng.lat, lon: e.latlng.wrap().lng }) });
  return null;
}

export interface PendingMove {
  site: Site;
  lat: number;
  lon: number;
  marker: LeafletMarker;
}

const HANDLE = divIcon({ className: 'move-handle', iconSize: [16, 16], iconAnchor: [8, 8] });

export function DraggableSites({ onDrop }: { onDrop: (move: PendingMove) => void }): ReactNode {
  const sites = useApp((s) => s.sites);
  const view = useMapView();
  const map = useMapEvents({});
  const inView = useMemo(() => {
    const bounds = map.getBounds().pad(0.2);
    return sites.filter((s) => bounds.contains([s.lat, s.lon])).slice(0, MAX_HANDLES);
    // view: recomputed when the map settles somewhere else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, sites, view]);
  return (
    <>
      {inView.map((s) => (
        <Marker
          key={s.id}
          position={[s.lat, s.lon]}
          icon={HANDLE}
          draggable
          title={`Drag to move ${s.name}`}
          alt={`Move ${s.name}`}
          eventHandlers={{
            dragend: (e: LeafletEvent) => {
              const marker = e.target as LeafletMarker;
              const p = marker.getLatLng().wrap();
              onDrop({ site: s, lat: round4(p.lat), lon: round4(p.lng), marker });
            },
          }}
        />
      ))}
    </>
  );
}

/** "Move X to lat, lon?": yes writes the new position, no (or Escape) puts the handle back. */
export function MoveConfirm({ move, onDone }: { move: PendingMove; onDone: () => void }): ReactNode {
  const { client } = useServices();
  const [error, setError] = useState<string | null>(null);
  const cancel = (): void => {
    move.marker.setLatLng([move.site.lat, move.site.lon]);
    onDone();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const confirm = async (): Promise<void> => {
    try {
      await client.call('data.apply', {
        table: 'sites',
        changes: [{ op: 'update', key: move.site.id, values: { lat: move.lat, lon: move.lon } }],
        label: `Move ${move.site.name}`,
      });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="map-dialog move-confirm" role="alertdialog" aria-modal="true" aria-labelledby="move-confirm-q">
      <p id="move-confirm-q">
        Move {move.site.name} to {move.lat}, {move.lon}?
      </p>
      <p className="muted">
        From {move.site.lat}, {move.site.lon}. The move is one change in the history (undo takes it back).
      </p>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={() => void confirm()} autoFocus>
          Move
        </button>
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** Escape leaves the current edit mode (when no dialog is open to take it first). */
export function useEscapeLeaves(mode: EditMode, dialogOpen: boolean, leave: () => void): void {
  useEffect(() => {
    if (mode === 'none' || dialogOpen) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') leave();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mode, dialogOpen, leave]);
}
