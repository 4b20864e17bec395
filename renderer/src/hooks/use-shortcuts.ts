// Wires the keyboard shortcuts (see shortcuts.ts) to the store.
import { useEffect } from 'react';
import { useServices } from '../context';
import { isTypingTarget, shiftMonths } from '../shortcuts';
import { todayIso } from '../store';

export function useShortcuts(toggleTheme: () => void): void {
  const { client, store } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const state = store.getState();
      // Inside the data workbench keys edit cells and Ctrl+Z undoes data edits: it handles its own.
      if (event.target instanceof Element && event.target.closest('[data-shortcut-scope="workbench"]')) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !isTypingTarget(event.target)) {
        const key = event.key.toLowerCase();
        if (key === 'z' || key === 'y') {
          event.preventDefault();
          void (key === 'y' || event.shiftKey ? state.redo(client) : state.undo(client));
        }
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const order =
        state.visibleOrder ??
        (state.score
          ? [
              ...state.score.results.filter((r) => !r.excluded).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
              ...state.score.results.filter((r) => r.excluded),
            ].map((r) => r.siteId)
          : []);
      const move = (step: number): void => {
        const index = order.indexOf(state.selectedSiteId ?? '');
        const next = order[Math.min(order.length - 1, Math.max(0, index + step))];
        if (next) state.select(next);
      };
      const actions: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        c: () => state.selectedSiteId && state.toggleCompare(state.selectedSiteId),
        s: () => state.setPanel('sensitivity'),
        d: () => state.openWorkbench(state.workbench?.table ?? 'sites'),
        '?': () => state.setPanel('help'),
        Escape: () => state.setPanel('none'),
        t: toggleTheme,
        '[': () => void state.setScenario(client, { asOf: shiftMonths(state.scenario.asOf, -1) }),
        ']': () => {
          const later = shiftMonths(state.scenario.asOf, 1);
          void state.setScenario(client, { asOf: later > todayIso() ? todayIso() : later });
        },
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, store, toggleTheme]);
}
