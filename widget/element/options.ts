import type { ContextSetting } from '../context/collectContext.ts';
import type { StringOverrides } from '../i18n/strings.ts';

/** Everything that configures one form: an element's attributes, or mount()'s options. */
export interface Options {
  /** The companion server's URL; '' means the folder widget.js was loaded from. */
  endpoint: string;
  /** 'pt-BR', 'en' or 'es'; '' means the page's <html lang>, then the browser's language. */
  lang: string;
  theme: 'light' | 'dark' | 'auto';
  /** 'inline' draws the form in place; 'launcher' a floating button that opens it in a dialog. */
  mode: 'inline' | 'launcher';
  /** Department id to preselect. */
  department: string;
  /** Hide the department choice when `department` names one of the form's departments. */
  departmentLocked: boolean;
  /** Prefilled customer e-mail and name. */
  email: string;
  name: string;
  /** The customer's identity token (a short-lived JWT from the site's backend): e-mail and name are then not asked. */
  identity: string;
  /** Text overrides for this form, per locale. */
  strings: StringOverrides;
  /** Keep a draft of what is typed in localStorage. */
  draft: boolean;
  /**
   * The draft's name: forms with the same one share it across pages (e.g. one launcher on every
   * page). '' means the page path plus the element's id.
   */
  draftKey: string;
  /**
   * What each ticket carries of the page and the device for the agents: `true` (the default, the
   * attribute absent or any other value) the page's address without query and fragment, its
   * title, browser, system, device, screen and window sizes, language and time zone; `'full'`
   * the whole address; `false` or `'off'` nothing.
   */
  context: ContextSetting;
  /** Launcher mode: the corner of the screen its button sits in, and its panel opens from. */
  position: 'bottom-right' | 'bottom-left';
  /** Launcher mode: what the button shows: its text and an icon, the text alone, or the icon alone (the text stays its accessible name). */
  launcherLabel: 'both' | 'label' | 'icon';
}

/** What users pass: any subset of {@link Options}. */
export type MountOptions = Partial<Options>;

/** Every option's value when none is given. */
export const DEFAULTS = {
  endpoint: '',
  lang: '',
  theme: 'auto',
  mode: 'inline',
  department: '',
  departmentLocked: false,
  email: '',
  name: '',
  identity: '',
  strings: {},
  draft: true,
  draftKey: '',
  context: true,
  position: 'bottom-right',
  launcherLabel: 'both',
} satisfies Options;

/** Complete options: `given` over {@link DEFAULTS}, the endpoint resolved against `base`, unknown enum values defaulted. */
export function resolveOptions(given: MountOptions, base: string): Options {
  const options: Options = { ...DEFAULTS, ...given };
  return {
    ...options,
    endpoint: (options.endpoint || base).replace(/\/+$/, ''),
    theme: options.theme === 'light' || options.theme === 'dark' ? options.theme : 'auto',
    mode: options.mode === 'launcher' ? 'launcher' : 'inline',
  };
}
