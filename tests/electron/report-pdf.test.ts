// electron/report-pdf.ts with a fake `electron`: the hidden print window is locked down, loads the
// report from a temporary file its own session alone allows, prints A4 with CSS page sizes, and
// cleans up (window and file) even when printing fails.
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type {
  BrowserWindowConstructorOptions,
  CallbackResponse,
  OnBeforeRequestListenerDetails,
  PrintToPDFOptions,
} from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PdfPrinter } from '../../backend/services/report/report-pdf';
import { fakeSession } from './fakes';

interface PrintWindow {
  options: BrowserWindowConstructorOptions;
  loaded: string | null;
  /** The report file's text when it was loaded. */
  html: string | null;
  destroyed: boolean;
  printOptions: PrintToPDFOptions | null;
}

let windows: PrintWindow[];
let partitions: string[];
let session: ReturnType<typeof fakeSession>;
let printFails: boolean;
/** Runs inside printToPDF, while the print window is open. */
let duringPrint: (w: PrintWindow) => void;

beforeEach(() => {
  vi.resetModules();
  windows = [];
  partitions = [];
  printFails = false;
  duringPrint = () => undefined;
  session = fakeSession();
  class BrowserWindow {
    readonly state: PrintWindow;
    readonly webContents: { printToPDF: (o: PrintToPDFOptions) => Promise<Buffer> };
    constructor(options: BrowserWindowConstructorOptions) {
      const state: PrintWindow = { options, loaded: null, html: null, destroyed: false, printOptions: null };
      this.state = state;
      windows.push(state);
      this.webContents = {
        printToPDF: (o) => {
          state.printOptions = o;
          duringPrint(state);
          return printFails
            ? Promise.reject(new Error('printer on fire'))
            : Promise.resolve(Buffer.from('%PDF-1.7 fake'));
        },
      };
    }
    loadFile(path: string): Promise<void> {
      this.state.loaded = path;
      this.state.html = readFileSync(path, 'utf8');
      return Promise.resolve();
    }
    destroy(): void {
      this.state.destroyed = true;
    }
  }
  vi.doMock('electron', () => ({
    BrowserWindow,
    session: {
      fromPartition: (name: string) => {
        partitions.push(name);
        return session.session;
      },
    },
  }));
});

afterEach(() => {
  vi.doUnmock('electron');
});

async function printer(): Promise<PdfPrinter> {
  const { electronPdfPrinter } = await import('../../electron/report-pdf');
  return electronPdfPrinter();
}

function requestAnswer(url: string): CallbackResponse {
  const listener = session.onBeforeRequest.mock.calls[0]?.[0];
  if (listener === undefined) throw new Error('no request filter was installed');
  let answer: CallbackResponse | undefined;
  listener({ url } as OnBeforeRequestListenerDetails, (r) => (answer = r));
  if (answer === undefined) throw new Error('the filter did not answer');
  return answer;
}

describe('electronPdfPrinter', () => {
  it('prints the HTML in a hidden, script-less, sandboxed window and returns the PDF bytes', async () => {
    const print = await printer();
    const pdf = await print('<!doctype html><title>r</title><p>Report body</p>');
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7 fake');
    expect(windows).toHaveLength(1);
    const w = windows[0] as PrintWindow;
    expect(w.options.show).toBe(false);
    expect(w.options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(w.options.webPreferences?.preload).toBeUndefined();
    expect(w.html).toContain('<p>Report body</p>');
    expect(w.printOptions).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(w.destroyed).toBe(true);
    expect(existsSync(w.loaded as string)).toBe(false);
  });

  it('uses a session of its own that allows only the report file being printed', async () => {
    const answers: Record<string, CallbackResponse> = {};
    duringPrint = (w) => {
      answers.file = requestAnswer(pathToFileURL(w.loaded as string).href);
      answers.other = requestAnswer('file:///etc/passwd');
      answers.web = requestAnswer('https://tiles.example/0/0/0.png');
    };
    const print = await printer();
    await print('<p>x</p>');
    expect(partitions).toEqual(['landfall-report-print']);
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(answers).toEqual({ file: { cancel: false }, other: { cancel: true }, web: { cancel: true } });
    // Once printed, the file is no longer allowed either.
    expect(requestAnswer(pathToFileURL(windows[0]?.loaded as string).href)).toEqual({ cancel: true });
  });

  it('closes the window and removes the file when printing fails', async () => {
    printFails = true;
    const print = await printer();
    await expect(print('<p>x</p>')).rejects.toThrow('printer on fire');
    const w = windows[0] as PrintWindow;
    expect(w.destroyed).toBe(true);
    expect(existsSync(w.loaded as string)).toBe(false);
  });
});
