import type { ConsentSchema } from './consent.ts';
import type { Limits } from './limits.ts';
import type { Priority } from './priority.ts';
import type { TextRules } from './sent-text.ts';

/** The custom-field kinds a site owner can define. */
export const CUSTOM_FIELD_TYPES = ['text', 'textarea', 'number', 'email', 'date', 'select', 'checkbox'] as const;

/** One of {@link CUSTOM_FIELD_TYPES}. */
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** One choice of a `select` custom field: `value` is what TomTicket stores, `label` what people see. */
export interface FieldOption {
  value: string;
  label: string;
}

/** A custom field, sent to TomTicket as `campos[<id>]`. */
export interface CustomField {
  /** TomTicket's field id: the `<id>` in `campos[<id>]` and `fields[<id>]`. */
  id: string;
  label: string;
  type: CustomFieldType;
  required: boolean;
  /** Help text shown under the field. */
  help?: string;
  /** For `select`: the allowed values. */
  options?: FieldOption[];
  /** For text-like fields: the most characters accepted (never more than LIMITS.customFieldMaxChars). */
  maxLength?: number;
  /** For `number`: inclusive bounds. */
  min?: number;
  max?: number;
  /**
   * When set, the field applies only to these category ids of its department; {@link NO_CATEGORY}
   * among them means "also while no category is chosen" (a field TomTicket binds to the department
   * without a category). Absent: the field applies whatever the category.
   */
  categories?: string[];
}

/**
 * The category id that stands for "no category chosen" in {@link CustomField.categories}: the
 * value the form's category choice has while it is empty.
 */
export const NO_CATEGORY = '';

/**
 * Whether a custom field is asked for a ticket with `categoryId` (empty or undefined: no category
 * chosen). Widget and server both decide with this, so they never disagree on which fields apply.
 */
export function customFieldApplies(field: Pick<CustomField, 'categories'>, categoryId: string | undefined): boolean {
  return field.categories === undefined || field.categories.includes(categoryId ?? NO_CATEGORY);
}

/** A TomTicket category (`id_tipoassunto`). */
export interface Category {
  id: string;
  name: string;
}

/** A TomTicket department (`id_departamento`) with what a ticket to it can carry. */
export interface Department {
  id: string;
  name: string;
  categories: Category[];
  fields: CustomField[];
  /** Whether choosing a category is required for this department. */
  categoryRequired: boolean;
}

/** What `GET /api/form` answers: everything the widget needs to draw and check the form. */
export interface FormSchema {
  departments: Department[];
  priorities: Priority[];
  defaultPriority: Priority;
  limits: Limits;
  /** How the message is sent and how the limits are counted: the widget's counters count the same way. */
  textRules: TextRules;
  customer: {
    /** The customer must type an e-mail (always true unless the server sends tickets as one fixed customer). */
    emailRequired: boolean;
    /** Whether the name field is shown and required. */
    nameRequired: boolean;
  };
  /** The consent the customer must give to send (FORM_CONFIG's `consent`); absent: none asked. */
  consent?: ConsentSchema;
}
