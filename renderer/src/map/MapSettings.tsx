// The map settings popover: for now one choice, the opt-in online basemap. Keyboard reachable (a
// button that says whether it is expanded; Escape closes and gives focus back to it).
import { useId, type ReactNode } from 'react';
import { ONLINE_TILE_ORIGIN } from '../../../shared/csp';
import { usePopover } from '../use-popover';

export function MapSettings({
  onlineTiles,
  onOnlineTilesChange,
}: {
  onlineTiles: boolean;
  onOnlineTilesChange: (on: boolean) => void;
}): ReactNode {
  const { open, setOpen, root, button, onKeyDown } = usePopover();
  const panelId = useId();
  const noteId = useId();
  return (
    <div className="map-settings" ref={root} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        Map settings
      </button>
      {open && (
        <div id={panelId} className="map-settings-panel" role="group" aria-label="Map settings">
          <label>
            <input
              type="checkbox"
              checked={onlineTiles}
              aria-describedby={noteId}
              onChange={(e) => onOnlineTilesChange(e.target.checked)}
            />
            Online basemap tiles (OpenStreetMap)
          </label>
          <p id={noteId} className="map-settings-note">
            Off by default: the map then draws only the bundled Natural Earth outlines and makes no network request. On:
            map images are fetched from {new URL(ONLINE_TILE_ORIGIN).host} (OpenStreetMap&apos;s tile usage policy
            applies); the site data never leaves this machine.
          </p>
        </div>
      )}
    </div>
  );
}
