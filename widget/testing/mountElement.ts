import { waitFor, within } from '@testing-library/preact';
import { expect } from 'vitest';
import './bundledWidget.ts';

/** A `<tomticket-form>` added to the page with `attributes`, once its schema arrived and it can send, and queries bound to its shadow root. */
export async function mountElement(attributes: Record<string, string> = {}) {
  const element = document.createElement('tomticket-form');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  const shadow = element.shadowRoot!;
  // The wrapper inside the shadow root: testing-library wants an element to search and print.
  const screen = within(shadow.firstElementChild as HTMLElement);
  const send = await screen.findByRole('button', { name: attributes.lang === 'en' ? 'Send' : 'Enviar' });
  // The fields are drawn at once; the schema's (departments, custom fields) and sending come with it.
  await waitFor(() => expect(send.getAttribute('aria-disabled')).toBeNull());
  return { element: element as HTMLElement & TomTicketMethods, shadow, screen };
}

/** The element's public methods, as tests call them. */
export interface TomTicketMethods {
  open(): void;
  close(): void;
  prefill(values: object): void;
  reset(): void;
}
