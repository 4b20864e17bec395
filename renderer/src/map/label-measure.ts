// The width of a site label, measured with the same font the stylesheet gives .site-label, so the
// placement's boxes match what is drawn. Cached per text; a fixed estimate where there is no canvas.
export const LABEL_FONT = "600 12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
/** Horizontal padding inside a label (both sides together). */
const LABEL_PADDING = 6;

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

export function labelWidth(text: string): number {
  const cached = widths.get(text);
  if (cached !== undefined) return cached;
  if (context === undefined) {
    try {
      context = document.createElement('canvas').getContext('2d');
    } catch {
      context = null;
    }
    if (context) context.font = LABEL_FONT;
  }
  const width = Math.ceil((context ? context.measureText(text).width : text.length * 7) + LABEL_PADDING);
  widths.set(text, width);
  return width;
}
