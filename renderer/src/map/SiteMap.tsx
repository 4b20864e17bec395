// The map: offline basemap, site markers, a legend. MapContainer props are fixed after mount.
import 'leaflet/dist/leaflet.css';
import type { ReactNode } from 'react';
import { MapContainer } from 'react-leaflet';
import { SCORE_SCALE } from '../score-colors';
import { ComparePanel } from '../components/ComparePanel';
import { HelpPanel } from '../components/HelpPanel';
import { useApp } from '../context';
import { SensitivityPanel } from '../sensitivity/SensitivityPanel';
import { Basemap } from './Basemap';
import { SiteMarkers } from './SiteMarkers';

/** Southeast and East Asia: from Mumbai to Tokyo, Sydney's latitude to Inner Mongolia's. */
const INITIAL_CENTER: [number, number] = [18, 112];
const INITIAL_ZOOM = 4;

export function SiteMap(): ReactNode {
  const panel = useApp((s) => s.panel);
  const setPanel = useApp((s) => s.setPanel);
  return (
    <div className="map-wrap">
      <div className="map-actions">
        <button type="button" onClick={() => setPanel('sensitivity')}>
          Sensitivity…
        </button>
        <button type="button" onClick={() => setPanel('help')} aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
      {panel === 'sensitivity' && <SensitivityPanel onClose={() => setPanel('none')} />}
      {panel === 'help' && <HelpPanel onClose={() => setPanel('none')} />}
      <MapContainer
        center={INITIAL_CENTER}
        zoom={INITIAL_ZOOM}
        minZoom={2}
        maxZoom={12}
        worldCopyJump
        className="map"
        aria-label="Map of candidate sites"
      >
        <Basemap />
        <SiteMarkers />
      </MapContainer>
      <Legend />
      <ComparePanel />
    </div>
  );
}

function Legend(): ReactNode {
  return (
    <div className="legend" aria-label="Legend">
      <div className="legend-title">Score</div>
      <div className="legend-scale" aria-hidden="true">
        {SCORE_SCALE.map((color) => (
          <span key={color} style={{ background: color }} />
        ))}
      </div>
      <div className="legend-row legend-ends">
        <span>0</span>
        <span>1</span>
      </div>
      <div className="legend-row">
        <svg width="12" height="12" aria-hidden="true">
          <circle cx="6" cy="6" r="5" fill="none" stroke="#64748b" strokeDasharray="3 2" />
        </svg>
        Excluded (hover for why)
      </div>
    </div>
  );
}
