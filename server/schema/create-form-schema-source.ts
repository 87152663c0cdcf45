import { DEFAULT_TEXT_RULES, type FormSchema, type TextRules } from '../../contract/index.ts';
import type { Logger } from '../log/types.ts';
import type { TomTicketClient, UpstreamDepartment } from '../tomticket/types.ts';
import { buildFormSchema, type SchemaNotes } from './build-form-schema.ts';
import type { SavedListing } from './saved-listing.ts';
import type { FormConfigFile, FormSchemaSource, ServerFormSchema } from './types.ts';

/** Options of {@link createFormSchemaSource}. */
export interface FormSchemaSourceOptions {
  client: Pick<TomTicketClient, 'listDepartments'>;
  config: FormConfigFile;
  /** How long a department listing is reused (the server uses 5 minutes). */
  cacheMs: number;
  logger: Logger;
  /**
   * After a failed listing, how long to answer from what is known (stale schema or the same
   * error) before asking TomTicket again, so an outage does not spend the shared rate limit on
   * every page view. Default 10 s, never more than cacheMs.
   */
  retryAfterFailureMs?: number;
  /** The last good listing kept on disk from an earlier run: served while TomTicket has not answered this one. */
  saved?: SavedListing;
  /** Keeps each listing TomTicket gives (on disk), so the next start has it; a failure to keep it is only logged. */
  keep?: (departments: UpstreamDepartment[]) => Promise<void>;
  /** How the message is sent and counted, read again at each refresh (the doctor may have learned the unit). */
  textRules?: () => TextRules | Promise<TextRules>;
  /** CONTEXT_FIELD and the notes' language (default: none, pt-BR). */
  notes?: SchemaNotes;
  now?: () => number;
}

type Listing = { schema: ServerFormSchema; expiresAt: number };

/**
 * A form-schema source over a cached department listing: one upstream call per `cacheMs` however
 * many forms load, one shared call when many ask during a refresh, the last good schema when a
 * refresh fails — from this run, or else the one saved on disk by an earlier run. Only when no
 * listing was ever had does `get()` throw the UpstreamError.
 */
export function createFormSchemaSource(options: FormSchemaSourceOptions): FormSchemaSource {
  const { client, config, logger } = options;
  const now = options.now ?? (() => performance.now());
  const retryAfterFailureMs = Math.min(options.retryAfterFailureMs ?? 10_000, options.cacheMs);
  const textRules = options.textRules ?? (() => DEFAULT_TEXT_RULES);
  let listing: Listing | undefined;
  let listedAt: string | undefined;
  let savedSchema: Promise<ServerFormSchema> | undefined;
  let failure: { error: unknown; retryAt: number } | undefined;
  let refreshing: Promise<ServerFormSchema> | undefined;

  // What a build has to say (a field left out, a configured id TomTicket lacks) is logged when it
  // changes, not at every refresh of an unchanged account.
  let lastWarnings = '';
  const build = async (departments: readonly UpstreamDepartment[]) => {
    const warnings: Array<[string, Record<string, unknown>]> = [];
    const schema = buildFormSchema(departments, config, (message, details) => warnings.push([message, details]), await textRules(), options.notes);
    const said = JSON.stringify(warnings);
    if (said !== lastWarnings) for (const [message, details] of warnings) logger.warn(message, details);
    lastWarnings = said;
    return schema;
  };

  /** What to answer when TomTicket did not give a listing: this run's last, the saved one, or the error. */
  function fallback(error: unknown): Promise<ServerFormSchema> {
    if (listing) return Promise.resolve(listing.schema);
    if (options.saved) {
      savedSchema ??= build(options.saved.departments);
      return savedSchema;
    }
    return Promise.reject(error);
  }

  async function refresh(): Promise<ServerFormSchema> {
    let departments: UpstreamDepartment[];
    try {
      departments = await client.listDepartments();
    } catch (error) {
      failure = { error, retryAt: now() + retryAfterFailureMs };
      if (listing || options.saved) logger.warn('department listing failed; serving the last good form schema', { error, from: listing ? 'memory' : 'disk' });
      return fallback(error);
    }
    const schema = await build(departments);
    listing = { schema, expiresAt: now() + options.cacheMs };
    listedAt = new Date().toISOString();
    failure = undefined;
    // Awaited (it writes only when the listing changed): a stop right after the first listing must find it kept.
    await options.keep?.(departments).catch((error: unknown) => logger.warn('could not keep the department listing on disk', { error }));
    return schema;
  }

  return {
    get() {
      const time = now();
      if (listing && time < listing.expiresAt) return Promise.resolve(listing.schema);
      if (failure && time < failure.retryAt) return fallback(failure.error);
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    status() {
      if (listing) return { source: 'tomticket', listedAt: listedAt as string, fresh: failure === undefined };
      if (options.saved) return { source: 'saved', listedAt: options.saved.savedAt, fresh: false };
      return { source: 'none', fresh: false, tried: failure !== undefined };
    },
  };
}
