// `<tomticket-form>` in Vue templates (with vue-tsc / Volar): its attributes and `@tomticket:*`
// listeners. `import type {} from 'tomticket-form/vue'` once, or add "tomticket-form/vue" to
// tsconfig's `types`; tell Vue's compiler it is a custom element
// (`compilerOptions.isCustomElement: (tag) => tag === 'tomticket-form'`).
import type { DefineComponent } from 'vue';
import type { TomTicketFormAttributes } from 'tomticket-form';
import type { TomTicketFormVueEventProps } from './jsx.js';

declare module 'vue' {
  interface GlobalComponents {
    'tomticket-form': DefineComponent<TomTicketFormAttributes & TomTicketFormVueEventProps>;
  }
}
