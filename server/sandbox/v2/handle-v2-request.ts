import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeAccount } from '../fake-account.ts';
import type { SlidingWindow } from '../sliding-window.ts';
import type { FakeFault, FakeRequestRecord, FakeV2Endpoint, FakeV2Variants, FakeVariants } from '../types.ts';
import type { FakeV2Exchange, V2Reply } from './fake-v2-exchange.ts';
import { FAKE_V2_MESSAGES } from './fake-v2-messages.ts';
import { matchV2Route, V2_ROUTES } from './fake-v2-route.ts';
import { handleV2CustomerDetails, handleV2CustomerExists, handleV2CustomerNew } from './handle-v2-customers.ts';
import { handleV2CategoryList, handleV2CustomFieldList, handleV2DepartmentList } from './handle-v2-departments.ts';
import { handleV2TicketNew } from './handle-v2-ticket-new.ts';
import { handleV2TicketDetail, handleV2TicketList } from './handle-v2-tickets.ts';

/** What the API 2.0 side of one running fake works with (the account, its rate window and faults are shared with the legacy side). */
export interface V2HandlerDeps {
  currentToken(): string;
  /** Whether the token may create and modify data; a write without it is refused 401. */
  tokenCanWrite(): boolean;
  variants: FakeVariants;
  v2Variants: FakeV2Variants;
  account: FakeAccount;
  storageDir: string;
  rateWindow: SlidingWindow;
  attachmentField: string;
  listingLagMs: number;
}

type V2Handler = (exchange: FakeV2Exchange) => void | Promise<void>;

const HANDLERS: Record<FakeV2Endpoint, V2Handler> = {
  'ticket/new': handleV2TicketNew,
  'ticket/detail': handleV2TicketDetail,
  'ticket/list': handleV2TicketList,
  'department/list': handleV2DepartmentList,
  'department/category/list': handleV2CategoryList,
  'custom_field/department/list': handleV2CustomFieldList,
  'customer/exists': handleV2CustomerExists,
  'customers/exists': handleV2CustomerExists,
  'customer/new': handleV2CustomerNew,
  'customer/details': handleV2CustomerDetails,
};

// nginx's page for a request over the account's rate [code, live: "o 429 vem como HTML do nginx"].
const HTML_429_PAGE =
  '<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** Fills in a record's API 2.0 endpoint and role, and whether the token was put in the URL. */
export function recordV2(record: FakeRequestRecord, url: URL | undefined, rawTarget: string, tokens: readonly string[]): FakeV2Endpoint | undefined {
  const endpoint = url ? matchV2Route(url.pathname) : undefined;
  record.api = 'v2';
  record.endpoint = endpoint ?? 'unknown';
  record.role = endpoint ? V2_ROUTES[endpoint].role : 'unknown';
  const inUrl = tokens.some((token) => token !== '' && (rawTarget.includes(token) || rawTarget.includes(encodeURIComponent(token))));
  if (inUrl) record.tokenInUrl = true;
  return endpoint;
}

/**
 * The checks of an API 2.0 request before its fault and endpoint, as TomTicket documents them: an
 * unknown route 404, a missing or wrong `Authorization: Bearer` 401 (whatever else the request
 * carries: a token in the URL is not read), over the account's 3 a second 429 (nginx's HTML page,
 * or the envelope under 'json'), a wrong method 405, a JSON body 401 ([code, live] C1). Answers
 * and says true when one of them stopped the request.
 */
export function v2Gate(
  deps: V2HandlerDeps,
  request: IncomingMessage,
  response: ServerResponse,
  endpoint: FakeV2Endpoint | undefined,
  reply: V2Reply,
  fault: FakeFault,
  arrivedAt: number,
): boolean {
  // The account answers one spelling of the existence check; the other is a route it does not have.
  const unknownSpelling = endpoint === (deps.v2Variants.customerCheckPath === 'customer' ? 'customers/exists' : 'customer/exists');
  if (!endpoint || unknownSpelling) return answered(() => reply.envelope(404, FAKE_V2_MESSAGES.notFound));
  if (request.headers.authorization !== `Bearer ${deps.currentToken()}`) return answered(() => reply.envelope(401, FAKE_V2_MESSAGES.invalidToken));
  if (fault === 'rate_limit_storm' || !deps.rateWindow.admit(arrivedAt)) {
    return answered(() =>
      deps.v2Variants.rateLimitBody === 'html' ? reply.text(429, 'text/html', HTML_429_PAGE) : reply.envelope(429, 'Too Many Requests'),
    );
  }
  const route = V2_ROUTES[endpoint];
  // A token without "Pode criar e modificar dados" reads, and is refused its writes [guess: D6's 401].
  if (route.method === 'POST' && !deps.tokenCanWrite()) return answered(() => reply.envelope(401, FAKE_V2_MESSAGES.invalidToken));
  if (request.method !== route.method) {
    response.setHeader('Allow', route.method);
    return answered(() => reply.envelope(405, FAKE_V2_MESSAGES.methodNotAllowed));
  }
  if (route.method === 'POST' && (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return answered(() => reply.envelope(401, FAKE_V2_MESSAGES.jsonRefused));
  }
  return false;
}

function answered(send: () => void): true {
  send();
  return true;
}

/** Runs an API 2.0 endpoint once the gate and the faults let the request through. */
export function runV2Endpoint(
  deps: V2HandlerDeps,
  request: IncomingMessage,
  url: URL,
  endpoint: FakeV2Endpoint,
  reply: V2Reply,
  rejection: string | undefined,
): void | Promise<void> {
  const exchange: FakeV2Exchange = {
    request,
    url,
    variants: deps.variants,
    v2: deps.v2Variants,
    account: deps.account,
    storageDir: deps.storageDir,
    reply,
    attachmentField: deps.attachmentField,
    listingLagMs: deps.listingLagMs,
    ...(rejection !== undefined && { rejection }),
  };
  return HANDLERS[endpoint](exchange);
}
