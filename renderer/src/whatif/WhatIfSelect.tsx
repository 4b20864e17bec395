// The scenario bar's "What-if" select: none, or one of the saved scenarios to show beside the real ranking.
import { useEffect, useState, type ReactNode } from 'react';
import type { ScenarioSummary } from '../../../shared/calls/scenario-calls';
import { useApp, useServices } from '../context';

export function WhatIfSelect(): ReactNode {
  const { client, store } = useServices();
  const active = useApp((s) => s.whatIfScenarioId);
  const panel = useApp((s) => s.panel);
  const [list, setList] = useState<ScenarioSummary[]>([]);
  // Read again when the panel closes or data changes (a scenario made, renamed or deleted there).
  useEffect(() => {
    const read = (): void => void client.call('scenarios.list', {}).then(setList, () => setList([]));
    read();
    return client.subscribe('data.changed', read);
  }, [client, panel, active]);
  // Nothing to choose from: no select (the bar is full enough); the What-if… panel makes the first.
  if (list.length === 0 && active === null) return null;
  return (
    <label className="whatif-select">
      What-if
      <select
        value={active ?? ''}
        onChange={(e) =>
          store.getState().setWhatIf({ whatIfScenarioId: e.target.value === '' ? null : e.target.value })
        }
      >
        <option value="">none (real timeline)</option>
        {list.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
