import { customProperties, DEFAULT_CHOICES, themeAttributes, type ThemeChoices } from './themeChoices.ts';

/** Every custom property the builder may set, so a choice taken back is removed from the forms too. */
const MANAGED_PROPERTIES = Object.keys(
  customProperties({ ...DEFAULT_CHOICES, accent: '#000', text: '#000', background: '#000', radius: 0, fontFamily: 'a', fontSize: 1 }),
);
const MANAGED_ATTRIBUTES = ['theme', 'position', 'launcher-label'];

/**
 * Gives each of `forms` (`<tomticket-form>` elements of the page) the look of `choices`, as the
 * pasted CSS and attributes would: the custom properties on the element (through the CSSOM,
 * which the page's strict CSP allows where a style attribute would not) and the attributes.
 */
export function applyChoices(forms: Iterable<HTMLElement>, choices: ThemeChoices): void {
  const properties = customProperties(choices);
  for (const form of forms) {
    for (const name of MANAGED_PROPERTIES) {
      if (properties[name]) form.style.setProperty(name, properties[name]);
      else form.style.removeProperty(name);
    }
    const attributes = new Map(themeAttributes(choices, form.getAttribute('mode') === 'launcher'));
    for (const name of MANAGED_ATTRIBUTES) {
      const value = attributes.get(name);
      if (value === undefined) form.removeAttribute(name);
      else if (form.getAttribute(name) !== value) form.setAttribute(name, value);
    }
  }
}
