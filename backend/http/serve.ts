// `npm run serve`: starts browser mode and prints the URL.
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AppInfo } from '../../shared/schemas';
import { createBackend } from '../backend';
import { defaultDbPath } from '../paths';
import { appVersion } from '../version';
import { startHttpServer } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5177' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run serve -- [--port N] [--db PATH]\n');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, not "${values.port}"`);
  }
  const dbPath = resolve(values.db ?? defaultDbPath());
  const backend = createBackend({ dbPath, version: appVersion, writer: 'browser' });
  if (backend.lockNote) process.stderr.write(`landfall serve: note: ${backend.lockNote}\n`);
  const staticDir = resolve(dirname(__filename), '..', 'renderer');
  const running = await startHttpServer({ backend, staticDir, port });
  process.stdout.write(`Landfall ${appVersion} (browser mode) is serving at ${running.url}\n`);
  process.stdout.write(`Database: ${dbPath}\n`);
  // Say it up front when another writer (or damage) keeps this server from writing.
  const info = await backend.dispatch('app.info', {});
  const app = info.ok ? (info.value as AppInfo) : null;
  if (app?.readOnly) process.stdout.write(`Read-only: ${app.readOnlyReason ?? ''}\n`);
  // Closing the backend releases the store lock; process.exit's 'exit' hook is the backstop for that.
  const stop = (): void => {
    void running.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`landfall serve: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
