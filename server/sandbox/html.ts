import { escapeHtml } from '../http/escape-html.ts';
/** Markup that is already safe to place in a page: only {@link html} makes it. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** A value that can sit in an {@link html} template: text is escaped, SafeHtml is kept, lists are joined. */
export type HtmlValue = SafeHtml | string | number | null | undefined | readonly HtmlValue[];

/**
 * Builds markup from a template, escaping every interpolated text so nothing a customer typed can
 * become markup. Write only attribute values in double quotes, the one quoting this escapes for.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let markup = strings[0] ?? '';
  values.forEach((value, i) => {
    markup += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined) return '';
  return escapeHtml(String(value));
}
