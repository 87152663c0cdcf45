/** The variables holding the server's secrets: each is redacted (`***`) wherever text leaves the process. */
export const SECRET_VARIABLES = ['TOMTICKET_TOKEN', 'FORM_SECRET', 'IDENTITY_SECRET'] as const;

/**
 * The secrets set in `env` (TOMTICKET_TOKEN, FORM_SECRET, IDENTITY_SECRET), trimmed as the
 * configuration reads them, for the redactor of a message written before (or without) a parsed
 * configuration: a start-up failure, the outbox command.
 */
export function secretsInEnv(env: NodeJS.ProcessEnv): string[] {
  return SECRET_VARIABLES.map((name) => env[name]?.trim() ?? '').filter((secret) => secret !== '');
}
