// Header names whose values are credentials whatever they hold: written as `***` (a request's or
// an error's headers logged whole must not carry API 2.0's token or a customer's identity token).
const CREDENTIAL_KEYS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/**
 * A JSON-safe copy of a log detail with `cleanText` applied to every string and key in it, and the
 * value of every credential header (`Authorization`, `Cookie`…) replaced by `***`.
 * Errors become `{ name, message, code?, cause?, stack? }` (JSON.stringify would write `{}` for
 * them), cycles become "[Circular]", bigints become strings, functions and symbols are left out.
 */
export function toLoggable(value: unknown, cleanText: (text: string) => string): unknown {
  const ancestors = new WeakSet<object>();

  function copy(item: unknown): unknown {
    if (typeof item === 'string') return cleanText(item);
    if (typeof item === 'bigint') return cleanText(item.toString());
    if (typeof item === 'function' || typeof item === 'symbol') return undefined;
    if (typeof item !== 'object' || item === null) return item;
    if (ancestors.has(item)) return '[Circular]';
    ancestors.add(item);
    try {
      return copyObject(item);
    } finally {
      // Only ancestors make a cycle: the same object twice side by side is written twice.
      ancestors.delete(item);
    }
  }

  function copyObject(item: object): unknown {
    if (item instanceof Error) return copyError(item);
    if (item instanceof Date) return Number.isNaN(item.getTime()) ? 'Invalid Date' : item.toISOString();
    if (item instanceof URL) return cleanText(item.href);
    if (item instanceof Map) return copyEntries(item.entries());
    if (item instanceof Set) return [...item].map((entry) => copy(entry) ?? null);
    if (Array.isArray(item)) return item.map((entry) => copy(entry) ?? null);
    return copyEntries(Object.entries(item));
  }

  function copyEntries(entries: Iterable<[unknown, unknown]>): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    for (const [key, entry] of entries) {
      const copied = CREDENTIAL_KEYS.has(String(key).toLowerCase()) ? '***' : copy(entry);
      if (copied !== undefined) result[cleanText(String(key))] = copied;
    }
    return result;
  }

  function copyError(error: Error): Record<string, unknown> {
    const result: Record<string, unknown> = { name: cleanText(error.name), message: cleanText(error.message) };
    const { code, cause } = error as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' || typeof code === 'number') result.code = copy(code);
    if (cause !== undefined) result.cause = copy(cause);
    if (error instanceof AggregateError) result.errors = copy(error.errors);
    if (error.stack) result.stack = cleanText(error.stack);
    return result;
  }

  return copy(value);
}
