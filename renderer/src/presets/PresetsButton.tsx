// "Presets…" in the top bar: opens the presets manager over the map (and closes it again). It sits
// in the top bar, not the map's toolbar, which is full at 1280 px.
import type { ReactNode } from 'react';
import { useApp } from '../context';
import './presets-panel.css';

export function PresetsButton(): ReactNode {
  const open = useApp((s) => s.panel === 'presets');
  const setPanel = useApp((s) => s.setPanel);
  return (
    <button
      type="button"
      className="top-bar-open"
      aria-pressed={open}
      title="Rename, duplicate, delete, compare, import and export weight presets"
      onClick={() => setPanel(open ? 'none' : 'presets')}
    >
      Presets…
    </button>
  );
}
