import type { FormPart } from './formPart.ts';
import { FORM_PART_EVENT } from './partFile.ts';

/** Hands `part` to the loader that added this script (see createFormPartLoader). */
export function announceFormPart(part: FormPart): void {
  document.currentScript?.dispatchEvent(new CustomEvent(FORM_PART_EVENT, { detail: part }));
}
