import { LIMITS, countChars } from '../../contract/index.ts';

// C0/C1 controls (NUL included) and the bidirectional overrides that make "fdp.exe" display as
// "exe.pdf" (https://unicode.org/reports/tr36/#Bidirectional_Text_Spoofing).
const INVISIBLE_OR_CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// An extension longer than this is more likely part of the name than a type.
const MAX_EXTENSION_CHARS = 16;
// Characters Windows forbids in file names: an agent could not save the attachment under its name.
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
// Device names Windows reserves whatever the extension (`con.txt` opens the console, not a file).
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\.|$)/i;

/**
 * The name a customer's file is forwarded under: NFC-normalised, the last path segment only
 * (both `/` and `\`, since Windows browsers once sent full paths), without control characters,
 * surrounding whitespace, leading dots (no hidden or `..` names) or trailing dots (Windows drops
 * them: `a.exe.` is `a.exe`), with Windows' forbidden characters as `_` and its device names
 * (`CON`, `NUL`, `COM1`…) prefixed with `_`, and at most LIMITS.fileNameMaxChars characters with
 * the extension kept. May return '' (nothing usable).
 */
export function sanitizeFileName(raw: string): string {
  const normalised = raw.normalize('NFC');
  const lastSeparator = Math.max(normalised.lastIndexOf('/'), normalised.lastIndexOf('\\'));
  const cleaned = normalised
    .slice(lastSeparator + 1)
    .replace(INVISIBLE_OR_CONTROL, '')
    .replace(WINDOWS_FORBIDDEN, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const usable = WINDOWS_DEVICE.test(cleaned) ? `_${cleaned}` : cleaned;
  return capKeepingExtension(usable, LIMITS.fileNameMaxChars);
}

function capKeepingExtension(name: string, maxChars: number): string {
  if (countChars(name) <= maxChars) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot) : '';
  const keptExtension = countChars(extension) <= MAX_EXTENSION_CHARS ? extension : '';
  const stem = keptExtension === '' ? name : name.slice(0, dot);
  // Cut by code points so an emoji is never split into a lone surrogate.
  const stemChars = Array.from(stem).slice(0, maxChars - countChars(keptExtension));
  return stemChars.join('').trimEnd() + keptExtension;
}
