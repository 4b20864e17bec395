// The README and docs/ hold together: the README stays a short front page with a map of every page;
// every relative link and image resolves to a file (and a #heading to a heading of that page); and
// every repository path a page names in code still exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeSpans,
  headingAnchors,
  isRepoPath,
  linkTargets,
  markdownFiles,
  pathExists,
  read,
  resolveLink,
  ROOT,
} from './markdown';

const pages = markdownFiles();

describe('README.md', () => {
  const readme = read('README.md');

  it('is a front page of at most 260 lines; the rest lives in docs/', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(260);
  });

  it('links every page under docs/ (its map of the docs is complete)', () => {
    const linked = new Set(linkTargets(readme).map((t) => resolveLink('README.md', t.split('#')[0] ?? '')));
    for (const page of pages.filter((p) => p.startsWith('docs/'))) expect(linked, page).toContain(page);
  });
});

describe.each(pages)('%s', (page) => {
  const text = read(page);
  const relativeTargets = linkTargets(text).filter((t) => !/^[a-z][a-z+.-]*:/i.test(t));

  it.each(relativeTargets.length > 0 ? relativeTargets : ['#'])('links to %s, which resolves', (target) => {
    if (target === '#') return; // a page without relative links
    const [file = '', anchor] = target.split('#');
    const path = file === '' ? page : resolveLink(page, file);
    expect(existsSync(join(ROOT, path)), `${page} → ${target}: no ${path}`).toBe(true);
    if (anchor !== undefined && path.endsWith('.md')) {
      expect([...headingAnchors(read(path))], `${page} → ${target}: no heading #${anchor} in ${path}`).toContain(
        anchor,
      );
    }
  });

  it('names only repository paths that exist', () => {
    const missing = [...new Set(codeSpans(text).filter(isRepoPath))].filter((p) => !pathExists(p));
    expect(missing).toEqual([]);
  });
});
