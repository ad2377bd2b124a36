// The cell editor: a multi-line text area in a popup over the cell. Enter saves, Shift+Enter inserts a
// line break, Esc cancels. The value is only reported when the user changed the text, so opening and
// closing the editor writes nothing, and edited text keeps the value's line-break style (\r\n stays \r\n).
import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { fromEditorText } from './cellText';
import type { GridRow } from './gridTypes';

const PRINTABLE = /^.$/u;

export function CellEditor(props: CustomCellEditorProps<GridRow, string | null>) {
  const original = props.initialValue ?? '';
  // A key that started the edit replaces the text, as in a spreadsheet; Backspace/Delete clear it.
  const started = props.eventKey;
  const replaced = started === 'Backspace' || started === 'Delete' ? '' : started && PRINTABLE.test(started) ? started : null;
  const [text, setText] = useState(() => (replaced ?? original).replace(/\r\n?/g, '\n'));
  const ref = useRef<HTMLTextAreaElement>(null);
  const onValueChange = props.onValueChange;

  useEffect(() => {
    if (replaced !== null) onValueChange(replaced);
    const el = ref.current;
    if (!el) return;
    el.focus();
    const end = el.value.length;
    el.setSelectionRange(end, end);
    // Only the initial keystroke matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const lines = text.split('\n').length;
  const width = Math.max(props.column.getActualWidth(), 300);
  return (
    <div className="cell-editor" style={{ width }} data-testid="cell-editor">
      <textarea
        ref={ref}
        className="cell-editor-text"
        value={text}
        rows={Math.min(12, Math.max(2, lines))}
        spellCheck={false}
        aria-label={`Edit ${props.column.getColId()}`}
        onChange={(e) => {
          setText(e.target.value);
          onValueChange(fromEditorText(e.target.value, original));
        }}
      />
      <div className="cell-editor-hint">
        <span>
          <kbd>Enter</kbd> save
        </span>
        <span>
          <kbd>Shift+Enter</kbd> new line
        </span>
        <span>
          <kbd>Esc</kbd> cancel
        </span>
      </div>
    </div>
  );
}
