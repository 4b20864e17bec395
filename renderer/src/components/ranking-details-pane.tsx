// The pane under the ranking that holds the selected site's details: resizable from its top edge,
// collapsible to a one-line bar (which still names the selected site), with a message that says
// what to do when nothing is selected.
import { useId, type ReactNode } from 'react';
import { useApp } from '../context';
import { DETAILS_HEIGHT } from '../remembered/layout';
import { EmptyState } from './EmptyState';
import { Splitter } from './ranking-splitter';
import { SiteDetails } from './SiteDetails';

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
  return (
    <>
      {!collapsed && (
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
      {/* Nothing selected: the pane is only as tall as its hint, the ranking takes the rest. */}
      <div
        className={collapsed ? 'details-pane collapsed' : siteName === null ? 'details-pane empty' : 'details-pane'}
        id={id}
      >
        <div className="details-pane-bar">
          <button
            type="button"
            className="details-toggle"
            aria-expanded={!collapsed}
            aria-controls={`${id}-body`}
            onClick={() => onChange({ collapsed: !collapsed })}
          >
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span> Site details
            {siteName && <span className="muted"> · {siteName}</span>}
          </button>
        </div>
        {!collapsed && (
          <div className="details-pane-body" id={`${id}-body`}>
            {siteName === null ? (
              <EmptyState title="No site selected" label="No site selected">
                <p>
                  Click a site in the ranking or on the map, or focus the ranking and use ↑ ↓ (or <kbd>j</kbd>{' '}
                  <kbd>k</kbd>), to see its facts, score breakdown and chip legality here.
                </p>
              </EmptyState>
            ) : (
              <SiteDetails />
            )}
          </div>
        )}
      </div>
    </>
  );
}
