import { SUBMISSION_FIELDS } from '../../contract/index.ts';
import type { ReceivedFile } from '../submission/types.ts';
import { CARRIER_HEAD_BYTES, CARRIER_TAIL_BYTES, carrierKind } from './carrier-kind.ts';
import { readHead } from './read-head.ts';
import { readTail } from './read-tail.ts';
import { executableKind, looksLikeImage, SNIFF_BYTES } from './sniff-file-type.ts';
import type { Refusal } from './types.ts';

/** What {@link checkFiles} enforces besides the file names. */
export interface FileCheckOptions {
  /** Check types at all (FILE_TYPE_CHECKS); the name rules apply regardless. */
  typeChecks: boolean;
  /** Extensions refused, lower case without the dot. */
  deniedExtensions: ReadonlySet<string>;
}

// Browsers send a file's base name only; separators or control characters mean a crafted request
// (path traversal, header injection), which is refused rather than quietly repaired.
const CRAFTED_NAME = /[/\\\p{Cc}]/u;
const MAX_NAME_IN_MESSAGE = 60;

/**
 * Refuses the first attachment that breaks a rule, before anything is forwarded: a name with a
 * path or control characters (400 invalid_value); with type checks on, a denied extension or
 * content that is a program or script, or a disk image or other container of programs, whatever
 * its name and declared type (400 file_type_denied), and a file declared as an image that is not
 * one (400 file_not_image). Reads only each file's first 36 KB and last 512 bytes from the spool.
 */
export async function checkFiles(files: readonly ReceivedFile[], options: FileCheckOptions): Promise<Refusal | undefined> {
  for (const file of files) {
    const name = JSON.stringify(shorten(file.fileName));
    if (CRAFTED_NAME.test(file.rawFileName)) {
      return refuse('invalid_value', `The name of file ${name} contains a path or control characters.`);
    }
    if (!options.typeChecks) continue;
    const extension = extensionOf(file.fileName);
    if (extension !== undefined && options.deniedExtensions.has(extension)) {
      return refuse('file_type_denied', `Files of type .${extension} are not accepted (${name}).`);
    }
    const head = await readHead(file.path, CARRIER_HEAD_BYTES);
    const start = head.subarray(0, SNIFF_BYTES);
    const kind = executableKind(start);
    if (kind !== undefined) return refuse('file_type_denied', `File ${name} is a ${kind}: programs are not accepted.`);
    const carrier = carrierKind(head, await readTail(file.path, CARRIER_TAIL_BYTES));
    if (carrier !== undefined) {
      return refuse('file_type_denied', `File ${name} is a ${carrier}: files that carry programs are not accepted.`);
    }
    if (file.type.toLowerCase().startsWith('image/') && !looksLikeImage(start, file.type)) {
      return refuse('file_not_image', `File ${name} is declared as ${file.type} but is not an image.`);
    }
  }
  return undefined;
}

/** The last extension, lower case; trailing dots and spaces are ignored as Windows ignores them. */
function extensionOf(fileName: string): string | undefined {
  const trimmed = fileName.replace(/[\s.]+$/, '');
  const dot = trimmed.lastIndexOf('.');
  return dot > 0 ? trimmed.slice(dot + 1).toLowerCase() : undefined;
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_NAME_IN_MESSAGE ? `${chars.slice(0, MAX_NAME_IN_MESSAGE).join('')}…` : text;
}

function refuse(code: Refusal['code'], message: string): Refusal {
  return { status: 400, code, message, field: SUBMISSION_FIELDS.attachments };
}
