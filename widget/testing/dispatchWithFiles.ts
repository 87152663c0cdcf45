import { act } from '@testing-library/preact';

/** Dispatches `type` on `target` carrying `files` the way drops and pastes carry them, and lets the form draw the result. */
export function dispatchWithFiles(target: Element, type: 'drop' | 'paste', files: File[]): Event {
  const event = new Event(type, { bubbles: true, cancelable: true, composed: true });
  const transfer = { files };
  Object.defineProperty(event, type === 'drop' ? 'dataTransfer' : 'clipboardData', { value: transfer });
  act(() => void target.dispatchEvent(event));
  return event;
}
