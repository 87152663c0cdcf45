/**
 * The widget with every part bundled, as the unit tests run it: jsdom runs no <script src>, so the
 * loading of parts from their files is tested in Chromium (e2e/), and here what they do once there.
 */
import { sendPart } from '../api/sendPart.ts';
import { startWidget } from '../element/startWidget.ts';
import { formPart } from '../form/formPart.ts';
import { launcherPart } from '../launcher/launcherPart.ts';

startWidget({ form: formPart, launcher: launcherPart, send: sendPart });
