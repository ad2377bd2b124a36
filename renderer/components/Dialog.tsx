// A modal dialog on the native <dialog> element: focus is trapped, Esc closes, the page behind is inert.
import { useEffect, useRef, type ReactNode } from 'react';
import './dialog.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  /** Width preset: 'md' for forms, 'lg' for tables. */
  size?: 'md' | 'lg';
  testId?: string;
}

export function Dialog({ title, onClose, children, footer, size = 'md', testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!el.open) el.showModal();
    // showModal focuses the first focusable element (the close button); prefer the field marked for it.
    el.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    // Esc fires `cancel`; we close through React state instead of letting the element close itself.
    const onCancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    el.addEventListener('cancel', onCancel);
    return () => {
      el.removeEventListener('cancel', onCancel);
      if (el.open) el.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-label={title} data-testid={testId}>
      <header className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer ? <footer className="dialog-foot">{footer}</footer> : null}
    </dialog>
  );
}
