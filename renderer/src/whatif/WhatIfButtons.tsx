// The top bar's "What-if…" and "Data health" buttons: each opens its panel over the map (and
// closes it again), wherever the planner is, the data workbench included.
import type { ReactNode } from 'react';
import { useApp } from '../context';
import type { Panel } from '../store';
import '../workbench/scenarios/whatif.css';

const BUTTONS: { panel: Panel; label: string; title: string }[] = [
  {
    panel: 'scenarios',
    label: 'What-if…',
    title: 'Hypothetical policy events in named scenarios, ranked beside the real timeline',
  },
  { panel: 'health', label: 'Data health', title: 'Missing, stale and unsourced facts, each a link to fix it' },
];

export function WhatIfButtons(): ReactNode {
  const panel = useApp((s) => s.panel);
  const setPanel = useApp((s) => s.setPanel);
  return (
    <>
      {BUTTONS.map((b) => (
        <button
          key={b.panel}
          type="button"
          className="top-bar-open"
          aria-pressed={panel === b.panel}
          title={b.title}
          onClick={() => setPanel(panel === b.panel ? 'none' : b.panel)}
        >
          {b.label}
        </button>
      ))}
    </>
  );
}
