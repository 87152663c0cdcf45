import { ELEMENT_STYLES } from '../widget/element/styles.ts';
import { FORM_STYLES } from '../widget/form/styles.ts';
(window as any).x = [ELEMENT_STYLES, FORM_STYLES];
