import type { Options } from './options.ts';

/**
 * The element's attributes and the option each sets: the one table the element observes and the
 * package's typings (JSX, Vue) are derived from, so neither can name an attribute the other lacks.
 */
export const TEXT_ATTRIBUTES = {
  endpoint: 'endpoint',
  lang: 'lang',
  theme: 'theme',
  mode: 'mode',
  department: 'department',
  email: 'email',
  name: 'name',
  identity: 'identity',
  'draft-key': 'draftKey',
  context: 'context',
  position: 'position',
  'launcher-label': 'launcherLabel',
} as const satisfies Record<string, keyof Options>;

/** The element's boolean attribute: present (any value) or absent. */
export const LOCKED_ATTRIBUTE = 'department-locked';

/** The value an attribute accepts: the string values of its option (`context`: "full" | "off"), any text for a free one. */
type AttributeValue<Option extends keyof Options> = Options[Option] extends string ? Options[Option] : Extract<Options[Option], string>;

/**
 * `<tomticket-form>`'s attributes as a page (or a JSX/Vue template) writes them. Free-text
 * attributes take any string; the enumerated ones their values (`theme="dark"`).
 */
export type TomTicketFormAttributes = {
  -readonly [Attribute in keyof typeof TEXT_ATTRIBUTES]?: AttributeValue<(typeof TEXT_ATTRIBUTES)[Attribute]>;
} & {
  /** Hide the department choice when `department` names one of the form's departments. */
  [LOCKED_ATTRIBUTE]?: boolean | '';
};
