import launcher from '../launcher/Launcher.css?inline';
import attachments from '../attachments/attachments.css?inline';
import form from '../form/Form.css?inline';
import tokens from '../theme/tokens.css?inline';

/** Every stylesheet of the widget, in cascade order, for one constructed sheet per shadow root. */
export const STYLES = tokens + form + attachments + launcher;
