// The date filters' input: ISO text (YYYY-MM-DD) typed and checked, instead of the browser's date picker,
// whose field order follows the browser's locale (mm/dd/yyyy on an en-US system).
import type { IDateComp, IDateParams } from 'ag-grid-community';
import { formatIsoDate, parseIsoDate } from './isoDate';

export class IsoDateInput implements IDateComp {
  private input!: HTMLInputElement;
  private params!: IDateParams;

  init(params: IDateParams): void {
    this.params = params;
    const input = document.createElement('input');
    input.type = 'text';
    input.className = 'ag-input-field-input ag-text-field-input iso-date-input';
    input.placeholder = 'YYYY-MM-DD';
    input.inputMode = 'numeric';
    input.maxLength = 10;
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.setAttribute('data-testid', 'iso-date-input');
    input.addEventListener('input', () => {
      this.mark();
      this.params.onDateChanged();
    });
    input.addEventListener('focusin', () => this.params.onFocusIn?.());
    this.input = input;
  }

  /** Text that is not (yet) a date is marked, with the format in the tooltip. */
  private mark(): void {
    const text = this.input.value.trim();
    const bad = text !== '' && parseIsoDate(text) === null;
    this.input.classList.toggle('invalid', bad);
    this.input.setAttribute('aria-invalid', bad ? 'true' : 'false');
    this.input.title = bad ? `“${text}” is not a date: type YYYY-MM-DD, e.g. 2024-03-31` : 'A date as YYYY-MM-DD';
  }

  getGui(): HTMLElement {
    return this.input;
  }

  getDate(): Date | null {
    return parseIsoDate(this.input.value);
  }

  setDate(date: Date | null): void {
    this.input.value = date ? formatIsoDate(date) : '';
    this.mark();
  }

  setInputPlaceholder(): void {
    this.input.placeholder = 'YYYY-MM-DD';
  }

  setInputAriaLabel(label: string): void {
    this.input.setAttribute('aria-label', label);
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  afterGuiAttached(params?: { suppressFocus?: boolean }): void {
    if (!params?.suppressFocus) this.input.focus({ preventScroll: true });
  }
}
