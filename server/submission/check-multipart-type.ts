import type { Refusal } from './types.ts';

// RFC 2046 §5.1.1: 1 to 70 characters from this set, not ending in a space.
const BOUNDARY_CHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;
const BOUNDARY_PARAM = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;\s]*))/i;

/**
 * Refuses a `Content-Type` before any byte of the body is parsed: 415 when it is not
 * multipart/form-data, 400 when its boundary is missing, longer than 70 characters or has
 * characters RFC 2046 does not allow (an overlong boundary sends some parsers into an endless loop).
 */
export function checkMultipartType(contentType: string | null): Refusal | undefined {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'multipart/form-data') {
    return { status: 415, code: 'not_multipart', message: 'The body must be multipart/form-data.' };
  }
  const boundary = boundaryOf(contentType ?? '');
  if (boundary === undefined || boundary === '') {
    return { status: 400, code: 'malformed_body', message: 'The multipart Content-Type has no boundary.' };
  }
  if (!BOUNDARY_CHARS.test(boundary)) {
    return {
      status: 400,
      code: 'malformed_body',
      message: 'The multipart boundary must be 1 to 70 characters allowed by RFC 2046.',
    };
  }
  return undefined;
}

/** The boundary parameter of a multipart Content-Type, unquoted; undefined when there is none. */
export function boundaryOf(contentType: string): string | undefined {
  const match = BOUNDARY_PARAM.exec(contentType);
  return match?.[1] ?? match?.[2];
}
