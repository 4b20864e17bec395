import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultDataDir, defaultDbPath } from '../../backend/paths';

const HOME = '/home/ada';

describe('defaultDataDir', () => {
  it('uses ~/.config/Landfall on Linux without XDG_CONFIG_HOME', () => {
    expect(defaultDataDir('linux', {}, HOME)).toBe(join(HOME, '.config', 'Landfall'));
  });

  it('uses $XDG_CONFIG_HOME/Landfall on Linux when it is set', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/srv/cfg' }, HOME)).toBe(join('/srv/cfg', 'Landfall'));
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is set but empty, as Electron does', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '' }, HOME)).toBe(join(HOME, '.config', 'Landfall'));
  });

  it('uses the XDG rule on other Unix-likes too', () => {
    expect(defaultDataDir('freebsd', {}, HOME)).toBe(join(HOME, '.config', 'Landfall'));
  });

  it('uses ~/Library/Application Support/Landfall on macOS, ignoring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir('darwin', { XDG_CONFIG_HOME: '/srv/cfg' }, '/Users/ada')).toBe(
      join('/Users/ada', 'Library', 'Application Support', 'Landfall'),
    );
  });

  it('uses %APPDATA%\\Landfall on Windows', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'Landfall'),
    );
  });

  it('falls back to <home>\\AppData\\Roaming on Windows without APPDATA', () => {
    expect(defaultDataDir('win32', {}, 'C:\\Users\\ada')).toBe(
      join('C:\\Users\\ada', 'AppData', 'Roaming', 'Landfall'),
    );
    expect(defaultDataDir('win32', { APPDATA: '' }, 'C:\\Users\\ada')).toBe(
      join('C:\\Users\\ada', 'AppData', 'Roaming', 'Landfall'),
    );
  });
});

describe('defaultDbPath', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('honours LANDFALL_DB', () => {
    vi.stubEnv('LANDFALL_DB', '/tmp/elsewhere.sqlite');
    expect(defaultDbPath()).toBe('/tmp/elsewhere.sqlite');
  });

  it('is landfall.sqlite in the default data folder otherwise', () => {
    vi.stubEnv('LANDFALL_DB', undefined);
    expect(defaultDbPath()).toBe(join(defaultDataDir(), 'landfall.sqlite'));
  });
});
