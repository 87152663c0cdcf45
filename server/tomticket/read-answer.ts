/** An upstream answer's body: a JSON object, or why it is not one. */
export type AnswerBody =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; problem: 'not_json' | 'too_large' };

/** The most bytes read from an answer; TomTicket's are small, a runaway proxy page is not. */
export const ANSWER_MAX_BYTES = 1024 * 1024;

/**
 * Reads a response body (any async iterable of bytes: undici's body, a web stream) as a JSON
 * object, stopping after `maxBytes`. Arrays, strings and other JSON that is not an object count as
 * not JSON: every legacy-API answer is an object.
 */
export async function readAnswer(body: AsyncIterable<Uint8Array> | null, maxBytes: number = ANSWER_MAX_BYTES): Promise<AnswerBody> {
  const text = body === null ? '' : await readCappedText(body, maxBytes);
  if (text === undefined) return { ok: false, problem: 'too_large' };
  try {
    const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return { ok: true, body: parsed as Record<string, unknown> };
    }
  } catch {
    // Falls through: a body that does not parse is the same failure as one of the wrong shape.
  }
  return { ok: false, problem: 'not_json' };
}

async function readCappedText(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<string | undefined> {
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  // Leaving the loop early (too large) ends the stream, which lets its connection go.
  for await (const chunk of body) {
    bytes += chunk.byteLength;
    if (bytes > maxBytes) return undefined;
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
