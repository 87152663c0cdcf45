import type { FormSchema } from '../../contract/index.ts';
import type { Problem } from '../i18n/strings.ts';

/** The form schema, or why it could not be had. */
export type SchemaResult = { ok: true; schema: FormSchema } | { ok: false; error: Problem };

/** Fetches `GET {endpoint}/api/form`; a network failure or an error answer is a value, never a throw. */
export async function loadSchema(endpoint: string, signal: AbortSignal): Promise<SchemaResult> {
  try {
    const response = await fetch(`${endpoint}/api/form`, { signal });
    const body = await response.json();
    if (response.ok && Array.isArray(body?.departments)) return { ok: true, schema: body };
    return { ok: false, error: { code: 'internal', ...body?.error } };
  } catch (error) {
    return { ok: false, error: { code: 'network', message: String(error) } };
  }
}
