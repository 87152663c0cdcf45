// A credential after `Bearer` (API 2.0's Authorization header, the widget's identity token), as
// quoted by an error or a logged header: redacted even when it is no secret this server knows (a
// token replaced since, a customer's identity token). Eight characters or more, so that prose
// such as "the Bearer token" stays readable.
const BEARER_CREDENTIAL = /\b(Bearer)(\s+|%20|\+)[^\s"'<>,;&]{8,}/gi;

/**
 * A function replacing every secret in a text by `***`, in each form a secret takes on its way
 * into a log line or a message: as is, URL-encoded (it travels in the legacy API's URL paths),
 * form-encoded and JSON-escaped, and whatever credential follows `Bearer` (the form API 2.0's
 * header gives it). Empty secrets are ignored (replacing "" would mangle every character).
 */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    const encoded = encodeURIComponent(secret);
    forms.add(secret);
    forms.add(encoded);
    // Percent-encoding is case-insensitive: %2f and %2F are the same byte.
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    forms.add(encodeURI(secret));
    forms.add(new URLSearchParams({ s: secret }).toString().slice('s='.length));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  // Longest first, so a secret that contains another is replaced whole rather than in pieces.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text) => {
    let redacted = text;
    for (const form of ordered) {
      if (redacted.includes(form)) redacted = redacted.split(form).join('***');
    }
    return redacted.replace(BEARER_CREDENTIAL, '$1$2***');
  };
}
