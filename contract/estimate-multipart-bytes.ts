import { utf8Length } from './utf8-length.ts';

/** A text entry of a multipart form. */
export interface TextEntry {
  name: string;
  value: string;
}

/** A file entry of a multipart form: only its size is needed, never its bytes. */
export interface FileEntry {
  name: string;
  fileName: string;
  type: string;
  size: number;
}

// RFC 2046 caps a boundary at 70 characters; browsers use ~40 and Node's FormData ~50, so counting
// 70 makes this an upper bound for whoever encodes the form.
const BOUNDARY_MAX = 70;
const DASHES_AND_CRLF = 2 + 2; // "--" before the boundary, CRLF after it
const DISPOSITION = 'Content-Disposition: form-data; name=""'.length + 2;
const FILENAME = '; filename=""'.length;
const CONTENT_TYPE = 'Content-Type: '.length + 2;
const BLANK_LINE_AND_TRAILING_CRLF = 2 + 2;
const CLOSING = 2 + BOUNDARY_MAX + 2 + 2; // "--boundary--\r\n"

/**
 * An upper bound of the bytes of a `multipart/form-data` body holding `entries`, counting what
 * the HTML multipart algorithm adds: names and file names escaped (`"`, CR, LF become three
 * bytes), text values with every line break sent as CRLF.
 */
export function estimateMultipartBytes(entries: ReadonlyArray<TextEntry | FileEntry>): number {
  let total = CLOSING;
  for (const entry of entries) {
    total += DASHES_AND_CRLF + BOUNDARY_MAX + DISPOSITION + BLANK_LINE_AND_TRAILING_CRLF;
    total += escapedHeaderValueBytes(entry.name);
    if ('size' in entry) {
      total += FILENAME + escapedHeaderValueBytes(entry.fileName);
      total += CONTENT_TYPE + utf8Length(entry.type || 'application/octet-stream');
      total += entry.size;
    } else {
      total += utf8Length(entry.value.replace(/\r\n|\r|\n/g, '\r\n'));
    }
  }
  return total;
}

function escapedHeaderValueBytes(value: string): number {
  // Each escaped character, one byte, is sent as three (%22, %0D, %0A).
  return utf8Length(value.replace(/["\r\n]/g, '%22'));
}
