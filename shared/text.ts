// The one rule every stored string obeys: valid Unicode without NUL. SQLite stores a lone UTF-16
// surrogate as invalid UTF-8 (which later reads back garbled or fails an export's re-import), and a
// NUL cuts a value short in C tools and makes a re-exported file look like UTF-16. Both are refused
// at the boundary, by the schemas, so no door (call, import, scenario file) can let one through.
import { z } from 'zod';

/** A surrogate half with no partner: a high one not followed by a low one, or a low one alone. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with `text` as stored text, or null; positions are 1-based, in UTF-16 code units. */
export function textProblem(text: string): string | null {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `holds a NUL character (character ${nul + 1}); remove it`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone !== null) {
    const code = (lone[0].codePointAt(0) ?? 0).toString(16).toUpperCase();
    return `holds an unpaired surrogate (U+${code} at character ${lone.index + 1}), which is not valid Unicode; retype or re-paste the text`;
  }
  return null;
}

/**
 * A string that is valid Unicode and holds no NUL. It is a ZodString, so `.min()`, `.trim()`,
 * `.regex()` and the rest chain after it as on `z.string()`.
 */
export const Text = z.string().superRefine((text, ctx) => {
  const problem = textProblem(text);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, input: text });
});

/**
 * A source's address: http or https only. Sources are shown as links in the app and in reports; a
 * `javascript:`, `file:` or `data:` address there is a way to run or open something, never a source.
 */
export const HttpUrl = z.url({
  protocol: /^https?$/,
  error: (issue) =>
    typeof issue.input === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(issue.input) && !/^https?:/i.test(issue.input)
      ? `must be an http:// or https:// address, not ${issue.input.split(':')[0]}:`
      : 'must be an http:// or https:// address, e.g. https://example.org/report',
});

/** The 1-based line and character of `index` in `text`, for naming a place in a file. */
export function positionOf(text: string, index: number): { line: number; character: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: index - lineStart + 1 };
}
