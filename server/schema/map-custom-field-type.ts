import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../contract/index.ts';
import type { UpstreamCustomField } from '../tomticket/types.ts';

// TomTicket's type codes as the only integration that reads them draws them ([code] C3 in
// docs/tomticket-api-v2.md §7): 1 one line, 2 several lines, 3 a list. No source shows another.
const TOMTICKET_TYPES: Record<string, CustomFieldType> = { '1': 'text', '2': 'textarea', '3': 'select' };
// A type given as a word instead [guess: tolerance only]; `list` is TomTicket's own name for a select.
const TYPE_WORDS: Record<string, CustomFieldType> = { list: 'select', lista: 'select', texto: 'text', textarea: 'textarea' };

/**
 * The widget type an account field is drawn as, or undefined when the widget cannot draw it: a type
 * code no source has shown (its value format is unknown: a wrong one could be refused or stored
 * wrong), or a list without options (nothing valid could be chosen).
 */
export function widgetTypeOf(field: Pick<UpstreamCustomField, 'type' | 'options'>): CustomFieldType | undefined {
  const word = field.type.trim().toLowerCase();
  const type = TOMTICKET_TYPES[word] ?? TYPE_WORDS[word] ?? ((CUSTOM_FIELD_TYPES as readonly string[]).includes(word) ? (word as CustomFieldType) : undefined);
  if (type === 'select' && field.options.length === 0) return undefined;
  return type;
}
