import { LIMITS } from '../../contract/index.ts';
import type { ReceivedForm } from './read-form-body.ts';

/** What a ticket form of either API is made of, and how the account reads it. */
export interface TicketFormShape {
  /** Names that may come once each. */
  single: ReadonlySet<string>;
  /** A custom field's name, the id in its first group: `campos[<id>]` or `custom_field[<id>]`. */
  customField: RegExp;
  /** Whether a name is one files come under (then a text value under it is refused). */
  isAttachmentName(name: string): boolean;
  /** Whether files may repeat this name (`anexos[]`), instead of each file having its own. */
  repeatsFileName(name: string): boolean;
  /** How long a value is, as the account counts. */
  length(value: string): number;
}

/** The refusal texts of a ticket form, in the API's language. */
export interface TicketFormMessages {
  duplicateField(field: string): string;
  tooLong(field: string, max: number): string;
  fileExpected(field: string): string;
  unknownField(field: string): string;
  required(field: string): string;
}

/** The form's text read by name, or the first reason to refuse it. */
export type TicketFields = { ok: true; single: Map<string, string>; customFields: Map<string, string> } | { ok: false; message: string };

/**
 * Reads a ticket form strictly, the same way for both APIs: every single field once, every custom
 * field once and within TomTicket's 250, no text under a file's name, no unknown name, no file name
 * twice; then the `lengths` rules (name, most, required), where an empty optional value is refused
 * too (sending `category_id=""` is a mapping mistake).
 */
export function readTicketFields(
  form: ReceivedForm,
  shape: TicketFormShape,
  lengths: ReadonlyArray<[name: string, max: number, required: boolean]>,
  messages: TicketFormMessages,
): TicketFields {
  const refuse = (message: string): TicketFields => ({ ok: false, message });
  const single = new Map<string, string>();
  // A Map, so that an id like `__proto__` is kept as data like any other.
  const customFields = new Map<string, string>();
  for (const { name, value } of form.fields) {
    const customFieldId = shape.customField.exec(name)?.[1];
    if (shape.single.has(name)) {
      if (single.has(name)) return refuse(messages.duplicateField(name));
      single.set(name, value);
    } else if (customFieldId !== undefined) {
      if (customFields.has(customFieldId)) return refuse(messages.duplicateField(name));
      if (shape.length(value) > LIMITS.customFieldMaxChars) return refuse(messages.tooLong(name, LIMITS.customFieldMaxChars));
      customFields.set(customFieldId, value);
    } else if (shape.isAttachmentName(name)) {
      return refuse(messages.fileExpected(name));
    } else {
      return refuse(messages.unknownField(name));
    }
  }
  const fileNames = new Set<string>();
  for (const file of form.files) {
    if (shape.repeatsFileName(file.fieldName)) continue;
    if (fileNames.has(file.fieldName)) return refuse(messages.duplicateField(file.fieldName));
    fileNames.add(file.fieldName);
  }
  for (const [name, max, required] of lengths) {
    const value = single.get(name);
    if (value === undefined ? required : value.trim() === '') return refuse(messages.required(name));
    if (value !== undefined && shape.length(value) > max) return refuse(messages.tooLong(name, max));
  }
  return { ok: true, single, customFields };
}
