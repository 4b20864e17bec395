// Keeps docs/architecture.md's "Adding a call" walkthrough true to the code: every repository file
// it names must exist, and every "`name` in `file`" must name something that file holds — so moving
// or renaming a step's file or function fails here until the walkthrough is brought up to date
// (the README's old walkthrough described a layout that had gone).
import { describe, expect, it } from 'vitest';
import { codeSpans, isRepoPath, pathExists, read } from './markdown';

const PAGE = 'docs/architecture.md';

function section(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`${PAGE} has no "## ${heading}" section`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

const page = read(PAGE);
const walkthrough = section(page, 'Adding a call');

/** "`name` in `path`" pairs: the leading identifier of the first span, and a repository path. */
function namedIn(text: string): { name: string; path: string }[] {
  const pairs: { name: string; path: string }[] = [];
  for (const m of text.replace(/\s*\n\s*/g, ' ').matchAll(/`([^`]+)` in `([^`]+)`/g)) {
    const name = /^[A-Za-z_$][\w$]*/.exec(m[1] ?? '')?.[0];
    const path = m[2] ?? '';
    if (name !== undefined && isRepoPath(path)) pairs.push({ name, path });
  }
  return pairs;
}

describe('docs/architecture.md, "Adding a call"', () => {
  const paths = [...new Set(codeSpans(walkthrough).filter(isRepoPath))];
  const pairs = namedIn(walkthrough);

  it('names the files a call touches, from the contract to the test', () => {
    // A floor, so the walkthrough cannot quietly shrink to nothing and still pass.
    expect(paths.length).toBeGreaterThanOrEqual(20);
    expect(pairs.length).toBeGreaterThanOrEqual(15);
    for (const layer of [
      'shared/calls/',
      'db/',
      'backend/services/',
      'backend/cli/commands/',
      'renderer/src/',
      'tests/',
    ]) {
      expect(
        paths.some((p) => p.startsWith(layer)),
        `no step names a file under ${layer}`,
      ).toBe(true);
    }
  });

  it.each(paths)('%s exists', (path) => {
    expect(pathExists(path)).toBe(true);
  });

  it.each(pairs.map((p) => [`${p.name} in ${p.path}`, p] as const))('%s', (_label, { name, path }) => {
    expect(pathExists(path)).toBe(true);
    expect(read(path)).toMatch(new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`));
  });
});

describe('docs/architecture.md as a whole', () => {
  it.each([...new Set(codeSpans(page).filter(isRepoPath))])('names %s, which exists', (path) => {
    expect(pathExists(path)).toBe(true);
  });
});
