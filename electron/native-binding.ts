// In development the app loads a better-sqlite3 build made for Electron's ABI from .native/
// (made by scripts/electron-native.mjs on `npm start`), so node_modules keeps the Node build that
// `npm test` uses. A packaged app has its module rebuilt for Electron by electron-builder.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronNativeBinding(
  appPath: string,
  isPackaged: boolean,
  versions: { electron?: string | undefined } = process.versions,
  platform: string = process.platform,
  arch: string = process.arch,
): string | undefined {
  if (isPackaged || versions.electron === undefined) return undefined;
  const file = join(appPath, '.native', `electron-${versions.electron}-${platform}-${arch}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
