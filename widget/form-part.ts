/** widget-form.js: the form part launcher.js loads on intent; it hands itself to the loader. */
import { formPart } from './form/formPart.ts';
import { announcePart } from './part/announcePart.ts';

announcePart(formPart);
