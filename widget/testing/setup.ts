import { afterEach, beforeEach, vi } from 'vitest';
import { FakeXhr } from './fakeXhr.ts';
import { serveSchema } from './schema.ts';

/**
 * The browser pieces jsdom lacks (adopted stylesheets, dialog modality, object URLs) and the network boundary, stubbed
 * the same way for every widget test file that calls it.
 */
export function useWidgetTestEnvironment() {
  beforeEach(() => {
    FakeXhr.requests = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    vi.stubGlobal('fetch', vi.fn(serveSchema()));
    let nextUrl = 0;
    URL.createObjectURL = vi.fn(() => `blob:test/${nextUrl++}`);
    URL.revokeObjectURL = vi.fn();
    // jsdom constructs stylesheets but has no adoptedStyleSheets: give each root the browsers' empty list.
    if (!('adoptedStyleSheets' in ShadowRoot.prototype)) {
      const adopted = new WeakMap<ShadowRoot, CSSStyleSheet[]>();
      Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
        get(this: ShadowRoot) {
          return adopted.get(this) ?? [];
        },
        set(this: ShadowRoot, sheets: CSSStyleSheet[]) {
          adopted.set(this, sheets);
        },
      });
    }
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
    localStorage.clear();
    // jsdom's navigator says en-US; the widget's default language comes from the page here.
    document.documentElement.lang = 'pt-BR';
  });
  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}
