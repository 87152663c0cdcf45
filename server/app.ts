import { PACKAGE_ROOT } from './config/package-root.ts';
import type { ServerConfig } from './config/types.ts';
import { allowOriginHeaders, createOriginPolicy, preflightHeaders, API_METHODS } from './http/cors.ts';
import { errorResponse } from './http/json-response.ts';
import { withHeaders, withSecurityHeaders } from './http/security-headers.ts';
import type { RequestContext, WebApp } from './http/types.ts';
import type { Logger } from './log/types.ts';
import type { TicketDelivery } from './outbox/delivery.ts';
import type { IdempotencyStore } from './outbox/idempotency-store.ts';
import { createProtection } from './protection/create-protection.ts';
import { checkHeaderCount } from './protection/header-count.ts';
import { refusalResponse } from './protection/refusal-response.ts';
import { createChallengeRoute } from './routes/challenge-route.ts';
import { createFormRoute } from './routes/form-route.ts';
import { createHealthRoute } from './routes/health-route.ts';
import { createIndexRoute, createWidgetRoute, WIDGET_FILES } from './routes/static-routes.ts';
import { createTicketsRoute } from './routes/tickets-route.ts';
import type { UpstreamHealth } from './routes/upstream-health.ts';
import type { FormSchemaSource } from './schema/types.ts';
import type { TomTicketClient } from './tomticket/types.ts';

/** Routes outside the app's own, tried before answering 404 (the sandbox inbox); undefined when not theirs. */
export type ExtraRoutes = (request: Request) => Response | undefined | Promise<Response | undefined>;

/** Everything {@link createApp} is built from. */
export interface AppDeps {
  config: ServerConfig;
  schemaSource: FormSchemaSource;
  /** The TomTicket client, already wrapped by `upstreamHealth.track` when health should see its calls. */
  client: TomTicketClient;
  upstreamHealth: UpstreamHealth;
  /** The outbox's delivery: every accepted ticket goes through it. */
  delivery: TicketDelivery;
  /** Idempotency-Key records of POST /api/tickets. */
  idempotency: IdempotencyStore;
  logger: Logger;
  /** Folder holding index.html and dist/widget.js; default the repository root. */
  publicRoot?: string;
  extraRoutes?: ExtraRoutes;
}

type Handler = (request: Request, context: RequestContext) => Response | Promise<Response>;
type MethodTable = Readonly<Partial<Record<string, Handler>>>;

const INTERNAL_ERROR = { code: 'internal', message: 'Something went wrong on the server.' } as const;

/**
 * The companion server as a web-standard handler: the API (`/api/form`, `/api/tickets`) with
 * CORS, `/healthz`, the demo page and the widget bundle. Expected failures are answered with their
 * codes; anything unexpected is logged (redacted by the logger) and answered as a generic 500.
 */
export function createApp(deps: AppDeps): WebApp {
  const publicRoot = deps.publicRoot ?? PACKAGE_ROOT;
  const originPolicy = createOriginPolicy(deps.config);
  const protection = createProtection({ config: deps.config.protection, logger: deps.logger });
  // The widget and the validation see the same schema: without e-mail and name when anonymous
  // tickets go to one fixed customer.
  const schemaSource = { get: async () => protection.adaptSchema(await deps.schemaSource.get()) };
  const routes = new Map<string, MethodTable>([
    ['/api/form', { GET: createFormRoute({ ...deps, schemaSource }) }],
    ['/api/challenge', { GET: createChallengeRoute(protection) }],
    ['/api/tickets', { POST: createTicketsRoute({ ...deps, schemaSource, protection, spoolDir: deps.config.spoolDir }) }],
    ['/healthz', { GET: createHealthRoute(deps.config.mode, deps.upstreamHealth, deps.delivery.status) }],
    ['/', { GET: createIndexRoute(publicRoot) }],
    ...WIDGET_FILES.map((file): [string, MethodTable] => [`/${file}`, { GET: createWidgetRoute(publicRoot, file) }]),
  ]);

  /** Runs a handler so that a throw becomes a logged, generic 500. */
  async function safely(request: Request, run: () => Response | undefined | Promise<Response | undefined>) {
    try {
      return await run();
    } catch (error) {
      deps.logger.error('unexpected error while answering', {
        method: request.method,
        path: new URL(request.url).pathname,
        error,
      });
      return errorResponse(500, INTERNAL_ERROR);
    }
  }

  async function answerApi(request: Request, context: RequestContext, methods: MethodTable): Promise<Response> {
    const origin = request.headers.get('origin');
    const vary = { Vary: 'Origin' };
    if (origin !== null && !originPolicy.allows(origin)) {
      return errorResponse(
        403,
        { code: 'origin_not_allowed', message: 'This site is not allowed to use this form server (ALLOWED_ORIGINS).' },
        { headers: vary },
      );
    }
    if (request.method === 'OPTIONS') {
      const headers = origin === null ? { Allow: API_METHODS.join(', ') } : preflightHeaders(origin);
      return new Response(null, { status: 204, headers: { ...headers, ...vary } });
    }
    const response = (await safely(request, () => dispatch(request, context, methods))) as Response;
    return withHeaders(response, origin === null ? vary : { ...allowOriginHeaders(origin), ...vary });
  }

  return async (request, context) => {
    const response = await safely(request, async () => {
      const crowded = checkHeaderCount(request.headers);
      if (crowded) return refusalResponse(crowded);
      const path = new URL(request.url).pathname;
      const methods = routes.get(path);
      if (methods !== undefined) {
        return path.startsWith('/api/') ? answerApi(request, context, methods) : dispatch(request, context, methods);
      }
      return (await deps.extraRoutes?.(request)) ?? errorResponse(404, { code: 'not_found', message: 'No such route.' });
    });
    return withSecurityHeaders(response as Response);
  };
}

function dispatch(request: Request, context: RequestContext, methods: MethodTable): Response | Promise<Response> {
  // HEAD is GET without a body; Node drops the body of a HEAD answer by itself.
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  // hasOwn: a method named `constructor` must not find Object.prototype's.
  const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (handler !== undefined) return handler(request, context);
  const allowed = Object.keys(methods);
  if (allowed.includes('GET')) allowed.push('HEAD');
  return errorResponse(
    405,
    { code: 'method_not_allowed', message: `Use ${allowed.join(' or ')}.` },
    { headers: { Allow: allowed.join(', ') } },
  );
}
