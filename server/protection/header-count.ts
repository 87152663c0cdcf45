import type { Refusal } from './types.ts';

/** Browsers send about twenty request headers; proxies add a few. */
export const MAX_REQUEST_HEADERS = 100;

/**
 * Refuses a request with more than {@link MAX_REQUEST_HEADERS} header lines with 431. Counted as
 * sent (`lines`, from Node's rawHeaders) where the runtime tells: the Headers object merges
 * repeated names into one, so 1500 lines of `X-A: 1` would count as one header. Node drops lines
 * past its own limit (2000) without a word, so without this such a request would go on with some
 * of its headers silently missing. Without `lines`, the distinct names are counted.
 */
export function checkHeaderCount(headers: Headers, lines?: number): Refusal | undefined {
  let count = lines ?? 0;
  if (lines === undefined) for (const _ of headers.keys()) count++;
  if (count > MAX_REQUEST_HEADERS) {
    return { status: 431, code: 'request_too_large', message: `A request may carry at most ${MAX_REQUEST_HEADERS} headers.` };
  }
  return undefined;
}
