import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeAccount } from './fake-account.ts';
import type { FakeExchange } from './fake-exchange.ts';
import { FAKE_MESSAGES } from './fake-messages.ts';
import { FAKE_V2_MESSAGES } from './v2/fake-v2-messages.ts';
import { createFakeReply, type FakeReply } from './fake-reply.ts';
import { isToken, LEGACY_ROLES, matchFakeRoute, readSegment, redactPath, type FakeEndpoint } from './fake-route.ts';
import { handleCreateCustomer } from './handle-create-customer.ts';
import { handleCreateTicket } from './handle-create-ticket.ts';
import { handleCustomerCheck } from './handle-customer-check.ts';
import { handleDepartments } from './handle-departments.ts';
import { handleTicketDetail } from './handle-ticket-detail.ts';
import { handleTicketList } from './handle-ticket-list.ts';
import type { SlidingWindow } from './sliding-window.ts';
import type { FakeFault, FakeRequestRecord, FakeVariants } from './types.ts';
import { createV2Reply } from './v2/fake-v2-exchange.ts';
import { V2_PREFIX } from './v2/fake-v2-route.ts';
import { recordV2, runV2Endpoint, v2Gate, type V2HandlerDeps } from './v2/handle-v2-request.ts';

/** What the request handler of one running fake works with (API 2.0's side reads the same account, window and faults). */
export interface FakeRequestHandlerDeps extends V2HandlerDeps {
  /** The token the account accepts now (a test may replace it). */
  currentToken(): string;
  /** Every token the account ever had: redacted from records and answers alike. */
  knownTokens(): readonly string[];
  variants: FakeVariants;
  account: FakeAccount;
  storageDir: string;
  rateWindow: SlidingWindow;
  /** Every request is appended here on arrival; its status is filled in when answered. */
  requests: FakeRequestRecord[];
  currentFault(): { fault: FakeFault; message?: string };
  /** How late the 'slow' fault answers. */
  slowAnswerMs: number;
}

const HANDLERS: Record<FakeEndpoint, (exchange: FakeExchange) => void | Promise<void>> = {
  criar_chamado: handleCreateTicket,
  criar_cliente: handleCreateCustomer,
  cliente: handleCustomerCheck,
  departamentos: handleDepartments,
  chamado: handleTicketDetail,
  chamados: handleTicketList,
};

// What a PHP back end in trouble tends to send: an HTML page, or a warning printed before the JSON.
const HTML_500_PAGE =
  '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head>' +
  '<body><h1>Internal Server Error</h1><p>The server encountered an internal error.</p></body></html>';
const NOT_JSON_BODY = '<br />\n<b>Warning</b>:  Undefined index: erro in <b>/var/www/api/index.php</b><br />\n{"erro":fal';

/**
 * Answers one request the way TomTicket would, in the API its path speaks: the legacy API's route,
 * token (401), the account's rate limit (429, no Retry-After since none is documented); or API
 * 2.0's checks (v2/handle-v2-request.ts). Then, for both, the switched-on fault and the endpoint.
 * Every request is recorded, the token redacted from its path.
 */
