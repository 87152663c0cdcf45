import type { FormPart } from '../part/formPart.ts';
import { mountFormView } from './mountFormView.tsx';

/** The form part: what widget.js bundles and widget-form.js hands to launcher.js. */
export const formPart: FormPart = { mount: mountFormView };
