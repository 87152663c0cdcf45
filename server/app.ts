import { PACKAGE_ROOT } from './config/package-root.ts';
import type { ServerConfig } from './config/types.ts';
import { allowOriginHeaders, createOriginPolicy, preflightHeaders, API_METHODS } from './http/cors.ts';
import { errorResponse } from './http/json-response.ts';
import { withHeaders, withSecurityHeaders } from './http/security-headers.ts';
import type { RequestContext, WebApp } from './http/types.ts';
import type { Logger } from './log/types.ts';
import type { TicketDelivery } from './outbox/delivery.ts';
import type { IdempotencyStore } from './outbox/idempotency-store.ts';
import type { OutboxDiskUsage } from './outbox/outbox-disk-usage.ts';
import { createProtection } from './protection/create-protection.ts';
import { checkHeaderCount } from './protection/header-count.ts';
import { refusalResponse } from './protection/refusal-response.ts';
import { createChallengeRoute } from './routes/challenge-route.ts';
import { createFormRoute } from './routes/form-route.ts';
import { createHealthRoute } from './routes/health-route.ts';
import { createPublicOrigin } from './http/public-origin.ts';
import { createDemoRoute, DEMO_FILES, type DemoRoute } from './routes/demo-routes.ts';
import { createEmbedRoute, createIndexRoute, createWidgetFiles, WIDGET_FILES } from './routes/static-routes.ts';
import { createTicketsRoute } from './routes/tickets-route.ts';
import type { UpstreamHealth } from './routes/upstream-health.ts';
import type { FormSchemaSource } from './schema/types.ts';
import type { TomTicketClient } from './tomticket/types.ts';

/** Routes outside the app's own, tried before answering 404 (the sandbox inbox); undefined when not theirs. */
export type ExtraRoutes = (request: Request, context: RequestContext) => Response | undefined | Promise<Response | undefined>;

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
  /** The outbox's size against OUTBOX_MAX_MB, for the tickets route and /healthz. */
  outboxUsage: OutboxDiskUsage;
  logger: Logger;
  /** Folder holding index.html and dist/widget.js; default the repository root. */
  publicRoot?: string;
  extraRoutes?: ExtraRoutes;
}

type Handler = (request: Request, context: RequestContext) => Response | Promise<Response>;
type MethodTable = Readonly<Partial<Record<string, Handler>>>;

// Deliveries free room the next walk sees: /healthz shows it within this long.
const HEALTH_SIZE_MAX_AGE_MS = 10_000;
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
  const widgetFiles = createWidgetFiles(publicRoot);
  // The address the embed snippets name: PUBLIC_URL, or the request's own.
  const originOf = createPublicOrigin({
    publicUrl: deps.config.publicUrl,
    trustProxy: deps.config.protection?.trustProxy ?? [],
    fallback: `http://localhost:${deps.config.port}`,
  });
  // The widget and the validation see the same schema: without e-mail and name when anonymous
  // tickets go to one fixed customer.
  const schemaSource = { get: async () => protection.adaptSchema(await deps.schemaSource.get()) };
  // What /healthz shows of the outbox: the queue, and its size against OUTBOX_MAX_MB from a walk
  // at most HEALTH_SIZE_MAX_AGE_MS old (a monitor polling often does not walk a large outbox each time).
  const outboxStatus = async () => ({
    ...(await deps.delivery.status()),
    usedMb: toMb(await deps.outboxUsage.recent(HEALTH_SIZE_MAX_AGE_MS)),
    maxMb: toMb(deps.outboxUsage.maxBytes),
  });
  const routes = new Map<string, MethodTable>([
    ['/api/form', { GET: createFormRoute({ ...deps, schemaSource }) }],
    ['/api/challenge', { GET: createChallengeRoute(protection) }],
    ['/api/tickets', { POST: createTicketsRoute({ ...deps, schemaSource, protection, spoolDir: deps.config.spoolDir }) }],
    [
      '/healthz',
      {
        GET: createHealthRoute({
          mode: deps.config.mode,
          upstream: deps.upstreamHealth,
          tokenState: () => deps.client.tokenState(),
          ...(deps.schemaSource.status ? { schemaStatus: () => (deps.schemaSource.status as NonNullable<FormSchemaSource['status']>)() } : {}),
          outbox: outboxStatus,
        }),
      },
    ],
    ['/', { GET: createIndexRoute(publicRoot, originOf) }],
    ...Object.keys(DEMO_FILES).map((route): [string, MethodTable] => [route, { GET: createDemoRoute(publicRoot, route as DemoRoute) }]),
    ['/embed.json', { GET: createEmbedRoute(publicRoot, originOf) }],
    ...WIDGET_FILES.map((file): [string, MethodTable] => [`/${file}`, { GET: widgetFiles.latest(file) }]),
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

  /**
   * An /api/* request: refused at once for a client refused too often lately (its connection closed
   * right after, even mid-upload); else answered, and counted against its client when refused (403, 429).
   */
  async function answerApi(request: Request, context: RequestContext, methods: MethodTable): Promise<Response> {
    const origin = request.headers.get('origin');
    const allowed = origin === null || originPolicy.allows(origin);
    // An allowed page may read the refusal, so the widget can say how long to wait.
    const cors = { Vary: 'Origin', ...(origin !== null && allowed ? allowOriginHeaders(origin) : {}) };
    const cutOff = protection.refusedTooOften(request, context);
    if (cutOff) {
      context.closeAfterAnswer?.();
      return withHeaders(cutOff, cors);
    }
    const response = allowed
      ? await answerAllowedApi(request, context, methods, origin)
      : errorResponse(403, { code: 'origin_not_allowed', message: 'This site is not allowed to use this form server (ALLOWED_ORIGINS).' });
    if (response.status === 403 || response.status === 429) protection.countRefused(request, context);
    return withHeaders(response, cors);
  }

  async function answerAllowedApi(request: Request, context: RequestContext, methods: MethodTable, origin: string | null): Promise<Response> {
    if (request.method === 'OPTIONS') {
      const headers = origin === null ? { Allow: API_METHODS.join(', ') } : preflightHeaders(origin);
      return new Response(null, { status: 204, headers });
    }
    return (await safely(request, () => dispatch(request, context, methods))) as Response;
  }

  return async (request, context) => {
    const response = await safely(request, async () => {
      const crowded = checkHeaderCount(request.headers, context.headerLines);
      if (crowded) return refusalResponse(crowded);
      const path = new URL(request.url).pathname;
      const methods = routes.get(path);
      if (methods !== undefined) {
        return path.startsWith('/api/') ? answerApi(request, context, methods) : dispatch(request, context, methods);
      }
      return (
        (await widgetFiles.pinned(request, path)) ??
        (await deps.extraRoutes?.(request, context)) ??
        errorResponse(404, { code: 'not_found', message: 'No such route.' })
      );
    });
    return withSecurityHeaders(response as Response);
  };
}

/** Bytes as megabytes with one decimal, as /healthz shows them. */
function toMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
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
