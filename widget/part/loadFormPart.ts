import type { FormPart } from './formPart.ts';
import { FORM_PART_EVENT } from './partFile.ts';

/**
 * A loader of the form part from `url` with a classic <script> element, which a strict CSP allows
 * (`script-src` the server's origin) where fetch-and-eval would not. One load at a time is shared;
 * a failed load (offline, blocked, not the part) is forgotten, so the next call tries again.
 */
export function createFormPartLoader(url: string): () => Promise<FormPart> {
  let loading: Promise<FormPart> | undefined;
  return () =>
    (loading ??= new Promise<FormPart>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      let part: FormPart | undefined;
      // The part hands itself over on its own element while it runs, before `load`: no global name.
      script.addEventListener(FORM_PART_EVENT, (event) => resolve((part = (event as CustomEvent<FormPart>).detail)));
      script.onload = script.onerror = () => {
        if (part) return;
        loading = undefined;
        script.remove();
        reject(new Error(`could not load ${url}`));
      };
      document.head.append(script);
    }));
}
