// `<tomticket-form>` in Preact's JSX: its attributes, `ontomticket:*` handlers, and the props
// every element takes (id, class, ref…). Loaded with the package's types: nothing to add.
import type { HTMLAttributes } from 'preact';
import type { TomTicketFormElement } from 'tomticket-form';
import type { TomTicketFormJsxProps } from './jsx.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'tomticket-form': Omit<HTMLAttributes<TomTicketFormElement>, keyof TomTicketFormJsxProps> & TomTicketFormJsxProps;
    }
  }
}
