// Just enough Markdown reading for the docs tests: code spans, links, heading anchors, and which
// code spans name a file of this repository (and whether that file, folder or pattern exists).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve('.');

/** README.md and every page under docs/, as repository paths. */
export function markdownFiles(): string[] {
  const pages: string[] = ['README.md'];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) pages.push(path);
    }
  };
  walk('docs');
  return pages;
}

export const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The text with fenced code blocks blanked (line count kept), so nothing in them reads as a link. */
export function withoutFences(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** Every inline code span outside fences, in order. Backticks pair up across line breaks, as in Markdown. */
export function codeSpans(text: string): string[] {
  return [...withoutFences(text).matchAll(/`([^`]+)`/g)].map((m) => (m[1] ?? '').replace(/\s*\n\s*/g, ' '));
}

/** Every link and image target outside code: inline `[text](target)` and reference definitions. */
export function linkTargets(text: string): string[] {
  const prose = withoutFences(text).replace(/`[^`]+`/g, '');
  const inline = [...prose.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(
    (m) => m[1] ?? '',
  );
  const defined = [...prose.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1] ?? '');
  return [...inline, ...defined];
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const m of withoutFences(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const words = (m[1] ?? '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(words) ?? 0;
    seen.set(words, n + 1);
    anchors.add(n === 0 ? words : `${words}-${n}`);
  }
  return anchors;
}

/** Top-level folders and files of the repository a doc may name; anything else (dist/, backups/) is not checked. */
const TRACKED_ROOTS = [
  '.ci',
  '.github',
  'backend',
  'bin',
  'data',
  'db',
  'docs',
  'electron',
  'renderer',
  'scripts',
  'shared',
  'tests',
];
const ROOT_FILES = [
  'README.md',
  'package.json',
  'eslint.config.mjs',
  'tsconfig.json',
  'electron-builder.yml',
  'vite.config.mts',
];

/** Whether a code span is a repository path (possibly with `*`, `…` or `<name>` standing for a part). */
export function isRepoPath(span: string): boolean {
  if (!/^[\w.@<>…*/-]+$/.test(span)) return false;
  if (ROOT_FILES.includes(span)) return true;
  const first = span.split('/')[0] ?? '';
  return span.includes('/') && TRACKED_ROOTS.includes(first);
}

/** Whether the path exists; a part with `*`, `…` or `<name>` matches any entry (at least one must). */
export function pathExists(path: string): boolean {
  const parts = path.replace(/\/$/, '').split('/');
  let current = [ROOT];
  for (const part of parts) {
    const wild = /[*…<]/.test(part);
    const next: string[] = [];
    for (const dir of current) {
      if (!wild) {
        const candidate = join(dir, part);
        if (existsSync(candidate)) next.push(candidate);
        continue;
      }
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
      // Each wildcard part becomes `.+`; everything between them is matched literally.
      const literal = part.split(/\*|…|<[^>]*>/).map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
      const pattern = new RegExp(`^${literal.join('.+')}$`);
      for (const entry of readdirSync(dir)) if (pattern.test(entry)) next.push(join(dir, entry));
    }
    current = next;
    if (current.length === 0) return false;
  }
  return true;
}

/** Resolves a relative link target against the page that holds it; returns a repository path. */
export function resolveLink(page: string, target: string): string {
  return relative(ROOT, resolve(ROOT, dirname(page), decodeURIComponent(target)));
}
