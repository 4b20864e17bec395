// The import graph reads one way: no module reaches itself through its imports (type-only imports
// count too — a circle of types is still a circle a reader has to hold in their head), and no layer
// imports one above it (shared ← db ← backend ← electron; the renderer sees only shared). ESLint
// guards the layers file by file; this reads the whole graph at once.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const LAYERS = ['shared', 'db', 'backend', 'electron', 'renderer/src'] as const;
/** What each layer may import (besides itself). */
const MAY_IMPORT: Record<(typeof LAYERS)[number], readonly string[]> = {
  shared: [],
  db: ['shared'],
  backend: ['db', 'shared'],
  electron: ['backend', 'db', 'shared'],
  'renderer/src': ['shared'],
};
const SPECIFIER = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const graph = new Map<string, string[]>();
for (const layer of LAYERS) {
  for (const file of sourceFiles(join(ROOT, layer))) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(SPECIFIER)].flatMap((m) => {
      const target = resolveImport(file, m[1] ?? '');
      return target === null || !/\.tsx?$/.test(target) ? [] : [target];
    });
    graph.set(file, targets);
  }
}

const rel = (path: string): string => relative(ROOT, path);
const layerOf = (path: string): string | undefined => LAYERS.find((l) => rel(path).startsWith(`${l}/`));

/** Strongly connected components of more than one module (Tarjan), as repository paths. */
function circles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph', () => {
  it('reads the whole source tree (a sanity check on the reader itself)', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get(join(ROOT, 'backend', 'dispatcher.ts'))?.map(rel)).toContain('shared/contract.ts');
  });

  it('has no circles, type imports included', () => {
    expect(circles()).toEqual([]);
  });

  it('has no upward imports between layers', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = layerOf(file) as (typeof LAYERS)[number];
      for (const target of targets) {
        const to = layerOf(target);
        if (to !== from && (to === undefined || !MAY_IMPORT[from].includes(to)))
          upward.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
