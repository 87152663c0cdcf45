// @vitest-environment node
import { expect, it } from 'vitest';

// Next.js and Nuxt evaluate a page's imports on the server too, where there is no DOM.
it('imports without a DOM (a server-side render), and says so when mount() is called there', async () => {
  const entry = await import('./index.ts');
  expect(() => entry.mount({} as HTMLElement)).toThrow(/in a browser, not during a server-side render/);
  expect(() => entry.strings({})).toThrow(/in a browser/);
});
