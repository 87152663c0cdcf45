import type { CustomField, FormSchema } from '../../contract/index.ts';

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
  fields?: CustomField[];
}

/** Gives the current form schema: cached upstream listing merged with the site owner's config. */
export interface FormSchemaSource {
  /** The schema; served from cache when fresh. Throws an UpstreamError when it has never been had. */
  get(): Promise<FormSchema>;
}
