import { contrastRatio } from './contrast.ts';

/** The colours a drawn form shows, as computed by the browser. */
export interface FormLook {
  text: string;
  background: string;
  /** Hints and counters. */
  muted?: string;
  /** The Send button's background and text. */
  accent: string;
  onAccent: string;
  /** A field's border. */
  border: string;
  /** The attachments drop zone's text and background. */
  dropText?: string;
  dropBackground?: string;
}

/** A colour pair below WCAG 2.2 AA: what it is, its contrast, the least it needs. */
export interface ContrastWarning {
  pair: string;
  ratio: number;
  minimum: number;
}

// Text needs 4.5:1 (WCAG 1.4.3); what shows a control's edge or the focus needs 3:1 (1.4.11).
const PAIRS: ReadonlyArray<[string, keyof FormLook, keyof FormLook, number]> = [
  ['Texto sobre o fundo', 'text', 'background', 4.5],
  ['Dicas e contadores sobre o fundo', 'muted', 'background', 4.5],
  ['Texto do botão Enviar sobre a cor de destaque', 'onAccent', 'accent', 4.5],
  ['Cor de destaque (anel de foco) sobre o fundo', 'accent', 'background', 3],
  ['Borda dos campos sobre o fundo', 'border', 'background', 3],
  ['Texto da área de anexos sobre o fundo dela', 'dropText', 'dropBackground', 4.5],
];

/** Every pair of `look` that fails AA contrast, in the order a site owner would fix them. */
export function contrastWarnings(look: FormLook): ContrastWarning[] {
  const warnings: ContrastWarning[] = [];
  for (const [pair, foreground, background, minimum] of PAIRS) {
    const a = look[foreground];
    const b = look[background];
    if (!a || !b) continue;
    const ratio = contrastRatio(a, b);
    if (ratio < minimum) warnings.push({ pair, ratio, minimum });
  }
  return warnings;
}

/**
 * The colours of the form drawn in `host` (a `<tomticket-form>`), read from its shadow root's
 * computed styles, so what is judged is what the customer sees; undefined before it is drawn.
 */
export function readLook(host: HTMLElement): FormLook | undefined {
  const root = host.shadowRoot;
  const form = root?.querySelector('[part~=form]');
  const submit = root?.querySelector('[part~=submit]');
  const input = root?.querySelector('[part~=input]');
  if (!form || !submit || !input) return undefined;
  // The card's background is on the form's themed wrapper.
  const card = getComputedStyle(form.closest('.tt') ?? form);
  const style = (selector: string) => {
    const element = root!.querySelector(selector);
    return element ? getComputedStyle(element) : undefined;
  };
  const button = getComputedStyle(submit);
  const drop = style('[part~=dropzone]');
  return {
    text: card.color,
    background: card.backgroundColor,
    muted: style('[part~=field] small')?.color,
    accent: button.backgroundColor,
    onAccent: button.color,
    border: getComputedStyle(input).borderTopColor,
    dropText: drop?.color,
    dropBackground: drop?.backgroundColor,
  };
}
