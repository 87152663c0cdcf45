import type { Refusal } from './types.ts';

/** Browsers send about twenty request headers; proxies add a few. */
export const MAX_REQUEST_HEADERS = 100;

/**
 * Refuses a request with more than {@link MAX_REQUEST_HEADERS} distinct headers with 431. Node
 * drops headers past its own count limit without a word, so without this such a request would
 * go on with some of its headers silently missing.
 */
export function checkHeaderCount(headers: Headers): Refusal | undefined {
  let count = 0;
  for (const _ of headers.keys()) {
    if (++count > MAX_REQUEST_HEADERS) {
      return { status: 431, code: 'request_too_large', message: `A request may carry at most ${MAX_REQUEST_HEADERS} headers.` };
    }
  }
  return undefined;
}
