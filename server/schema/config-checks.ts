/** Problems found in the configuration, each as `where: what is wrong`. */
export type Problems = string[];

/** Whether a value is a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a JSON value reads in a message: `"radio"`, `a number (3)`, `an array`… */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** Reports every key of `object` not in `allowed`, naming the keys that are. */
export function checkKeys(object: Record<string, unknown>, allowed: readonly string[], where: string, problems: Problems): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      problems.push(`${where}${where ? '.' : ''}${key}: unknown key; allowed here: ${allowed.join(', ')}`);
    }
  }
}

/** A non-empty string (after trimming) of at most `maxChars` characters, or a reported problem. */
export function checkText(value: unknown, where: string, problems: Problems, maxChars?: number): value is string {
  if (typeof value !== 'string') {
    problems.push(`${where}: must be a string, got ${describeValue(value)}`);
    return false;
  }
  if (value.trim() === '') {
    problems.push(`${where}: must not be empty`);
    return false;
  }
  if (maxChars !== undefined && Array.from(value).length > maxChars) {
    problems.push(`${where}: must be at most ${maxChars} characters`);
    return false;
  }
  return true;
}

/** A boolean, or a reported problem. */
export function checkBoolean(value: unknown, where: string, problems: Problems): value is boolean {
  if (typeof value === 'boolean') return true;
  problems.push(`${where}: must be true or false, got ${describeValue(value)}`);
  return false;
}

/** A list of distinct non-empty strings, or reported problems. */
export function checkIdList(value: unknown, where: string, problems: Problems, maxChars: number): value is string[] {
  if (!Array.isArray(value)) {
    problems.push(`${where}: must be a list of ids, got ${describeValue(value)}`);
    return false;
  }
  const before = problems.length;
  const seen = new Set<string>();
  value.forEach((item, index) => {
    if (!checkText(item, `${where}[${index}]`, problems, maxChars)) return;
    if (seen.has(item)) problems.push(`${where}[${index}]: ${describeValue(item)} is listed twice`);
    seen.add(item);
  });
  return problems.length === before;
}
