/** The parsers {@link readConfig} applies to environment variables; each throws a ConfigError naming the variable. */

/** Thrown when an environment variable holds a value the server cannot run with. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The variable's value with surrounding whitespace removed, or undefined when unset or blank. */
export function readText(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A whole number within [min, max]; `fallback` when unset. */
export function readInteger(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { min: number; max?: number },
): number {
  const text = readText(env, name);
  if (text === undefined) return fallback;
  const value = /^[+]?\d+$/.test(text) ? Number(text) : Number.NaN;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < range.min || value > max) {
    const bounds = range.max === undefined ? `at least ${range.min}` : `from ${range.min} to ${range.max}`;
    throw new ConfigError(`${name} must be a whole number ${bounds}, got "${text}"`);
  }
  return value;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** true/false (also 1/0, yes/no, on/off, any case); `fallback` when unset. */
export function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = readText(env, name);
  if (text === undefined) return fallback;
  const word = text.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

/** An http(s) URL without trailing slashes; `fallback` when unset. */
export function readBaseUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const text = readText(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must be an http(s) URL, got "${text}"`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${name} must not carry a query or fragment, got "${text}"`);
  }
  return text.replace(/\/+$/, '');
}

/**
 * A comma-separated list of exact origins (`https://www.example.com`, no path). A trailing slash
 * is forgiven since people copy origins out of the address bar; anything else that a browser
 * would never send as `Origin` is refused, so a typo fails at start-up instead of as a 403 later.
 */
export function readOrigins(env: NodeJS.ProcessEnv, name: string): string[] {
  const text = readText(env, name);
  if (text === undefined) return [];
  const origins: string[] = [];
  for (const item of text.split(',')) {
    const candidate = item.trim().replace(/\/$/, '');
    if (candidate === '') continue;
    let origin: string | undefined;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin === undefined || origin.toLowerCase() !== candidate.toLowerCase()) {
      throw new ConfigError(
        `${name} must list exact origins like https://www.example.com (scheme, host, optional port; no path), got "${item.trim()}"`,
      );
    }
    origins.push(origin);
  }
  return origins;
}
