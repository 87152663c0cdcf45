import launcher from '../launcher/Launcher.css?inline';
import base from '../theme/base.css?inline';
import tokens from '../theme/tokens.css?inline';

/** The stylesheets the element needs before the form is there (theme, buttons, launcher), in cascade order. */
export const ELEMENT_STYLES = tokens + base + launcher;
