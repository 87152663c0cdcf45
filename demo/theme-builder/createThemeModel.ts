import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import { applyChoices } from './applyChoices.ts';
import { contrastWarnings, readLook, type ContrastWarning, type FormLook } from './contrastWarnings.ts';
import { DEFAULT_CHOICES, themeCss, themeElements, type ThemeChoices } from './themeChoices.ts';

/** The theme builder's state (read-only signals) and what changes it. */
export interface ThemeModel {
  choices: ReadonlySignal<ThemeChoices>;
  /** The colours the sample form shows now: what a colour control shows while its colour is not chosen. */
  look: ReadonlySignal<FormLook | undefined>;
  /** The CSS and the elements to paste. */
  css: ReadonlySignal<string>;
  elements: ReadonlySignal<string>;
  /** The colour pairs of the sample form below AA contrast. */
  warnings: ReadonlySignal<ContrastWarning[]>;
  /** Changes some choices; `undefined` takes a colour, size or font back to the default. */
  choose(change: Partial<ThemeChoices>): void;
  /** Reads the sample form's colours again (it was drawn, or the system's colour scheme changed). */
  refresh(): void;
  destroy(): void;
}

/**
 * A theme builder over the page's forms: each choice is applied to every `<tomticket-form>` at
 * once, and judged on `sample` (the inline form) as the browser draws it.
 */
export function createThemeModel(forms: () => Iterable<HTMLElement>, sample: HTMLElement): ThemeModel {
  const choices = signal<ThemeChoices>(DEFAULT_CHOICES);
  const look = signal<FormLook | undefined>(readLook(sample));
  const refresh = () => (look.value = readLook(sample));
  const stopApplying = effect(() => {
    applyChoices(forms(), choices.value);
    // The properties and attributes apply at once: the computed colours are the new ones.
    refresh();
  });
  // Drawn after the builder started; an `auto` form follows the system's colour scheme.
  sample.addEventListener('tomticket:ready', refresh);
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', refresh);
  return {
    choices,
    look,
    css: computed(() => themeCss(choices.value)),
    elements: computed(() => themeElements(choices.value)),
    warnings: computed(() => (look.value ? contrastWarnings(look.value) : [])),
    choose(change) {
      choices.value = { ...choices.value, ...change };
    },
    refresh,
    destroy() {
      stopApplying();
      sample.removeEventListener('tomticket:ready', refresh);
      scheme.removeEventListener('change', refresh);
    },
  };
}
