// Serves the built renderer. Paths are resolved inside the root and anything that escapes it is 404.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = resolve(root);
  const target = resolve(join(rootAbs, normalize(decoded === '/' ? '/index.html' : decoded)));
  return target === rootAbs || target.startsWith(rootAbs + sep) ? target : null;
}

export async function loadStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const file = resolveInside(root, urlPath);
  if (file === null) return null;
  try {
    const body = await readFile(file);
    return { body, type: MIME[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
