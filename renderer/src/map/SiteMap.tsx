// The map: offline basemap (online tiles if opted in), site markers, clusters and labels, a legend.
// MapContainer props are fixed after mount.
import 'leaflet/dist/leaflet.css';
import './map-edit.css';
import { useCallback, useState, type ReactNode } from 'react';
import { MapContainer, TileLayer, useMapEvents } from 'react-leaflet';
import { loadLayout, saveLayout } from '../remembered/layout';
import { SCORE_SCALE } from '../score-colors';
import { LEGALITY_ORDER } from '../../../shared/engine/types';
import { LEGALITY_FILL, LEGALITY_LABEL } from './legality-shading';
import { useCountryLegality, type Shading } from './useCountryLegality';
import { profileChips, WORKLOAD_NAMES } from '../../../shared/model/profiles';
import { chipName } from '../details/legality-answer';
import { AddSiteDialog } from '../components/AddSiteDialog';
import { ComparePanel } from '../details/ComparePanel';
import { HelpPanel } from '../components/HelpPanel';
import { PresetsPanel } from '../presets/PresetsPanel';
import { useApp } from '../context';
import { SensitivityPanel } from '../sensitivity/SensitivityPanel';
import { HealthPanel } from '../workbench/health/HealthPanel';
import { ScenariosPanel } from '../workbench/scenarios/ScenariosPanel';
import { Basemap } from './Basemap';
import { MapSettings } from './MapSettings';
import { loadOnlineTiles, ONLINE_TILE_ATTRIBUTION, ONLINE_TILE_URL, saveOnlineTiles } from './map-settings';
import {
  AddSiteClicks,
  DraggableSites,
  MoveConfirm,
  useEscapeLeaves,
  type EditMode,
  type PendingMove,
} from './EditModes';
import { FollowContainerSize } from './FollowContainerSize';
import { clusterDiameter } from './marker-style';
import { SiteMarkers } from './SiteMarkers';

/** Southeast and East Asia: from Mumbai to Tokyo, Sydney's latitude to Inner Mongolia's. */
const INITIAL_CENTER: [number, number] = [18, 112];
const INITIAL_ZOOM = 4;

export function SiteMap(): ReactNode {
  const panel = useApp((s) => s.panel);
  const setPanel = useApp((s) => s.setPanel);
  const select = useApp((s) => s.select);
  const [mode, setMode] = useState<EditMode>('none');
  // The add form: open at a clicked point, or with no point to type one; null: closed.
  const [adding, setAdding] = useState<{ at: { lat: number; lon: number } | null } | null>(null);
  const [moving, setMoving] = useState<PendingMove | null>(null);
  const leaveMode = useCallback(() => setMode('none'), []);
  useEscapeLeaves(mode, adding !== null || moving !== null, leaveMode);
  const toggle = (m: EditMode): void => setMode((now) => (now === m ? 'none' : m));
  const [shade, setShade] = useState<Shading>(null);
  const shading = useCountryLegality(shade);
  // Where the map was left last time (remembered/layout.ts); read once, as MapContainer props are fixed after mount.
  const [view] = useState(() => loadLayout().mapView);
  const [onlineTiles, setOnlineTiles] = useState(loadOnlineTiles);
  const changeOnlineTiles = (on: boolean): void => {
    setOnlineTiles(on);
    saveOnlineTiles(on);
  };
  return (
    <div className={`map-wrap${onlineTiles ? ' tiles-on' : ''}${mode === 'add' ? ' adding-site' : ''}`}>
      <div className="map-actions">
        <ShadingControl shade={shade} onChange={setShade} />
        <MapSettings onlineTiles={onlineTiles} onOnlineTilesChange={changeOnlineTiles} />
        <button type="button" onClick={() => setPanel('sensitivity')}>
          Sensitivity…
        </button>
        <button type="button" onClick={() => setPanel('help')} aria-label="Keyboard shortcuts">
          ?
        </button>
      </div>
      <div className="map-edit-actions" role="group" aria-label="Edit the map">
        <button type="button" aria-pressed={mode === 'add'} onClick={() => toggle('add')}>
          {mode === 'add' ? 'Click the map… (Esc)' : 'Add site'}
        </button>
        <button type="button" aria-pressed={mode === 'move'} onClick={() => toggle('move')}>
          Edit positions
        </button>
        {mode === 'add' && (
          <button type="button" onClick={() => setAdding({ at: null })}>
            Type coordinates…
          </button>
        )}
      </div>
      {panel === 'sensitivity' && <SensitivityPanel onClose={() => setPanel('none')} />}
      {panel === 'help' && <HelpPanel onClose={() => setPanel('none')} />}
      {panel === 'scenarios' && <ScenariosPanel onClose={() => setPanel('none')} />}
      {panel === 'health' && <HealthPanel onClose={() => setPanel('none')} />}
      {adding && (
        <AddSiteDialog
          at={adding.at}
          onClose={(id) => {
            setAdding(null);
            setMode('none');
            if (id) select(id);
          }}
        />
      )}
      {moving && <MoveConfirm move={moving} onDone={() => setMoving(null)} />}
      {panel === 'presets' && <PresetsPanel onClose={() => setPanel('none')} />}
      <MapContainer
        center={view?.center ?? INITIAL_CENTER}
        zoom={view?.zoom ?? INITIAL_ZOOM}
        minZoom={2}
        maxZoom={12}
        worldCopyJump
        className="map"
        aria-label="Map of candidate sites"
      >
        {/* Opt-in only: while it is off (the default) nothing is asked of the network. */}
        {onlineTiles && <TileLayer url={ONLINE_TILE_URL} attribution={ONLINE_TILE_ATTRIBUTION} maxZoom={19} />}
        <Basemap shading={shading} />
        <SiteMarkers />
        {mode === 'add' && adding === null && <AddSiteClicks onPick={(at) => setAdding({ at })} />}
        {mode === 'move' && <DraggableSites onDrop={setMoving} />}
        <RememberView />
        <FollowContainerSize />
      </MapContainer>
      <Legend shade={shade} />
      <ComparePanel />
    </div>
  );
}