export function createFakeRequestHandler(deps: FakeRequestHandlerDeps) {
  const { variants } = deps;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const token = deps.currentToken();
    const arrivedAt = Date.now();
    const url = parseRequestUrl(request.url);
    const isV2 = (url?.pathname ?? request.url ?? '').startsWith(V2_PREFIX);
    const route = url && !isV2 ? matchFakeRoute(url.pathname) : undefined;
    const record: FakeRequestRecord = {
      method: request.method ?? '',
      path: redactPath(url ? url.pathname + url.search : (request.url ?? ''), route, deps.knownTokens()),
      endpoint: route?.endpoint ?? 'unknown',
      api: 'legacy',
      role: route ? LEGACY_ROLES[route.endpoint] : 'unknown',
      at: arrivedAt,
      status: 0,
    };
    const v2Endpoint = isV2 ? recordV2(record, url, request.url ?? '', deps.knownTokens()) : undefined;
    deps.requests.push(record);
    const { fault, message } = deps.currentFault();
    let reply = createFakeReply(request, response, record, deps.knownTokens, variants);
    if (fault === 'slow') reply = delayedReply(reply, deps.slowAnswerMs);
    const v2Reply = createV2Reply(reply, variants);

    if (isV2) {
      if (!url || v2Gate(deps, request, response, v2Endpoint, v2Reply, fault, arrivedAt)) return;
    } else {
      if (!url || !route) return reply.json(404, { erro: true, mensagem: FAKE_MESSAGES.notFound });
      if (!isToken(route.tokenSegment, token, variants.pathSegments)) return reply.refuse('token', FAKE_MESSAGES.invalidToken);
      if (fault === 'rate_limit_storm' || !deps.rateWindow.admit(arrivedAt)) {
        return reply.json(429, { erro: true, mensagem: FAKE_MESSAGES.rateLimited });
      }
      if (request.method !== route.method) {
        response.setHeader('Allow', route.method);
        return reply.json(405, { erro: true, mensagem: FAKE_MESSAGES.methodNotAllowed });
      }
    }

    if (fault === 'http_500') return reply.text(500, 'text/html; charset=utf-8', HTML_500_PAGE);
    if (fault === 'invalid_json') return reply.text(200, 'text/html; charset=utf-8', NOT_JSON_BODY);
    if (fault === 'no_answer') {
      // Take the whole body, then stay silent: the caller cannot tell whether the ticket was made.
      request.resume();
      return;
    }

    const isUpload = route?.endpoint === 'criar_chamado' || v2Endpoint === 'ticket/new';
    if (fault === 'reset_mid_upload' && isUpload) {
      // Cut while the body is arriving: the form is never complete, so no ticket is made.
      request.once('data', () => request.socket.destroy());
      request.once('end', () => request.socket.destroy());
      return;
    }

    // The work is done, then the answer is lost: the caller cannot tell whether the ticket exists.
    const lost = fault === 'created_then_drop' && isUpload;
    if (v2Endpoint) {
      const rejection = fault === 'reject' ? (message ?? FAKE_V2_MESSAGES.simulatedRejection) : undefined;
      return runV2Endpoint(deps, request, url, v2Endpoint, lost ? createV2Reply(droppingReply(request), variants) : v2Reply, rejection);
    }
    if (!route) return;
    const exchange: FakeExchange = {
      request,
      url,
      params: route.params.map((segment) => readSegment(segment, variants.pathSegments)),
      variants,
      account: deps.account,
      storageDir: deps.storageDir,
      reply: lost ? droppingReply(request) : reply,
      ...(fault === 'reject' && { rejection: message ?? FAKE_MESSAGES.simulatedRejection }),
    };
    await HANDLERS[route.endpoint](exchange);
  };
}

function parseRequestUrl(raw: string | undefined): URL | undefined {
  // Only origin-form targets ("/path?query"): TomTicket is no proxy.
  if (!raw?.startsWith('/')) return undefined;
  try {
    return new URL(`http://fake.invalid${raw}`);
  } catch {
    return undefined;
  }
}

/** A reply that goes out `delayMs` late (the 'slow' fault); by then the caller has usually given up. */
function delayedReply(reply: FakeReply, delayMs: number): FakeReply {
  const later =
    <A extends unknown[]>(send: (...args: A) => void) =>
    (...args: A) => {
      setTimeout(() => send(...args), delayMs).unref();
    };
  return { json: later(reply.json), text: later(reply.text), refuse: later(reply.refuse) };
}

/** A reply that drops the connection instead of answering (the 'created_then_drop' fault). */
function droppingReply(request: IncomingMessage): FakeReply {
  const drop = () => {
    request.socket.destroy();
  };
  return { json: drop, text: drop, refuse: drop };
}
