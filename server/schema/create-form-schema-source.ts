import type { FormSchema } from '../../contract/index.ts';
import type { Logger } from '../log/types.ts';
import type { TomTicketClient, UpstreamDepartment } from '../tomticket/types.ts';
import { buildFormSchema } from './build-form-schema.ts';
import type { FormConfigFile, FormSchemaSource } from './types.ts';

/** Options of {@link createFormSchemaSource}. */
export interface FormSchemaSourceOptions {
  client: TomTicketClient;
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
  now?: () => number;
}

type Listing = { schema: FormSchema; expiresAt: number };

/**
 * A form-schema source over a cached department listing: one upstream call per `cacheMs` however
 * many forms load, one shared call when many ask during a refresh, the last good schema when a
 * refresh fails. Only when no listing was ever had does `get()` throw the UpstreamError.
 */
export function createFormSchemaSource(options: FormSchemaSourceOptions): FormSchemaSource {
  const { client, config, logger } = options;
  const now = options.now ?? (() => performance.now());
  const retryAfterFailureMs = Math.min(options.retryAfterFailureMs ?? 10_000, options.cacheMs);
  let listing: Listing | undefined;
  let failure: { error: unknown; retryAt: number } | undefined;
  let refreshing: Promise<FormSchema> | undefined;

  async function refresh(): Promise<FormSchema> {
    let departments: UpstreamDepartment[];
    try {
      departments = await client.listDepartments();
    } catch (error) {
      failure = { error, retryAt: now() + retryAfterFailureMs };
      if (!listing) throw error;
      logger.warn('department listing failed; serving the previous form schema', { error });
      return listing.schema;
    }
    const schema = buildFormSchema(departments, config, (message, details) => logger.warn(message, details));
    listing = { schema, expiresAt: now() + options.cacheMs };
    failure = undefined;
    return schema;
  }

  return {
    get() {
      const time = now();
      if (listing && time < listing.expiresAt) return Promise.resolve(listing.schema);
      if (failure && time < failure.retryAt) {
        return listing ? Promise.resolve(listing.schema) : Promise.reject(failure.error);
      }
      refreshing ??= refresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}
