import type { CustomField, FormSchema, Locale } from '../../contract/index.ts';

/** The site owner's configuration file (FORM_CONFIG), as written: every key optional. */
export interface FormConfigFile {
  /** Departments to show, in this order, with renames and custom fields. */
  departments?: FormConfigDepartment[];
  /** When true (the default once `departments` is given), departments not listed are hidden. */
  onlyListedDepartments?: boolean;
  /** Ask the customer's name (default true). */
  askName?: boolean;
  /** Priority preselected in the form (default 1). */
  defaultPriority?: number;
  /** A consent the customer must give to send (LGPD, GDPR); absent: none asked. */
  consent?: FormConfigConsent;
}

/**
 * The consent of the configuration file: a required checkbox whose label is `text` in the form's
 * language, its `[bracketed]` part linking to `url` (one address, or one per language).
 */
export interface FormConfigConsent {
  /** Names this text: every ticket records it with the consent. Change it whenever the text or the policy changes. */
  version: string;
  text: Record<Locale, string>;
  url: string | Record<Locale, string>;
  /** A custom field id that also records the consent (the message always does). */
  field?: string;
}

/** One department entry of the configuration file. */
export interface FormConfigDepartment {
  /** TomTicket's department id. */
  id: string;
  /** Shown instead of TomTicket's name. */
  name?: string;
  /** Categories to offer (ids); default all of the department's. */
  categories?: string[];
  categoryRequired?: boolean;
  /**
   * Legacy API: the department's custom fields, each complete. API 2.0: changes to the fields the
   * account describes (by id), in the order to show them.
   */
  fields?: FormConfigField[];
  /** API 2.0: show only the account's fields listed in `fields` (default false: the others follow them). */
  onlyListedFields?: boolean;
}

/**
 * A custom field as the configuration file gives it. On the legacy API every field is complete
 * (a {@link CustomField}: `label` and `type` required, checked when the file is loaded). On API
 * 2.0 it changes a field the account describes: any key given replaces TomTicket's (see README
 * "The form configuration file"), `hidden` leaves the field out.
 */
export interface FormConfigField extends Partial<Omit<CustomField, 'id'>> {
  id: string;
  /** API 2.0: do not show this field of the account. */
  hidden?: boolean;
}

/** How a configuration file is read: whether custom fields come from the account (API 2.0) or only from the file. */
export interface FormConfigReading {
  fieldsFromAccount: boolean;
}

/** A configured field complete enough to be shown on its own (the legacy API's fields). */
export type CompleteConfigField = CustomField & FormConfigField;

/** Where the form schema comes from now, for /healthz. */
export type SchemaStatus =
  /** TomTicket's listing from this run; `fresh` false while refreshes fail (the last one is served). */
  | { source: 'tomticket'; listedAt: string; fresh: boolean }
  /** The listing an earlier run kept on disk: TomTicket has not answered this run yet; tickets are queued. */
  | { source: 'saved'; listedAt: string; fresh: false }
  /** None: TomTicket never answered (`tried`: it was asked and failed), so tickets cannot be checked and are refused. */
  | { source: 'none'; fresh: false; tried: boolean };

/** What a custom field the server fills itself is for: the context (CONTEXT_FIELD) or the consent (its `field`). */
export type ServerFieldRole = 'context' | 'consent';

/** A custom field the server fills itself, never shown in the form, with where it is asked. */
export interface ServerField extends Pick<CustomField, 'id' | 'required' | 'categories'> {
  role: ServerFieldRole;
  /** The longest value it takes (its own maximum, else the custom fields'). */
  maxLength: number;
}

/**
 * The form schema as the server keeps it: what `GET /api/form` answers, and, by department id,
 * the custom fields the server fills itself (taken out of the department's `fields`), which it
 * never sends the widget.
 */
export interface ServerFormSchema extends FormSchema {
  serverFields?: Readonly<Record<string, readonly ServerField[]>>;
}

/** Gives the current form schema: cached upstream listing merged with the site owner's config. */
export interface FormSchemaSource {
  /** The schema; served from cache when fresh. Throws an UpstreamError when it has never been had. */
  get(): Promise<ServerFormSchema>;
  /** Where the schema comes from now (without a call). Optional, so stand-ins in tests need not have it. */
  status?(): SchemaStatus;
}
