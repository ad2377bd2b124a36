// A cell value as text where what matters for cleaning is visible: missing and empty values are named,
// and leading, trailing and doubled spaces are marked.
interface Props {
  value: string | null;
  className?: string;
}

/** Splits text into plain parts and the whitespace runs worth seeing (at either end, or two or more). */
function parts(s: string): { text: string; ws: boolean }[] {
  const out: { text: string; ws: boolean }[] = [];
  const re = /^\s+|\s+$|\s{2,}|[\t\u00a0]/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m.index > last) out.push({ text: s.slice(last, m.index), ws: false });
    out.push({ text: m[0], ws: true });
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last), ws: false });
  return out;
}

export function ValueText({ value, className }: Props) {
  if (value === null) return <span className={`value-text value-missing ${className ?? ''}`} data-value="" data-missing="true">missing</span>;
  if (value === '') return <span className={`value-text value-missing ${className ?? ''}`} data-value="">empty</span>;
  return (
    <span className={`value-text ${className ?? ''}`} title={value} data-value={value}>
      {parts(value).map((p, i) =>
        p.ws ? (
          <span key={i} className="value-ws" aria-label={`${p.text.length} whitespace`}>
            {p.text.replace(/\t/g, '→').replace(/[ \u00a0]/g, '·')}
          </span>
        ) : (
          p.text
        ),
      )}
    </span>
  );
}
