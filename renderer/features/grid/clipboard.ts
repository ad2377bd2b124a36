// Copies text to the clipboard, through the async Clipboard API where allowed and a hidden textarea otherwise.

/** Quotes a value for TSV the way spreadsheets read it: only when it holds a tab, newline or quote. */
export function tsvCell(v: string | null | undefined): string {
  const s = v ?? '';
  return /[\t\n\r"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toTsv(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return rows.map((r) => r.map(tsvCell).join('\t')).join('\n');
}

function legacyCopy(text: string): boolean {
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  const prev = document.activeElement as HTMLElement | null;
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  prev?.focus();
  return ok;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission denied or document not focused: fall back
  }
  return legacyCopy(text);
}
