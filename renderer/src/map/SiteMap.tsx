// The map: offline basemap, site markers, a legend. MapContainer props are fixed after mount.
import 'leaflet/dist/leaflet.css';
import { useState, type ReactNode } from 'react';
import { MapContainer } from 'react-leaflet';
import { SCORE_SCALE } from '../score-colors';
import { ComparePanel } from '../components/ComparePanel';
import { SensitivityPanel } from '../sensitivity/SensitivityPanel';
import { Basemap } from './Basemap';
import { SiteMarkers } from './SiteMarkers';

/** Southeast and East Asia: from Mumbai to Tokyo, Sydney's latitude to Inner Mongolia's. */
const INITIAL_CENTER: [number, number] = [18, 112];
const INITIAL_ZOOM = 4;

export function SiteMap(): ReactNode {
  const [sensitivityOpen, setSensitivityOpen] = useState(false);
  return (
    <div className="map-wrap">
      <button type="button" className="open-sensitivity" onClick={() => setSensitivityOpen(true)}>
        Sensitivity…
      </button>
      {sensitivityOpen && <SensitivityPanel onClose={() => setSensitivityOpen(false)} />}
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
