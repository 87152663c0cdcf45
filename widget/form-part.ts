/** widget-form.js: the form part launcher.js loads on intent; it hands itself to the loader. */
import { formPart } from './form/formPart.ts';
import { announceFormPart } from './part/announceFormPart.ts';

announceFormPart(formPart);
