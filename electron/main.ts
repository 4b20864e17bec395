// Electron main process: lifecycle only. Policy lives in security.ts, the window in window.ts,
// IPC in ipc.ts; the backend is the same one browser mode and the CLI use.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { createBackend, type Backend } from '../backend/backend';
import { APP_ENTRY, APP_SCHEME, isSafeExternalUrl } from './app-url';
import { bindIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { electronNativeBinding } from './native-binding';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { electronPdfPrinter } from './report-pdf';
import { blockNetwork, denyAllPermissions, hardenWebContents } from './security';
import { createMainWindow as openMainWindow, trackWindowState } from './window';
import { loadWindowState, saveWindowState } from './window-state';

let mainWindow: BrowserWindow | null = null;

/** The app's one door to the OS browser; only plain https links pass. */
function openInBrowser(url: string): Promise<void> {
  return isSafeExternalUrl(url) ? shell.openExternal(url) : Promise.resolve();
}
let backend: Backend | null = null;

function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = openMainWindow(state, join(__dirname, 'preload.cjs'));
  trackWindowState(win, (next) => {
    try {
      saveWindowState(stateFile, next);
    } catch (error) {
      // Losing the window's position is not worth an error dialog; the next launch uses the default.
      console.warn(`could not save window state to ${stateFile}:`, error);
    }
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY);
  return win;
}

function start(): void {
  const ses = session.defaultSession;
  denyAllPermissions(ses);
  blockNetwork(ses);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '..', 'renderer')));
  const dbPath = process.env.LANDFALL_DB ?? join(app.getPath('userData'), 'landfall.sqlite');
  try {
    const nativeBinding = electronNativeBinding(app.getAppPath(), app.isPackaged);
    backend = createBackend({
      dbPath,
      version: app.getVersion(),
      // Reports print to PDF through Electron here, not a Chromium found on the machine.
      printPdf: electronPdfPrinter(),
      // Takes the store lock; with browser mode (or another CLI write) holding it, the app comes up read-only.
      writer: 'desktop',
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    if (backend.lockNote) console.warn(`Landfall: ${backend.lockNote}`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Landfall cannot open its database', `${dbPath}\n\n${message}`);
    app.quit();
    return;
  }
  bindIpc(ipcMain, backend, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        platform: process.platform,
        appName: app.getName(),
        isDev: !app.isPackaged,
        openLink: openInBrowser,
      }),
    ),
  );
  mainWindow = createMainWindow();
}

registerAppScheme(protocol);
app.setName('Landfall');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openInBrowser);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (mainWindow === null && backend !== null) mainWindow = createMainWindow();
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = null;
  });
  // A terminal's Ctrl-C or a kill quits through will-quit, which releases the store lock. Only when
  // nothing else handles the signal: tests load this module many times in one process.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => app.quit());
  }
  void app.whenReady().then(start);
}
