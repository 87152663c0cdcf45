// `<tomticket-form>` in React's JSX (React 19 sets a custom element's attributes and attaches its
// `ontomticket:*` handlers): `import type {} from 'tomticket-form/react'` once, or add
// "tomticket-form/react" to tsconfig's `types`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { TomTicketFormElement } from 'tomticket-form';
import type { TomTicketFormJsxProps } from './jsx.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'tomticket-form': Omit<DetailedHTMLProps<HTMLAttributes<TomTicketFormElement>, TomTicketFormElement>, keyof TomTicketFormJsxProps> & TomTicketFormJsxProps;
    }
  }
}
