import { NO_CATEGORY } from '../../contract/index.ts';
import type { UpstreamCustomField, UpstreamCustomFields } from '../tomticket/types.ts';

/** One field of a department as the account binds it: where it applies, among the choices the form offers. */
export interface ScopedAccountField {
  field: UpstreamCustomField;
  /**
   * The form's `categories` for it: undefined when it applies whatever the customer chooses, else
   * the category ids (NO_CATEGORY for "none chosen") where it does. Never empty.
   */
  categories?: string[];
}

/**
 * A department's account fields, each once, in TomTicket's order (the no-category ones, then each
 * category's), with where each applies among the choices the form offers: its offered categories,
 * and "no category" unless choosing one is required (or there is none to choose, then only that).
 * A field that applies to none of those choices is left out: it could never be asked.
 */
export function scopeAccountFields(
  fields: UpstreamCustomFields,
  offeredCategories: readonly string[],
  categoryRequired: boolean,
): ScopedAccountField[] {
  const choices = offeredCategories.length === 0 ? [NO_CATEGORY] : categoryRequired ? [...offeredCategories] : [NO_CATEGORY, ...offeredCategories];
  const bindings = new Map<string, { field: UpstreamCustomField; applies: Set<string> }>();
  const bind = (list: readonly UpstreamCustomField[], categoryId: string) => {
    for (const field of list) {
      const known = bindings.get(field.id);
      if (known) known.applies.add(categoryId);
      else bindings.set(field.id, { field, applies: new Set([categoryId]) });
    }
  };
  bind(fields.noCategory, NO_CATEGORY);
  for (const [categoryId, list] of Object.entries(fields.byCategory)) bind(list, categoryId);

  const scoped: ScopedAccountField[] = [];
  for (const { field, applies } of bindings.values()) {
    const within = choices.filter((choice) => applies.has(choice));
    if (within.length === 0) continue;
    scoped.push(within.length === choices.length ? { field } : { field, categories: within });
  }
  return scoped;
}
