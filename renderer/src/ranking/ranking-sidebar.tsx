// The left side of the workspace: the ranking and the site details pane, the handle that resizes
// them against the map, and the weights drawer beside them. Its layout (width, drawer open, details
// height and collapsed) is remembered in remembered/layout.ts. Dragging a handle resizes through a
// CSS variable set directly on the element, so the app (and its 1 000 map markers) does not
// re-render on every pointer move; only the final size goes through React state.
//
// The drawer is a column of its own between the sidebar and the map, not a section above the
// ranking: opened on a laptop screen it takes width from the map instead of height from the ranking
// (which keeps at least 8 rows, styles.css .ranking-scroll), and its 30-odd controls come after
// the ranking in the Tab order.
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
import { WeightsPanel } from '../weights/WeightsPanel';

type SidebarLayout = Pick<Layout, 'sidebarWidth' | 'weightsOpen' | 'details'>;

/**
 * The height the window keeps for everything but the details pane at its tallest: top bar,
 * scenario bar, status bar, filters, the summary and the ranking's minimum rows (styles.css,
 * .ranking-scroll).
 */
const RESERVED_FOR_RANKING_PX = 600;

/** The window's inner size, following real resizes (the map follows its own container, map/FollowContainerSize). */
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

  const change = useCallback((next: Partial<SidebarLayout>) => {
    setLayout((current) => ({ ...current, ...next }));
    saveLayout(next);
  }, []);
  const live = (property: string, px: number): void => {
    aside.current?.style.setProperty(property, `${px}px`);
  };

  const width = fitSidebarWidth(layout.sidebarWidth ?? autoSidebarWidth(viewport.width), viewport.width);
  const maxWidth = fitSidebarWidth(SIDEBAR_WIDTH.max, viewport.width);
  // Room for the top bar, the scenario bar, the status bar, the filters and the ranking's minimum rows
  // (the CSS holds the ranking to them whatever this says; this keeps the handle's range honest).
  const maxDetails = Math.max(DETAILS_HEIGHT.min, viewport.height - RESERVED_FOR_RANKING_PX);
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
            <div className="ranking-wrap">
              <RankingTable />
            </div>
            {/* With no sites at all, the ranking's message says what to do; an empty details pane would not. */}
            {haveSites && (
              <DetailsPane
                height={layout.details.height}
                collapsed={layout.details.collapsed}
                maxHeight={maxDetails}
                onLiveHeight={(h) => live('--details-height', h)}
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
        onLive={(w) => live('--sidebar-width', w)}
        onCommit={(w) => change({ sidebarWidth: w })}
      />
      {ready && (
        <details
          className="weights-drawer"
          open={layout.weightsOpen}
          onToggle={(e) => {
            const open = e.currentTarget.open;
            if (open !== layout.weightsOpen) change({ weightsOpen: open });
          }}
        >
          <summary title={layout.weightsOpen ? 'Close the weights' : 'Open the weights'}>
            <span aria-hidden="true">{layout.weightsOpen ? '◂' : '▸'}</span> Weights
          </summary>
          <WeightsPanel />
        </details>
      )}
    </>
  );
}
