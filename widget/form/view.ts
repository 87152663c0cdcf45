import type { Options } from '../element/options.ts';
import type { I18n } from '../i18n/translate.ts';
import type { FormModel } from '../model/createFormModel.ts';

/** What every component of one form reads, handed down as its props: the model, the texts, the options. */
export interface View extends I18n {
  model: FormModel;
  options: Options;
}

