import { afterEach, beforeEach, vi } from 'vitest';
import { FakeXhr } from './fakeXhr.ts';
import { serveSchema } from './schema.ts';

/**
 * The browser pieces jsdom lacks (dialog modality, object URLs) and the network boundary, stubbed
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
