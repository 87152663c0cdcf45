import { act } from '@testing-library/preact';

/** Dispatches `type` on `target` carrying `files` the way drops and pastes carry them, and lets the form draw the result. */
export function dispatchWithFiles(target: Element, type: 'drop' | 'paste', files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  const transfer = { files };
  Object.defineProperty(event, type === 'drop' ? 'dataTransfer' : 'clipboardData', { value: transfer });
  act(() => void target.dispatchEvent(event));
  return event;
}

/** The names of the files the form lists, in order. */
export function listedFileNames(shadow: ShadowRoot): Array<string | null> {
  return [...shadow.querySelectorAll('[part=file-list] li > span')].map((span) => span.textContent);
}
