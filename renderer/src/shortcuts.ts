// The workspace's keyboard shortcuts: one table drives both the handler and the help panel.
export interface Shortcut {
  keys: string;
  does: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: 'j / ↓', does: 'Next site in the ranking' },
  { keys: 'k / ↑', does: 'Previous site in the ranking' },
  { keys: 'c', does: 'Add the selected site to compare, or remove it' },
  { keys: 's', does: 'Open the sensitivity analysis' },
  { keys: 'd', does: 'Open the data workbench (edit sites, facts, chips, policies, profiles, criteria)' },
  { keys: 'Ctrl+Z / Ctrl+Shift+Z in the workbench', does: 'Undo / redo a data edit (the History panel lists them)' },
  { keys: '[ / ]', does: 'As-of date one month earlier / later' },
  { keys: 't', does: 'Switch between light and dark theme' },
  { keys: 'Ctrl+Z / Ctrl+Shift+Z', does: 'Undo / redo a scenario edit (weights, constraints, method, normalisation)' },
  { keys: '?', does: 'Show these shortcuts' },
  {
    keys: 'Esc',
    does: 'Close the open panel; in the workbench, first cancel the cell edit (closing asks before discarding one)',
  },
];

/** Typing in a field must never trigger a shortcut. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

export function shiftMonths(iso: string, months: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}
