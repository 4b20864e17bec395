// The desktop app's report printer: the report's HTML loaded into a hidden, locked-down window and
// printed with Electron's webContents.printToPDF (A4, backgrounds on, the page size from the
// report's own @page rule). The backend calls it for report.render { format: 'pdf' }.
//
// The HTML goes through a temporary file rather than a data: URL, which Chromium caps at 2 MB (a
// report with many sites and its map can pass that). The window gets a session of its own whose
// only allowed requests are the report files being printed at that moment, so the app's network
// block on the default session is matched here and nothing else is ever loaded.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session, type Session } from 'electron';
import type { PdfPrinter } from '../backend/services/report/report-pdf';
import { denyAllPermissions } from './security';

/** The partition of the print window: in memory (no "persist:"), never shared with the app's pages. */
export const REPORT_PRINT_PARTITION = 'landfall-report-print';

export function electronPdfPrinter(): PdfPrinter {
  /** The file: URLs of the reports being printed now (prints may overlap). */
  const allowed = new Set<string>();
  let ses: Session | null = null;
  const printSession = (): Session => {
    if (ses === null) {
      ses = session.fromPartition(REPORT_PRINT_PARTITION);
      denyAllPermissions(ses);
      ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed.has(details.url) }));
    }
    return ses;
  };
  return async (html) => {
    const dir = mkdtempSync(join(tmpdir(), 'landfall-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    allowed.add(url);
    const win = new BrowserWindow({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        session: printSession(),
        // The report has no script; nothing in it should run.
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        // As in the main window: middle-click could otherwise open links in new windows.
        disableBlinkFeatures: 'Auxclick',
      },
    });
    try {
      await win.loadFile(file);
      const pdf = await win.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
      });
      return new Uint8Array(pdf);
    } finally {
      allowed.delete(url);
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
