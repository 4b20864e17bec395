// Where Landfall keeps its data when no --db is given: the same folder Electron's
// app.getPath('userData') uses for an app named "Landfall", so the desktop app, browser mode and
// the CLI all open one database by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Landfall');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Landfall');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Landfall');
}

export function defaultDbPath(): string {
  return process.env.LANDFALL_DB ?? join(defaultDataDir(), 'landfall.sqlite');
}
