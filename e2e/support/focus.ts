import type { Locator, Page } from '@playwright/test';

/** Where the keyboard focus is, described by what a person would call it. */
export interface FocusSpot {
  /** Outside any shadow root: the focused element of the page itself ('BODY' when nothing, or the browser's own UI, has it). */
  pageTag: string;
  /** Inside the widget: the focused element's tag, id and accessible-ish name; undefined when the focus is not in the widget. */
  inWidget?: { tag: string; id: string; name: string; inDialog: boolean };
}

/** The focus as seen from `host`'s shadow root (focus inside a shadow root shows as the host on the page). */
export async function focusSpot(page: Page, host: Locator): Promise<FocusSpot> {
  const handle = await host.elementHandle();
  return page.evaluate((element) => {
    const active = document.activeElement;
    const inner = active === element ? element?.shadowRoot?.activeElement : null;
    return {
      pageTag: active?.tagName ?? 'NONE',
      inWidget: inner
        ? {
            tag: inner.tagName,
            id: inner.id,
            name: inner.getAttribute('aria-label') ?? inner.textContent?.trim() ?? '',
            inDialog: inner.closest('dialog') !== null,
          }
        : undefined,
    };
  }, handle);
}
