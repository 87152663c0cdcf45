import { mountForm, type FormHandle, type MountedForm, type PageEnv } from './mount.tsx';
import type { MountOptions } from './options.ts';
import type { Prefill } from '../model/createFormModel.ts';

/** The element's string attributes, which are also option names. */
const TEXT_ATTRIBUTES = ['endpoint', 'lang', 'theme', 'mode', 'department', 'email', 'name', 'identity'] as const;
const LOCKED = 'department-locked';

/** `<tomticket-form>`: the form in an open shadow root, mounted while the element is in the document. */
export interface TomTicketFormElement extends HTMLElement, Omit<FormHandle, 'destroy'> {}

/** Registers `<tomticket-form>` (once: a second copy of the script leaves the first in charge). */
export function defineElement(env: PageEnv): void {
  if (customElements.get('tomticket-form')) return;
  customElements.define(
    'tomticket-form',
    class extends HTMLElement implements TomTicketFormElement {
      /** The form while the element is connected. */
      private declare mounted?: MountedForm;
      static get observedAttributes() {
        return [...TEXT_ATTRIBUTES, LOCKED];
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
        const options: Record<string, string | boolean> = { departmentLocked: this.hasAttribute(LOCKED) };
        for (const name of TEXT_ATTRIBUTES) {
          const value = this.getAttribute(name);
          if (value !== null) options[name] = value;
        }
        return options as MountOptions;
      }
    },
  );
}
