import { jsonResponse } from '../http/json-response.ts';
import type { Logger } from '../log/types.ts';
import type { FormSchemaSource } from '../schema/types.ts';
import { upstreamErrorResponse } from './upstream-answers.ts';

// Short: department changes reach the widget within a minute, yet a busy page costs few calls.
const FORM_CACHE_CONTROL = 'public, max-age=60';

/** `GET /api/form`: the current form schema, or 502/504 when TomTicket's listing was never had. */
export function createFormRoute(deps: { schemaSource: FormSchemaSource; logger: Logger }): () => Promise<Response> {
  return async () => {
    try {
      // Where the server fills custom fields itself is its own business, never the widget's.
      const { serverFields: _serverFields, ...schema } = await deps.schemaSource.get();
      return jsonResponse(200, schema, { 'Cache-Control': FORM_CACHE_CONTROL });
    } catch (error) {
      const answer = upstreamErrorResponse(error);
      if (answer === undefined) throw error;
      deps.logger.warn('form schema unavailable', { error });
      answer.headers.set('Cache-Control', 'no-store');
      return answer;
    }
  };
}
