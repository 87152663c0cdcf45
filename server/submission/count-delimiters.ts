/** Counts multipart delimiters in a body fed chunk by chunk. */
export interface DelimiterCounter {
  feed(chunk: Uint8Array): void;
  /** Delimiters seen so far, the closing one included. */
  readonly count: number;
}

/**
 * Counts `CRLF--boundary` in the body as it streams past (the first delimiter, at the very start,
 * counts too), matching across chunk edges without copying the chunks. A multipart parser that
 * silently skips a part it cannot read (busboy does, for a broken Content-Disposition) then shows
 * as fewer parts than delimiters.
 */
export function createDelimiterCounter(boundary: string): DelimiterCounter {
  const needle = Buffer.from(`\r\n--${boundary}`);
  // A body starting with the delimiter has no CRLF before it: pretend one came first.
  let tail: Buffer = Buffer.from('\r\n');
  let count = 0;
  return {
    feed(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      // Matches that straddle the edge: the previous tail plus just enough of this chunk.
      const seam = Buffer.concat([tail, bytes.subarray(0, needle.length - 1)]);
      for (let at = seam.indexOf(needle); at !== -1; at = seam.indexOf(needle, at + 1)) {
        if (at < tail.length) count++;
      }
      for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) count++;
      const keep = needle.length - 1;
      tail = bytes.length >= keep ? Buffer.from(bytes.subarray(bytes.length - keep)) : Buffer.concat([tail, bytes]).subarray(-keep);
    },
    get count() {
      return count;
    },
  };
}
