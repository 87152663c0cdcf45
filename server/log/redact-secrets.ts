import { createRedactor } from './create-redactor.ts';

/**
 * `text` with every secret replaced by `***`, raw, URL-encoded, form-encoded or JSON-escaped.
 * For many texts with the same secrets, {@link createRedactor} prepares the work once.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return createRedactor(secrets)(text);
}
