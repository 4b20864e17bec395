// The left side of the workspace: the weights drawer, the ranking and the site details pane, with
// the handle that resizes it against the map. Its layout (width, drawer open, details height and
// collapsed) is remembered in layout.ts. Dragging a handle resizes through a CSS variable set
// directly on the element, so the app (and its 1 000 map markers) does not re-render on every
// pointer move; only the final size goes through React state.
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useApp, useServices } from '../context';
import {
  DETAILS_HEIGHT,
  SIDEBAR_WIDTH,
  autoSidebarWidth,
  fitSidebarWidth,
  loadLayout,
  saveLayout,
  type Layout,
} from '../remembered/layout';
import { RankingTable } from './RankingTable';
import { DetailsPane } from './ranking-details-pane';
import { Splitter } from './ranking-splitter';
import { WeightsPanel } from './WeightsPanel';

type SidebarLayout = Pick<Layout, 'sidebarWidth' | 'weightsOpen' | 'details'>;

/** Leaflet re-measures its container on window resize; a sidebar resize changes it too. */
function tellTheMapItsSizeChanged(): void {
  window.dispatchEvent(new Event('resize'));
}

/** The window's inner size, following real resizes (not the synthetic ones sent to the map). */
function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = (e: Event): void => {
      if (e.isTrusted) setSize({ width: window.innerWidth, height: window.innerHeight });
    };
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}

export function Sidebar(): ReactNode {
  const { client, store } = useServices();
  const loadState = useApp((s) => s.loadState);
  const error = useApp((s) => s.error);
  // A reload after an import keeps showing the last data instead of blanking the sidebar.
  const haveData = useApp((s) => s.info !== null);
  const haveSites = useApp((s) => s.sites.length > 0);
  const [layout, setLayout] = useState<SidebarLayout>(() => {
    const { sidebarWidth, weightsOpen, details } = loadLayout();
    return { sidebarWidth, weightsOpen, details };
  });
  const viewport = useViewport();
  const aside = useRef<HTMLElement>(null);
  const frame = useRef(0);

  const change = useCallback((next: Partial<SidebarLayout>) => {
    setLayout((current) => ({ ...current, ...next }));
    saveLayout(next);
    if (next.sidebarWidth !== undefined) tellTheMapItsSizeChanged();
  }, []);
  const live = (property: string, px: number, resizesMap: boolean): void => {
    aside.current?.style.setProperty(property, `${px}px`);
    if (resizesMap && frame.current === 0)
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        tellTheMapItsSizeChanged();
      });
  };

  const width = fitSidebarWidth(layout.sidebarWidth ?? autoSidebarWidth(viewport.width), viewport.width);
  const maxWidth = fitSidebarWidth(SIDEBAR_WIDTH.max, viewport.width);
  // Room for the top bar, the scenario bar, the status bar, the filters and a few ranking rows.
  const maxDetails = Math.max(DETAILS_HEIGHT.min, viewport.height - 420);
  const style = {
    '--sidebar-width': `${width}px`,
    '--details-height': `${Math.min(layout.details.height, maxDetails)}px`,
  } as CSSProperties;

  const ready = loadState === 'ready' || (loadState === 'loading' && haveData);
  return (
    <>
      <aside className="sidebar" aria-label="Sites" id="sidebar" ref={aside} style={style}>
        {loadState === 'loading' && !haveData && <p className="hint">Loading sites…</p>}
        {loadState === 'error' && (
          <div className="error" role="alert">
            <strong>Could not load data.</strong> {error}
            <button type="button" onClick={() => void store.getState().load(client)}>
              Try again
            </button>
          </div>
        )}
        {ready && (
          <>
            <details
              className="weights-drawer"
              open={layout.weightsOpen}
              onToggle={(e) => {
                const open = e.currentTarget.open;
                if (open !== layout.weightsOpen) change({ weightsOpen: open });
              }}
            >
              <summary>Weights</summary>
              <WeightsPanel />
            </details>
            <div className="ranking-wrap">
              <RankingTable />
            </div>
            {/* With no sites at all, the ranking's message says what to do; an empty details pane would not. */}
            {haveSites && (
              <DetailsPane
                height={layout.details.height}
                collapsed={layout.details.collapsed}
                maxHeight={maxDetails}
                onLiveHeight={(h) => live('--details-height', h, false)}
                onChange={(d) => change({ details: { ...layout.details, ...d } })}
              />
            )}
          </>
        )}
      </aside>
      <Splitter
        label="Resize the sidebar"
        orientation="vertical"
        controls="sidebar"
        value={width}
        min={SIDEBAR_WIDTH.min}
        max={maxWidth}
        defaultValue={autoSidebarWidth(viewport.width)}
        onLive={(w) => live('--sidebar-width', w, true)}
        onCommit={(w) => change({ sidebarWidth: w })}
      />
    </>
  );
}
