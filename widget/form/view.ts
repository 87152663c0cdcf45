import type { ReadonlySignal } from '@preact/signals';
import type { I18n } from '../i18n/translate.ts';
import type { FormModel } from '../model/types.ts';

/** What every component of one form reads, handed down as its props: the model and the texts. */
export interface View extends I18n {
  model: FormModel;
  /** The texts as a signal, for computeds bound into JSX: they follow a change of language. */
  i18n: ReadonlySignal<I18n>;
}
