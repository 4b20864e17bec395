// Saves text as a file through a hidden link (works in Electron and in browser mode alike).
export function downloadText(filename: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the Blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