/** Keeps the map's centre and zoom in the remembered layout whenever the map stops moving. */
function RememberView(): null {
  useMapEvents({
    moveend: (e) => {
      const { lat, lng } = e.target.getCenter();
      saveLayout({ mapView: { center: [lat, lng], zoom: e.target.getZoom() } });
    },
  });
  return null;
}

const WORKLOAD = 'workload';

/**
 * Shade countries by the profile's workload answer (the scenario's workload, legality mode and
 * tiers counted: what the ranking shows), by one of the profile's chips, or not at all.
 */
function ShadingControl({ shade, onChange }: { shade: Shading; onChange: (shade: Shading) => void }): ReactNode {
  const profileId = useApp((s) => s.scenario.profileId);
  // Select the profile itself (a stable reference); a fresh [] from the selector would re-render forever.
  const profile = useApp((s) => s.choices.profiles.find((p) => p.id === profileId));
  const catalogue = useApp((s) => s.choices.chips);
  const chips = profile === undefined ? [] : profileChips(profile);
  const value = shade === null ? '' : shade.kind === 'workload' ? WORKLOAD : shade.chipId;
  return (
    <label className="shading-control">
      Shade countries
      <select
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === '' ? null : v === WORKLOAD ? { kind: 'workload' } : { kind: 'chip', chipId: v });
        }}
      >
        <option value="">off</option>
        <option value={WORKLOAD}>by the profile&apos;s workload answer</option>
        {chips.map((id) => (
          <option key={id} value={id}>
            by legality of {chipName(id, catalogue)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The key to the map, at its bottom right (the seeded sites cluster top left, top right and bottom
 * centre). Closed it is one line, the score scale; open it also explains hollow markers and badges.
 * A country shading's key shows whenever shading is on. Open or closed is remembered (remembered/layout.ts).
 */
function Legend({ shade }: { shade: Shading }): ReactNode {
  const workload = useApp((s) => s.scenario.workload);
  const mode = useApp((s) => s.scenario.legalityMode);
  const catalogue = useApp((s) => s.choices.chips);
  const [open, setOpen] = useState(() => loadLayout().legendOpen);
  const title =
    shade === null
      ? ''
      : shade.kind === 'workload'
        ? `Country: ${WORKLOAD_NAMES[workload].toLowerCase()}, ${mode === 'best' ? 'best lawful chip' : 'every chip'}`
        : `Country: ${chipName(shade.chipId, catalogue)}`;
  return (
    <div className="legend" aria-label="Legend" role="group">
      {shade !== null && (
        <div className="legend-shading">
          <div className="legend-title">{title}</div>
          {LEGALITY_ORDER.map((status) => (
            <div key={status} className="legend-row" data-status={status}>
              <span className="legend-swatch" style={{ background: LEGALITY_FILL[status] }} />
              {LEGALITY_LABEL[status]}
            </div>
          ))}
        </div>
      )}
      <details
        open={open}
        onToggle={(e) => {
          const next = e.currentTarget.open;
          if (next === open) return;
          setOpen(next);
          saveLayout({ legendOpen: next });
        }}
      >
        <summary className="legend-row legend-score" title={open ? 'Show less' : 'What the markers mean'}>
          <span className="legend-title">Score</span>
          <span>0</span>
          <span className="legend-scale" aria-hidden="true">
            {SCORE_SCALE.map((color) => (
              <span key={color} style={{ background: color }} />
            ))}
          </span>
          <span>1</span>
        </summary>
        <div className="legend-row">
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill="none" stroke="#64748b" strokeDasharray="3 2" />
          </svg>
          Excluded (hover for why)
        </div>
        <div className="legend-row">
          <span
            className="legend-cluster"
            aria-hidden="true"
            style={{ width: clusterDiameter(2) - 6, height: clusterDiameter(2) - 6, background: SCORE_SCALE[3] }}
          >
            3
          </span>
          Sites close together (best score; click to zoom in or fan out)
        </div>
      </details>
    </div>
  );
}
