/** The server's structured logger and the redaction it applies to every line. */
export type { Logger } from './types.ts';
export { createLogger, type LoggerOptions, type LogLevel } from './create-logger.ts';
export { redactSecrets } from './redact-secrets.ts';
export { createRedactor } from './create-redactor.ts';
