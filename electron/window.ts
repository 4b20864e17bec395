// The main window: locked-down web preferences, and its geometry kept in sync with the state file.
import { BrowserWindow } from 'electron';
import type { WindowState } from './window-state';

/** The web preferences are written out at the constructor so scanners and reviewers see them there. */
export function createMainWindow(state: WindowState, preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Landfall',
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Saves geometry when the window moves, resizes or closes (debounced while dragging). */
export function trackWindowState(win: BrowserWindow, save: (state: WindowState) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capture = (): void => {
    if (win.isDestroyed() || win.isMinimized()) return;
    const bounds = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
    save({ ...bounds, maximized: win.isMaximized() });
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(capture, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    capture();
  });
}
