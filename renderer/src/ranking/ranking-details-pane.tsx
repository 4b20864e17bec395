// The pane under the ranking that holds the selected site's details: resizable from its top edge,
// collapsible to a one-line bar (which still names the selected site). With nothing selected it is
// only that bar, with a one-line hint saying how to pick a site: the ranking takes the rest.
import { useId, type ReactNode } from 'react';
import { useApp } from '../context';
import { DETAILS_HEIGHT } from '../remembered/layout';
import { Splitter } from './ranking-splitter';
import { SiteDetails } from '../details/SiteDetails';

export interface DetailsPaneProps {
  height: number;
  collapsed: boolean;
  /** The most the pane may take (the sidebar's height less room for the ranking). */
  maxHeight: number;
  onLiveHeight(height: number): void;
  onChange(change: { height?: number; collapsed?: boolean }): void;
}

export function DetailsPane({ height, collapsed, maxHeight, onLiveHeight, onChange }: DetailsPaneProps): ReactNode {
  const id = useId();
  const siteName = useApp((s) => s.sites.find((x) => x.id === s.selectedSiteId)?.name ?? null);
  const max = Math.max(DETAILS_HEIGHT.min, Math.min(DETAILS_HEIGHT.max, maxHeight));
  const open = !collapsed && siteName !== null;
  return (
    <>
      {open && (
        <Splitter
          label="Resize site details"
          orientation="horizontal"
          inverted
          controls={id}
          value={Math.min(height, max)}
          min={DETAILS_HEIGHT.min}
          max={max}
          defaultValue={DETAILS_HEIGHT.default}
          onLive={onLiveHeight}
          onCommit={(h) => onChange({ height: h })}
        />
      )}
      <div
        className={collapsed ? 'details-pane collapsed' : siteName === null ? 'details-pane empty' : 'details-pane'}
        id={id}
      >
        <div className="details-pane-bar">
          <button
            type="button"
            className="details-toggle"
            aria-expanded={!collapsed}
            aria-controls={open ? `${id}-body` : undefined}
            onClick={() => onChange({ collapsed: !collapsed })}
          >
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span> Site details
            {siteName && <span className="muted"> · {siteName}</span>}
          </button>
          {!collapsed && siteName === null && (
            <p className="details-hint" role="status" aria-label="No site selected">
              Click a site, or use ↑ ↓ in the ranking, to see its facts here.
            </p>
          )}
        </div>
        {open && (
          <div className="details-pane-body" id={`${id}-body`}>
            <SiteDetails />
          </div>
        )}
      </div>
    </>
  );
}
