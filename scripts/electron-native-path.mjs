// Where the Electron-ABI build of better-sqlite3 lives. Kept outside node_modules/better-sqlite3/build
// so that directory stays the Node build that `npm test` (vitest under Node) loads.
// The Electron main process computes the same path at runtime (its own TS copy): keep them in sync.
import path from 'node:path';

/** `<repoRoot>/.native/electron-<version>-<platform>-<arch>` */
export function electronNativeDir(repoRoot, electronVersion, platform, arch) {
  for (const [name, value] of Object.entries({ repoRoot, electronVersion, platform, arch })) {
    // An undefined part would silently produce a path like "electron-undefined-linux-x64".
    if (typeof value !== 'string' || value === '')
      throw new TypeError(`electronNativeDir: ${name} must be a non-empty string`);
  }
  return path.join(repoRoot, '.native', `electron-${electronVersion}-${platform}-${arch}`);
}

/** `<repoRoot>/.native/electron-<version>-<platform>-<arch>/better_sqlite3.node` */
export function electronNativeFile(repoRoot, electronVersion, platform, arch) {
  return path.join(electronNativeDir(repoRoot, electronVersion, platform, arch), 'better_sqlite3.node');
}
