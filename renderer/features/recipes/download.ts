// Saves text as a file through a Blob link: works in serve mode and in the Electron window alike.
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a dataset name: letters, digits, dots, dashes and underscores. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'dataset';
}
