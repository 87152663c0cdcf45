import { mountForm, type FormHandle, type MountedForm, type PageEnv } from './mount.tsx';
import type { MountOptions } from './options.ts';
import type { Prefill } from '../model/createFormModel.ts';

/** The element's string attributes, which are also option names. */
const TEXT_ATTRIBUTES = ['endpoint', 'lang', 'theme', 'mode', 'department', 'email', 'name'] as const;
const LOCKED = 'department-locked';

/** `<tomticket-form>`: the form in an open shadow root, mounted while the element is in the document. */
export interface TomTicketFormElement extends HTMLElement, Omit<FormHandle, 'destroy'> {}

/** Registers `<tomticket-form>` (once: a second copy of the script leaves the first in charge). */
export function defineElement(env: PageEnv): void {
  if (customElements.get('tomticket-form')) return;
  // Per element, owned by this definition rather than stored on the element where pages could reach it.
  const mounted = new WeakMap<HTMLElement, MountedForm>();
  const optionsOf = (element: HTMLElement) => {
    const options: Record<string, string | boolean> = { departmentLocked: element.hasAttribute(LOCKED) };
    for (const name of TEXT_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    return options as MountOptions;
  };

  customElements.define(
    'tomticket-form',
    class extends HTMLElement implements TomTicketFormElement {
      static get observedAttributes() {
        return [...TEXT_ATTRIBUTES, LOCKED];
      }
      connectedCallback() {
        if (!mounted.has(this)) mounted.set(this, mountForm(this, optionsOf(this), env));
      }
      disconnectedCallback() {
        mounted.get(this)?.destroy();
        mounted.delete(this);
      }
      attributeChangedCallback() {
        mounted.get(this)?.update(optionsOf(this));
      }
      open() {
        mounted.get(this)?.open();
      }
      close() {
        mounted.get(this)?.close();
      }
      prefill(values: Prefill) {
        mounted.get(this)?.prefill(values);
      }
      reset() {
        mounted.get(this)?.reset();
      }
    },
  );
}
