import { readableOn } from './contrast.ts';

/** What the theme builder lets a site owner choose; an absent colour, size or font keeps the widget's default. */
export interface ThemeChoices {
  accent?: string;
  text?: string;
  background?: string;
  /** Corner radius, px. */
  radius?: number;
  fontFamily?: string;
  /** Base font size, px. */
  fontSize?: number;
  theme: 'light' | 'dark' | 'auto';
  /** The launcher's corner. */
  position: 'bottom-right' | 'bottom-left';
  /** What the launcher's button shows. */
  launcherLabel: 'both' | 'label' | 'icon';
}

/** The widget's own defaults for what is not a custom property (README, Attributes). */
export const DEFAULT_CHOICES: ThemeChoices = { theme: 'auto', position: 'bottom-right', launcherLabel: 'both' };

/**
 * The custom properties of `choices`, by name, as set on `tomticket-form`: only what was chosen.
 * A chosen accent brings the text colour that reads best on it, so the Send button stays legible.
 */
export function customProperties(choices: ThemeChoices): Record<string, string> {
  const properties: Record<string, string> = {};
  if (choices.accent) {
    properties['--tt-accent'] = choices.accent;
    properties['--tt-on-accent'] = readableOn(choices.accent);
  }
  if (choices.text) properties['--tt-text'] = choices.text;
  if (choices.background) properties['--tt-bg'] = choices.background;
  if (choices.radius !== undefined) properties['--tt-radius'] = `${choices.radius}px`;
  if (choices.fontFamily) properties['--tt-font-family'] = choices.fontFamily;
  if (choices.fontSize !== undefined) properties['--tt-font-size'] = `${choices.fontSize}px`;
  return properties;
}

/** The CSS a site pastes into its stylesheet for `choices`. */
export function themeCss(choices: ThemeChoices): string {
  const lines = Object.entries(customProperties(choices)).map(([name, value]) => `  ${name}: ${value};`);
  return lines.length ? `tomticket-form {\n${lines.join('\n')}\n}` : '/* Nada a mudar: o tema padrão do formulário. */';
}

/** Attribute name → value of `choices` for an inline form, or for a launcher. */
export function themeAttributes(choices: ThemeChoices, launcher: boolean): Array<[string, string]> {
  const attributes: Array<[string, string]> = launcher ? [['mode', 'launcher']] : [];
  if (choices.theme !== DEFAULT_CHOICES.theme) attributes.push(['theme', choices.theme]);
  if (launcher && choices.position !== DEFAULT_CHOICES.position) attributes.push(['position', choices.position]);
  if (launcher && choices.launcherLabel !== DEFAULT_CHOICES.launcherLabel) attributes.push(['launcher-label', choices.launcherLabel]);
  return attributes;
}

/** The elements a site pastes for `choices`: the inline form, and the launcher. */
export function themeElements(choices: ThemeChoices): string {
  const element = (launcher: boolean) =>
    `<tomticket-form${themeAttributes(choices, launcher)
      .map(([name, value]) => ` ${name}="${value}"`)
      .join('')}></tomticket-form>`;
  return `${element(false)}\n${element(true)}`;
}
