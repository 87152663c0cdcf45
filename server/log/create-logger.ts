import type { Logger } from './types.ts';
import { createRedactor } from './create-redactor.ts';
import { toLoggable } from './to-loggable.ts';

/** The severities a logger writes, least severe first. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Values that must never appear in a line (the TomTicket token); each is written as `***`. */
  secrets: string[];
  /** Receives each line, without its newline; default: stdout. */
  write?: (line: string) => void;
  /** The least severe level written; default 'info'. */
  level?: LogLevel;
  /** The clock stamped on each line; default the system clock. */
  now?: () => Date;
}

const SEVERITY: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };
const RESERVED_KEYS = new Set(['time', 'level', 'msg']);

/** A logger writing one JSON line per event, `{time, level, msg, ...details}`, with every secret redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const redact = createRedactor(options.secrets);
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const threshold = SEVERITY[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());

  function log(level: LogLevel, message: string, details?: Record<string, unknown>): void {
    if (SEVERITY[level] < threshold) return;
    const entry: Record<string, unknown> = { time: now().toISOString(), level, msg: redact(message) };
    for (const [key, value] of Object.entries(loggableDetails(details, redact))) {
      // A detail must not overwrite the line's own time, level or message.
      entry[RESERVED_KEYS.has(key) ? `detail_${key}` : key] = value;
    }
    // Strings were cleaned one by one (so the line stays valid JSON); cleaning the finished line
    // as well catches a secret that is not a string, e.g. a token of digits logged as a number.
    write(redact(JSON.stringify(entry)));
  }

  return {
    info: (message, details) => log('info', message, details),
    warn: (message, details) => log('warn', message, details),
    error: (message, details) => log('error', message, details),
  };
}

function loggableDetails(details: Record<string, unknown> | undefined, redact: (text: string) => string) {
  try {
    return toLoggable(details ?? {}, redact) as Record<string, unknown>;
  } catch (error) {
    // A getter that throws must not turn a log call into a crash of the request that logged.
    return { detailsUnavailable: toLoggable(error, redact) };
  }
}
