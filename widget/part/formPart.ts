import type { Options } from '../element/options.ts';
import type { StringOverrides } from '../i18n/strings.ts';
import type { Prefill } from '../model/types.ts';
import type { SendPart } from './sendPart.ts';

/** Where a form keeps its draft: the storage key, usable only while no other form on the page has it. */
export interface DraftSlot {
  key: string;
  usable(): boolean;
}

/** What a form starts from: the element it speaks for (events), its options, the page's string overrides, its draft. */
export interface FormStart {
  host: HTMLElement;
  options: Options;
  pageStrings: readonly StringOverrides[];
  draft?: DraftSlot;
  /** Loads the send part (see SendPart); a failed load is tried again by the next call. */
  loadSendPart(): Promise<SendPart>;
}

/** A form drawn by the part: the verbs the element forwards to it. */
export interface PartForm {
  update(options: Options): void;
  setPageStrings(strings: readonly StringOverrides[]): void;
  prefill(values: Prefill): void;
  reset(): void;
  destroy(): void;
}

/**
 * The form itself (Preact, signals, the model, the fields, the locales): bundled into widget.js,
 * loaded on intent by launcher.js from {@link PART_FILES}`.form`.
 */
export interface FormPart {
  /** Draws a form into `container` (inside the element's shadow root). */
  mount(container: HTMLElement, start: FormStart): PartForm;
}
