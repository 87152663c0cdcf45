import { PART_EVENT } from './partFiles.ts';

/**
 * A loader of the part at `url` with a classic <script> element, which a strict CSP allows
 * (`script-src` the server's origin) where fetch-and-eval would not. With `integrity` (its
 * Subresource Integrity hash) the browser runs the part only if its bytes are the ones the
 * script was built with: a changed copy fails like a missing one. One load at a time is shared;
 * a failed load (offline, blocked, tampered, not a part) is forgotten, so the next call tries again.
 */
export function createPartLoader<Part>(url: string, integrity = ''): () => Promise<Part> {
  let loading: Promise<Part> | undefined;
  return () =>
    (loading ??= new Promise<Part>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      // '' checks nothing (unit tests); a cross-origin script is checked only when fetched with CORS, which the server allows any origin.
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
      let part: Part | undefined;
      // The part hands itself over on its own element while it runs, before `load`: no global name.
      script.addEventListener(PART_EVENT, (event) => resolve((part = (event as CustomEvent<Part>).detail)));
      script.onload = script.onerror = () => {
        if (part) return;
        loading = undefined;
        script.remove();
        reject(new Error(`could not load ${url}`));
      };
      document.head.append(script);
    }));
}
