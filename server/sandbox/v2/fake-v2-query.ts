import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';

/** A query read strictly: each key once, only the keys the endpoint knows. */
export type QueryResult = { ok: true; values: Map<string, string> } | { ok: false; message: string };

/**
 * The query of an API 2.0 GET, refusing unknown and repeated keys: stricter than TomTicket may be,
 * so that a name the server gets wrong shows up as a refusal in the tests.
 */
export function readQuery(url: URL, known: readonly string[]): QueryResult {
  const values = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    if (!known.includes(key)) return { ok: false, message: FAKE_V2_MESSAGES.unknownField(key) };
    if (values.has(key)) return { ok: false, message: FAKE_V2_MESSAGES.duplicateField(key) };
    values.set(key, value);
  }
  return { ok: true, values };
}
