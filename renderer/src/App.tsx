// The first screen: the site list and details on the left, the map on the right.
import { useEffect, type ReactNode } from 'react';
import { PresetsButton } from './presets/PresetsButton';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import { ExportReportButton } from './report/ReportDialog';
import { Sidebar } from './ranking/ranking-sidebar';
import { ScenarioBar } from './scenario/ScenarioBar';
import { StatusBar } from './components/StatusBar';
import { ThemeToggle, useTheme } from './components/ThemeToggle';
import { WhatIfButtons } from './whatif/WhatIfButtons';
import { WhatIfCompare } from './whatif/WhatIfCompare';
import { useShortcuts } from './hooks/use-shortcuts';
import { useApp, useServices } from './context';
import { SiteMap } from './map/SiteMap';
import { scenarioTitle, windowTitle } from './scenario/scenario-title';
import { Workbench } from './workbench/Workbench';

export function App(): ReactNode {
  const { client, store } = useServices();
  const loadState = useApp((s) => s.loadState);
  const workbenchOpen = useApp((s) => s.panel === 'workbench' || s.panel === 'history');
  const [theme, toggleTheme] = useTheme();
  const title = useApp((s) => scenarioTitle(s.scenario, s.choices));
  useShortcuts(toggleTheme);
  // The window's title names the question too (Electron's title bar follows document.title).
  useEffect(() => {
    document.title = windowTitle(title);
  }, [title]);
  useEffect(() => {
    void store.getState().load(client);
    return client.subscribe('data.changed', () => void store.getState().load(client));
  }, [client, store]);

  return (
    <div className="app">
      <SkipToRanking />
      <header className="top-bar">
        <h1>Landfall</h1>
        {title === null ? (
          <span className="tagline">Where to put AI compute — chip legality, connectivity, cost, stability</span>
        ) : (
          <span className="scenario-title" title={title}>
            {title}
          </span>
        )}
        <ThemeToggle theme={theme} onToggle={toggleTheme} />
        <ExportReportButton />
        <WhatIfButtons />
        <PresetsButton />
        <button
          type="button"
          className="top-bar-open"
          aria-pressed={workbenchOpen}
          title="Edit sites, facts, chips, policies, profiles and criteria (d)"
          onClick={() => {
            const state = store.getState();
            if (workbenchOpen) state.setPanel('none');
            else state.openWorkbench(state.workbench?.table ?? 'sites');
          }}
        >
          Data…
        </button>
      </header>
      <ReadOnlyBanner />
      {loadState === 'ready' && (
        <nav aria-label="Scenario controls">
          <ScenarioBar />
        </nav>
      )}
      <main className="workspace">
        <Sidebar />
        {/* The what-if rankings sit over the map, not over the whole workspace: they take the map's
            height, never the ranking's. The workbench takes the map's place; the ranking beside it
            shows each write's effect. */}
        <div className="map-column">
          {loadState === 'ready' && <WhatIfCompare />}
          {workbenchOpen ? <Workbench /> : <SiteMap />}
        </div>
      </main>
      <StatusBar />
    </div>
  );
}

/**
 * The first stop of the Tab order, shown when focused: straight to the ranking past the top bar, the
 * scenario controls and the filters (about 20 stops, 40 with the weights drawer open).
 */
function SkipToRanking(): ReactNode {
  return (
    <a
      className="skip-link"
      href="#ranking"
      onClick={(e) => {
        const ranking = document.getElementById('ranking');
        if (!ranking) return;
        // Focus rather than follow the link: no #ranking in the address, and the table takes the keys.
        e.preventDefault();
        ranking.focus();
      }}
    >
      Skip to ranking
    </a>
  );
}
