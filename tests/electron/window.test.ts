import type { BrowserWindowConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createMainWindow, trackWindowState } from '../../electron/window';
import type { WindowState } from '../../electron/window-state';
import { FakeWindow } from './fakes';

const constructed = vi.hoisted(() => [] as unknown[]);

vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function BrowserWindow(options: unknown) {
    constructed.push(options);
  }),
}));

/** The options createMainWindow handed to `new BrowserWindow`. */
function mainWindowOptions(state: WindowState, preload: string): BrowserWindowConstructorOptions {
  constructed.length = 0;
  createMainWindow(state, preload);
  expect(constructed).toHaveLength(1);
  return constructed[0] as BrowserWindowConstructorOptions;
}

const PRELOAD = '/opt/landfall/dist/electron/preload.cjs';

describe('createMainWindow', () => {
  const state: WindowState = { x: 111, y: 222, width: 1300, height: 850, maximized: false };

  it('locks down the renderer', () => {
    const prefs = mainWindowOptions(state, PRELOAD).webPreferences;
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
    expect(prefs?.nodeIntegrationInWorker).toBe(false);
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false);
    expect(prefs?.webSecurity).toBe(true);
    expect(prefs?.allowRunningInsecureContent).toBe(false);
    expect(prefs?.webviewTag).toBe(false);
    expect(prefs?.experimentalFeatures).toBe(false);
    expect(prefs?.navigateOnDragDrop).toBe(false);
    expect(prefs?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('passes the preload path through unchanged', () => {
    expect(mainWindowOptions(state, PRELOAD).webPreferences?.preload).toBe(PRELOAD);
  });

  it('uses the saved position and size, and starts hidden', () => {
    const options = mainWindowOptions(state, PRELOAD);
    expect(options.x).toBe(111);
    expect(options.y).toBe(222);
    expect(options.width).toBe(1300);
    expect(options.height).toBe(850);
    expect(options.show).toBe(false);
  });

  it('leaves the position to the OS when none was saved', () => {
    const options = mainWindowOptions({ width: 1440, height: 900, maximized: true }, PRELOAD);
    expect('x' in options).toBe(false);
    expect('y' in options).toBe(false);
    expect(options.width).toBe(1440);
    expect(options.height).toBe(900);
  });

  it('drops a half-saved position rather than placing the window at x only', () => {
    const options = mainWindowOptions({ x: 5, width: 1440, height: 900, maximized: false }, PRELOAD);
    expect('x' in options).toBe(false);
    expect('y' in options).toBe(false);
  });
});

describe('trackWindowState', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function tracked(): { win: FakeWindow; save: Mock<(state: WindowState) => void> } {
    const win = new FakeWindow();
    const save = vi.fn<(state: WindowState) => void>();
    trackWindowState(win.asBrowserWindow(), save);
    return { win, save };
  }

  it('saves the bounds when the window closes', () => {
    const { win, save } = tracked();
    win.emit('close');
    expect(save.mock.calls).toEqual([[{ x: 10, y: 20, width: 1200, height: 800, maximized: false }]]);
  });

  it('saves the normal (restored) bounds of a maximised window', () => {
    const { win, save } = tracked();
    win.maximized = true;
    win.emit('close');
    expect(save.mock.calls).toEqual([[{ x: 30, y: 40, width: 1000, height: 700, maximized: true }]]);
  });

  it('does not save a minimised or destroyed window', () => {
    const { win, save } = tracked();
    win.minimized = true;
    win.emit('close');
    win.minimized = false;
    win.destroyed = true;
    win.emit('close');
    expect(save).not.toHaveBeenCalled();
  });

  it.each(['resize', 'move'])('debounces %s events by 500 ms and saves the latest bounds once', (event) => {
    const { win, save } = tracked();
    win.emit(event);
    vi.advanceTimersByTime(300);
    win.bounds = { x: 50, y: 60, width: 1280, height: 720 };
    win.emit(event);
    vi.advanceTimersByTime(499);
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(save.mock.calls).toEqual([[{ x: 50, y: 60, width: 1280, height: 720, maximized: false }]]);
    vi.advanceTimersByTime(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('close cancels a pending debounced save and saves once', () => {
    const { win, save } = tracked();
    win.emit('move');
    win.emit('close');
    expect(save).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
