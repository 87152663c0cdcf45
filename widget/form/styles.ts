import attachments from '../attachments/attachments.css?inline';
import form from './Form.css?inline';

/** The form's own stylesheets, adopted after the element's (see element/styles.ts). */
export const FORM_STYLES = form + attachments;
