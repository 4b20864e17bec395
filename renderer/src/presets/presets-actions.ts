// What the presets manager does besides drawing: keep the workspace's preset list current after a
// write, fall back to another preset when the active one goes, turn a backend error into what to
// do, read a chosen file and save a presets document as a download.
import type { StoreApi } from 'zustand/vanilla';
import type { CallOutput } from '../../../shared/contract';
import { ApiCallError, type ErrorIssue } from '../../../shared/errors';
import type { Client } from '../api/client';
import { downloadBlob } from '../download';
import type { AppState } from '../store';

export type PresetList = CallOutput<'presets.list'>;

/**
 * Fetches the presets again into the workspace. The active preset stays selected while it exists;
 * when it is gone (deleted here or elsewhere) the workspace falls back to the first preset.
 */
export async function refreshPresets(client: Client, store: StoreApi<AppState>): Promise<PresetList> {
  const presets = await client.call('presets.list', {});
  const { scenario, choices } = store.getState();
  const active = scenario.presetId;
  if (active !== null && !presets.some((p) => p.id === active) && presets[0] !== undefined) {
    await store.getState().reloadPresets(client, presets[0].id);
  } else {
    store.setState({ choices: { ...choices, presets } });
  }
  return presets;
}

/** A backend refusal as the panel shows it: the message, each problem by path, and what to do next. */
export interface Problem {
  message: string;
  issues: ErrorIssue[];
  hint: string;
}

const HINTS: Record<string, string> = {
  forbidden: 'Built-in presets are read-only: duplicate it and edit the copy.',
  not_found: 'It may have been deleted elsewhere; the list has been refreshed.',
  invalid_input: 'Correct the value and try again.',
  read_only: 'The store is open read-only; restore a backup to make changes.',
};

export function toProblem(error: unknown, hint?: string): Problem {
  if (error instanceof ApiCallError) {
    return { message: error.message, issues: error.issues, hint: hint ?? HINTS[error.code] ?? 'Try again.' };
  }
  return { message: error instanceof Error ? error.message : String(error), issues: [], hint: hint ?? 'Try again.' };
}

/** The text of a chosen file (FileReader: it also works where Blob.text() does not). */
export function readFileText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

/** Saves a presets document through the browser's download machinery. */
export function downloadPresets(document_: CallOutput<'presets.export'>, filename: string): void {
  downloadBlob(filename, `${JSON.stringify(document_, null, 2)}\n`, 'application/json');
}

/** "landfall-presets-2025-09-01.json", or with the one preset's id. */
export function exportFilename(ids: readonly string[] | null, today: string): string {
  return ids !== null && ids.length === 1 ? `landfall-preset-${ids[0] ?? ''}.json` : `landfall-presets-${today}.json`;
}
