// A popup menu at a screen position: arrow keys, Home/End, type-ahead, Enter to choose, Esc to close.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import './menu.css';

export type MenuEntry =
  | { kind: 'heading'; label: string }
  | { kind: 'item'; id: string; label: string; hint?: string; disabled?: boolean };

interface Props {
  label: string;
  entries: readonly MenuEntry[];
  anchor: { left: number; top: number; bottom: number };
  onSelect: (id: string) => void;
  /** Closed without a choice (Esc, Tab, a click elsewhere). */
  onClose: () => void;
  testId?: string;
}

const MARGIN = 8;

export function Menu({ label, entries, anchor, onSelect, onClose, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const typed = useRef({ text: '', at: 0 });
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // Keep it inside the window, measured before paint so it never jumps; then focus the first item.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const left = Math.max(MARGIN, Math.min(anchor.left, window.innerWidth - el.offsetWidth - MARGIN));
    el.style.left = `${left}px`;
    el.style.maxHeight = `${window.innerHeight - anchor.bottom - 2 - MARGIN}px`;
    items()[0]?.focus();
  }, [anchor.left, anchor.bottom]);

  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) onCloseRef.current();
    };
    const resize = () => onCloseRef.current();
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('resize', resize);
    };
  }, []);

  function items(): HTMLButtonElement[] {
    return [...(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];
  }

  const onKeyDown = (e: React.KeyboardEvent) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    const go = (j: number) => list[(j + list.length) % list.length]?.focus();
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i < 0 ? -1 : i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(-1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else if (e.key.length === 1 && /\S/.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type-ahead: letters typed in quick succession find the next item starting with them.
      const now = Date.now();
      typed.current = { text: (now - typed.current.at < 700 ? typed.current.text : '') + e.key.toLowerCase(), at: now };
      const t = typed.current.text;
      const order = [...list.slice(i + (t.length > 1 ? 0 : 1)), ...list.slice(0, i + (t.length > 1 ? 0 : 1))];
      order.find((b) => (b.dataset.label ?? '').toLowerCase().startsWith(t))?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };

  return createPortal(
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
      style={{ left: anchor.left, top: anchor.bottom + 2 }}
    >
      {entries.map((en, k) =>
        en.kind === 'heading' ? (
          <div key={`h${k}`} className="menu-heading" role="presentation">
            {en.label}
          </div>
        ) : (
          <button
            key={en.id}
            type="button"
            role="menuitem"
            className="menu-item"
            disabled={en.disabled}
            data-label={en.label}
            data-id={en.id}
            onClick={() => onSelect(en.id)}
            onMouseEnter={(e) => e.currentTarget.focus()}
          >
            <span className="menu-label">{en.label}</span>
            {en.hint ? <span className="menu-hint">{en.hint}</span> : null}
          </button>
        ),
      )}
    </div>,
    document.body,
  );
}
