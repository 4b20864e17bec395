// Escaping for text placed in HTML and SVG: every value in a report comes from the store, which an
// import can fill with anything, so nothing is written into markup unescaped.
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
