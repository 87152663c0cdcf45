/**
 * What a sent checkbox value means: `true` or `on` (a plain HTML form) is checked, `false` or
 * nothing is unchecked, anything else is undefined: not a checkbox answer.
 */
export function checkboxState(value: string): 'checked' | 'unchecked' | undefined {
  if (value === 'true' || value === 'on') return 'checked';
  return value === 'false' || value === '' ? 'unchecked' : undefined;
}
