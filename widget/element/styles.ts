import base from '../theme/base.css?inline';
import tokens from '../theme/tokens.css?inline';

/**
 * The stylesheets the element needs before any part is there (theme tokens, buttons), in cascade
 * order; the form and the launcher each adopt their own after it.
 */
export const ELEMENT_STYLES = tokens + base;
