import type * as NodeFs from 'node:fs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  saveWindowState,
  type WindowState,
  type WorkArea,
} from '../../electron/window-state';

vi.mock('electron', () => ({}));

const SCREEN: WorkArea[] = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const TWO_SCREENS: WorkArea[] = [
  { x: 0, y: 0, width: 1920, height: 1080 },
  { x: 1920, y: 0, width: 2560, height: 1440 },
];

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'landfall-window-state-'));
  file = join(dir, 'window-state.json');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('window state', () => {
  it('round-trips a saved state', () => {
    const state: WindowState = { x: 100, y: 80, width: 1280, height: 800, maximized: true };
    saveWindowState(file, state);
    expect(loadWindowState(file, SCREEN)).toEqual(state);
  });

  it('round-trips a state without a position', () => {
    const state: WindowState = { width: 1000, height: 700, maximized: false };
    saveWindowState(file, state);
    expect(loadWindowState(file, [])).toEqual(state);
  });

  it('keeps a position on a second screen', () => {
    const state: WindowState = { x: 2200, y: 100, width: 1280, height: 800, maximized: false };
    saveWindowState(file, state);
    expect(loadWindowState(file, TWO_SCREENS)).toEqual(state);
  });

  it('falls back to the default when there is no file', () => {
    expect(loadWindowState(join(dir, 'missing.json'), SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
    expect(DEFAULT_WINDOW_STATE).toEqual({ width: 1440, height: 900, maximized: false });
  });

  it.each([
    ['corrupt JSON', '{"width": 1280, "height":'],
    ['an empty file', ''],
    ['a JSON array', '[1280, 800]'],
    ['null', 'null'],
    ['a width below the minimum', JSON.stringify({ width: 100, height: 800, maximized: false })],
    ['a height below the minimum', JSON.stringify({ width: 1280, height: 10, maximized: false })],
    ['a size above the maximum', JSON.stringify({ width: 50000, height: 800, maximized: false })],
    ['a negative size', JSON.stringify({ width: -1280, height: -800, maximized: false })],
    ['a fractional size', JSON.stringify({ width: 1280.5, height: 800, maximized: false })],
    ['a string size', JSON.stringify({ width: '1280', height: 800, maximized: false })],
    ['no maximized flag', JSON.stringify({ width: 1280, height: 800 })],
    ['a string position', JSON.stringify({ x: '0', y: 0, width: 1280, height: 800, maximized: false })],
  ])('falls back to the default on %s', (_label, content) => {
    writeFileSync(file, content);
    expect(loadWindowState(file, SCREEN)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['far to the right', 5000, 100],
    ['far to the left', -3000, 100],
    ['above the screen', 100, -400],
    ['below the screen', 100, 1070],
    ['with only a sliver showing on the right', 1850, 100],
  ])('drops a position %s but keeps the size', (_label, x, y) => {
    saveWindowState(file, { x, y, width: 1280, height: 800, maximized: true });
    expect(loadWindowState(file, SCREEN)).toEqual({ width: 1280, height: 800, maximized: true });
  });

  it('drops the position when there are no screens at all', () => {
    saveWindowState(file, { x: 10, y: 10, width: 1280, height: 800, maximized: false });
    expect(loadWindowState(file, [])).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('creates the folder and leaves no temporary file behind', () => {
    const nested = join(dir, 'a', 'b', 'window-state.json');
    saveWindowState(nested, { width: 1280, height: 800, maximized: false });
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['window-state.json']);
    expect(JSON.parse(readFileSync(nested, 'utf8'))).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('refuses to save a state that would not load back, leaving the old file alone', () => {
    const good: WindowState = { width: 1280, height: 800, maximized: false };
    saveWindowState(file, good);
    expect(() => saveWindowState(file, { width: 10, height: 10, maximized: false })).toThrow();
    expect(loadWindowState(file, SCREEN)).toEqual(good);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });
});

describe('saveWindowState writes atomically', () => {
  afterEach(() => {
    vi.doUnmock('node:fs');
    vi.resetModules();
  });

  it('writes a temporary file beside the target and renames it over', async () => {
    vi.resetModules();
    const order: string[] = [];
    vi.doMock('node:fs', async (importOriginal) => {
      const fs = await importOriginal<typeof NodeFs>();
      return {
        ...fs,
        writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
          order.push(`write ${String(args[0])}`);
          fs.writeFileSync(...args);
        },
        renameSync: (from: string, to: string) => {
          order.push(`rename ${from} -> ${to}`);
          fs.renameSync(from, to);
        },
      };
    });
    const { saveWindowState: save, loadWindowState: load } = await import('../../electron/window-state');
    writeFileSync(file, JSON.stringify({ width: 1000, height: 700, maximized: false }));
    save(file, { x: 5, y: 6, width: 1280, height: 800, maximized: false });
    expect(order).toEqual([`write ${file}.tmp`, `rename ${file}.tmp -> ${file}`]);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
    expect(load(file, SCREEN)).toEqual({ x: 5, y: 6, width: 1280, height: 800, maximized: false });
  });
});
