import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { electronNativeBinding } from '../../electron/native-binding';

vi.mock('electron', () => ({}));

const ELECTRON = { electron: '45.5.0' };
let appPath: string;
let binding: string;

beforeAll(() => {
  appPath = mkdtempSync(join(tmpdir(), 'landfall-native-'));
  const folder = join(appPath, '.native', 'electron-45.5.0-linux-x64');
  mkdirSync(folder, { recursive: true });
  binding = join(folder, 'better_sqlite3.node');
  writeFileSync(binding, 'not really a native module');
});

afterAll(() => {
  rmSync(appPath, { recursive: true, force: true });
});

describe('electronNativeBinding', () => {
  it('finds the Electron build under .native in development', () => {
    const found = electronNativeBinding(appPath, false, ELECTRON, 'linux', 'x64');
    expect(found).toBe(join(appPath, '.native', 'electron-45.5.0-linux-x64', 'better_sqlite3.node'));
    expect(found).toBe(binding);
  });

  it('is undefined in a packaged app, even when the file exists', () => {
    expect(electronNativeBinding(appPath, true, ELECTRON, 'linux', 'x64')).toBeUndefined();
  });

  it('is undefined outside Electron, even when the file exists', () => {
    expect(electronNativeBinding(appPath, false, {}, 'linux', 'x64')).toBeUndefined();
    expect(electronNativeBinding(appPath, false, { electron: undefined }, 'linux', 'x64')).toBeUndefined();
  });

  it('is undefined under plain Node with the default arguments', () => {
    expect(process.versions.electron).toBeUndefined();
    expect(electronNativeBinding(appPath, false)).toBeUndefined();
  });

  it.each([
    ['another Electron version', { electron: '46.0.0' }, 'linux', 'x64'],
    ['another platform', ELECTRON, 'darwin', 'x64'],
    ['another arch', ELECTRON, 'linux', 'arm64'],
  ])('is undefined when there is no build for %s', (_label, versions, platform, arch) => {
    expect(electronNativeBinding(appPath, false, versions, platform, arch)).toBeUndefined();
  });

  it('is undefined when the app has no .native folder', () => {
    expect(electronNativeBinding(join(appPath, 'elsewhere'), false, ELECTRON, 'linux', 'x64')).toBeUndefined();
  });
});
