// Remembers the main window's size, position and maximised state between launches.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(640).max(20000),
  height: z.number().int().min(480).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export interface WorkArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };

/** Reads the saved state; a missing, corrupt or off-screen one falls back to the default size. */
export function loadWindowState(file: string, workAreas: readonly WorkArea[]): WindowState {
  let parsed: WindowState;
  try {
    parsed = WindowState.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (parsed.x === undefined || parsed.y === undefined) return parsed;
  const { x, y } = parsed;
  const visible = workAreas.some(
    (a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50,
  );
  return visible ? parsed : { width: parsed.width, height: parsed.height, maximized: parsed.maximized };
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(WindowState.parse(state)));
  renameSync(temp, file);
}
