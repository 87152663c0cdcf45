import { mountForm, type FormHandle, type MountedForm, type PageEnv } from './mount.ts';
import { LOCKED_ATTRIBUTE as LOCKED, TEXT_ATTRIBUTES } from './attributes.ts';
import type { TomTicketFormEventMap } from './events.ts';
import type { MountOptions } from './options.ts';
import type { Prefill } from '../model/types.ts';

/** `<tomticket-form>`: the form in an open shadow root, mounted while the element is in the document. */
export interface TomTicketFormElement extends HTMLElement, Omit<FormHandle, 'destroy'> {
  addEventListener<Name extends keyof TomTicketFormEventMap>(
    type: Name,
    listener: (this: TomTicketFormElement, event: TomTicketFormEventMap[Name]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<Name extends keyof TomTicketFormEventMap>(
    type: Name,
    listener: (this: TomTicketFormElement, event: TomTicketFormEventMap[Name]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tomticket-form': TomTicketFormElement;
  }
}

/** Registers `<tomticket-form>` (once: a second copy of the script leaves the first in charge). */
export function defineElement(env: PageEnv): void {
  if (customElements.get('tomticket-form')) return;
  customElements.define(
    'tomticket-form',
    class extends HTMLElement implements TomTicketFormElement {
      /** The form while the element is connected. */
      private declare mounted?: MountedForm;
      static get observedAttributes() {
        return [...Object.keys(TEXT_ATTRIBUTES), LOCKED];
      }
      connectedCallback() {
        this.mounted ??= mountForm(this, this.attributeOptions(), env);
      }
      disconnectedCallback() {
        this.mounted?.destroy();
        this.mounted = undefined;
      }
      attributeChangedCallback() {
        this.mounted?.update(this.attributeOptions());
      }
      open() {
        this.mounted?.open();
      }
      close() {
        this.mounted?.close();
      }
      prefill(values: Prefill) {
        this.mounted?.prefill(values);
      }
      reset() {
        this.mounted?.reset();
      }
      identify(token: string) {
        this.setAttribute('identity', token);
      }
      private attributeOptions() {
        const options: MountOptions = { departmentLocked: this.hasAttribute(LOCKED) };
        for (const [attribute, option] of Object.entries(TEXT_ATTRIBUTES)) {
          const value = this.getAttribute(attribute);
          if (value !== null) (options as Record<string, string>)[option] = value;
        }
        return options;
      }
    },
  );
}
