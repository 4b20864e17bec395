// Saves content as a file through a hidden <a download> on a Blob URL, which works the same in
// Electron and in browser mode. Every download in the renderer (reports, presets, scenarios) uses it.

/** Hands `content` to the browser's download machinery as `filename`. */
export function downloadBlob(filename: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the Blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
