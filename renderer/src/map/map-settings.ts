// Map settings remembered on this machine. The online basemap is opt-in: until the planner ticks it,
// the map makes no request beyond the app itself.
import { ONLINE_TILE_ORIGIN } from '../../../shared/csp';

export const ONLINE_TILES_KEY = 'landfall.map.onlineTiles';
export const ONLINE_TILE_URL = `${ONLINE_TILE_ORIGIN}/{z}/{x}/{y}.png`;
export const ONLINE_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

/** Only the exact value '1' turns tiles on; anything else (missing, garbled, no storage) is off. */
export function loadOnlineTiles(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(ONLINE_TILES_KEY) === '1';
  } catch {
    return false;
  }
}

export function saveOnlineTiles(
  on: boolean,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): void {
  try {
    if (on) storage?.setItem(ONLINE_TILES_KEY, '1');
    else storage?.removeItem(ONLINE_TILES_KEY);
  } catch {
    // Storage full or disabled: the setting lasts for this session only.
  }
}
