/** One department of the fake's account, with its categories. */
export interface FakeDepartment {
  id: string;
  name: string;
  online?: boolean;
  categories: { id: string; name: string }[];
  /**
   * The custom fields the account has for tickets to this department. API 2.0 describes them
   * (`custom_field/department/list`) and enforces them on `ticket/new`; the legacy API describes
   * none and takes any `campos[<id>]`.
   */
  customFields?: FakeCustomField[];
}

/** A custom field of the fake account, as TomTicket's API 2.0 describes it (docs/tomticket-api-v2.md §7). */
export interface FakeCustomField {
  id: string;
  label: string;
  /** TomTicket's type code: 1 single line, 2 several lines, 3 list; any other number is a type the sources never showed. */
  type: number;
  /** The ticket is refused without a value for it (where it applies). */
  mandatory: boolean;
  /** A list field's choices: the text sent is the value. */
  options?: string[];
  /** False: not asked when a ticket is opened (`operation.open: false`). */
  open?: boolean;
  /**
   * Where TomTicket binds it: category ids of its department, and '' (the contract's NO_CATEGORY)
   * for a ticket without a category. A value sent where it is not bound is dropped without error.
   */
  boundTo: string[];
}

/** A customer known to the fake account. */
export interface FakeCustomer {
  /** The internal id (`tipo_identificador=I`). */
  id: string;
  email: string;
  name: string;
}

/** An attachment as the fake stored it: on disk, with its digest for byte-for-byte checks. */
export interface FakeAttachment {
  /** The multipart field name it arrived under, e.g. `anexos[0]`. */
  fieldName: string;
  fileName: string;
  type: string;
  size: number;
  sha256: string;
  path: string;
}

/** A ticket the fake created. */
export interface FakeTicket {
  /** `id_chamado`: a hash-like id. */
  id: string;
  /** `protocolo`: an increasing integer. */
  protocol: number;
  customerId: string;
  customerEmail: string;
  departmentId: string;
  categoryId?: string;
  title: string;
  message: string;
  priority: number;
  customFields: Record<string, string>;
  attachments: FakeAttachment[];
  /** The bytes of the creating request's body, as they arrived. */
  requestBytes: number;
  createdAt: Date;
  /** Which API created it. */
  api?: 'legacy' | 'v2';
  /** API 2.0: custom fields sent where the account does not bind them, which TomTicket drops without a word. */
  droppedCustomFields?: Record<string, string>;
}

/** An endpoint of the fake's legacy API. */
export type FakeLegacyEndpoint = 'criar_chamado' | 'cliente' | 'criar_cliente' | 'departamentos' | 'chamado' | 'chamados';

/** An endpoint of the fake's API 2.0 (the path after `/v2.0/`). */
export type FakeV2Endpoint =
  | 'ticket/new'
  | 'ticket/detail'
  | 'ticket/list'
  | 'department/list'
  | 'department/category/list'
  | 'custom_field/department/list'
  | 'customer/exists'
  | 'customers/exists'
  | 'customer/new'
  | 'customer/details';

/** What a call is for, in either API: tests compare the calls of both adapters by role. */
export type FakeCallRole = 'departments' | 'customer_check' | 'customer_create' | 'ticket_create' | 'ticket_detail' | 'ticket_list' | 'unknown';

/** Every request the fake saw, in arrival order, with the token replaced by `***`. */
export interface FakeRequestRecord {
  method: string;
  /** The path with the token redacted, e.g. `/criar_chamado/***\/ana%40example.com`. */
  path: string;
  /** Which contract endpoint it hit, or 'unknown'. */
  endpoint: FakeLegacyEndpoint | FakeV2Endpoint | 'unknown';
  /** Which API it spoke to (a path under `/v2.0/` is API 2.0). */
  api: 'legacy' | 'v2';
  /** What it was for. */
  role: FakeCallRole;
  /** API 2.0: the token appeared in the URL (it belongs in the Authorization header only). */
  tokenInUrl?: boolean;
  /** Milliseconds since the epoch when the request arrived (for the rate-limit windows). */
  at: number;
  /** The status the fake answered; 0 while it has not answered (e.g. under the 'no_answer' fault). */
  status: number;
}

/** Failures a test can switch on; 'none' is the faithful service. */
export type FakeFault =
  | 'none'
  /** `criar_chamado` answers `{erro: true, mensagem}` with status 200. */
  | 'reject'
  /** Every call answers 500 with an HTML page. */
  | 'http_500'
  /** Every call answers 200 with a body that is not JSON. */
  | 'invalid_json'
  /** Every call is accepted and never answered (until close). */
  | 'no_answer'
  /** The port is closed: every connection is refused (the same port reopens on the next switch). */
  | 'down'
  /** Every call answers 429, as when the account is over its rate limit for a long while. */
  | 'rate_limit_storm'
  /** Every call is carried out, then answered only after `slowAnswerMs` (past a client's timeout). */
  | 'slow'
  /** `criar_chamado` drops the connection while the body is arriving: no ticket is made. */
  | 'reset_mid_upload'
  /** `criar_chamado` makes the ticket, then drops the connection without answering. */
  | 'created_then_drop';

/**
 * How the fake behaves where TomTicket's pages and the public integrations disagree
 * (shared/tomticket-api.md, "What public integrations disagree on"). Each default is the reading
 * the server first bet on; tests run the ticket flows under every other value, alone and together.
 */
export interface FakeVariants {
  /**
   * `GET /cliente`: 'query' reads the type from `?tipo_identificador=E|I`; 'path' ignores the query
   * (an e-mail is then looked up as an internal id and reads absent) and takes the type only as a
   * third path segment, `/cliente/{token}/{identificador}/E`, like the documented `update_cliente`.
   */
  customerCheck: 'query' | 'path';
  /**
   * Refusals: 'erro_200' answers HTTP 200 `{erro: true, mensagem}`, a refused token included;
   * 'http_4xx' answers the same JSON body with 400 (invalid), 404 (not found), 409 (already
   * exists), and a refused token with 401, as v2 and some legacy readers expect.
   */
  refusals: 'erro_200' | 'http_4xx';
  /**
   * The ticket's id and protocol: 'id_chamado' answers creation with `id_chamado` and gives
   * `protocolo` as a number; 'idchamado' answers creation with `idchamado` (as the detail and
   * listing calls spell it) and gives `protocolo` as a string everywhere.
   */
  ticketIds: 'id_chamado' | 'idchamado';
  /** Path segments: 'decoded' percent-decodes them; 'raw' takes them as they arrive, so `%40` is not `@`. */
  pathSegments: 'decoded' | 'raw';
  /** How the 250/1024 limits count a value as it arrived: 'chars' in code points; 'bytes' in UTF-8 bytes, as PHP's strlen. */
  lengthUnit: 'chars' | 'bytes';
}

/**
 * How the fake's API 2.0 behaves where the sources disagree or are silent
 * (docs/tomticket-api-v2.md, "What the adapter must tolerate"). Each default is the best-supported
 * reading; the ticket flows run under every other value too. The account-wide `refusals` and
 * `lengthUnit` of {@link FakeVariants} apply to API 2.0 as well.
 */
export interface FakeV2Variants {
  /**
   * Where `ticket/new` answers the new ticket: 'root' `ticket_id` and `protocol` (a number) at the
   * envelope's top [code, live]; 'data' `data: { id, protocol: "<digits>" }` (what integrations
   * also read); 'none' only the envelope (the help page shows no more), so the protocol is unknown.
   */
  createdTicket: 'root' | 'data' | 'none';
  /** A 429's body: 'html' nginx's page [code, live]; 'json' the envelope. */
  rateLimitBody: 'html' | 'json';
  /** A page past the listing's end: 'empty' 200 with no data and `next_page: null` [code]; 'http_404' a 404 in the envelope. */
  listingEnd: 'empty' | 'http_404';
  /** 'none': a ticket is listed at once; 'delayed': only `listingLagMs` after it was created [code, live]. */
  listingLag: 'none' | 'delayed';
  /** Which spelling of the existence check the account answers: `customer/exists` or `customers/exists` [doc]; the other is an unknown route. */
  customerCheckPath: 'customer' | 'customers';
  /** What the existence check answers: 'data_exists' `data: { exists }`; 'data_boolean' `data: true|false`. */
  customerCheckAnswer: 'data_exists' | 'data_boolean';
  /** `custom_field/department/list`'s `data`: 'ticket_key' `{ ticket: [fields] }` (the page's nesting); 'array' the fields themselves. */
  customFieldList: 'ticket_key' | 'array';
  /** `department/list`: 'nested' categories with their fields and the no-category fields inside [code, live]; 'flat' only ids and names. */
  departmentListing: 'nested' | 'flat';
}

/** Options of the fake TomTicket account. */
export interface FakeTomTicketOptions {
  /** The only token the fake accepts (until {@link FakeTomTicket.setToken}). */
  token: string;
  /** Where the fake reads TomTicket one way or another; each missing key takes its default (see DEFAULT_FAKE_VARIANTS). */
  variants?: Partial<FakeVariants>;
  /** The same for API 2.0 (see DEFAULT_FAKE_V2_VARIANTS). */
  v2Variants?: Partial<FakeV2Variants>;
  /** API 2.0: the attachments' form field name the account takes, `{n}` standing for the index; default `attachment[{n}]`. */
  v2AttachmentField?: string;
  /** Under the 'delayed' listing lag, how long a new ticket stays out of `ticket/list`; default 1.5 s. */
  listingLagMs?: number;
  departments?: readonly FakeDepartment[];
  customers?: readonly FakeCustomer[];
  /** Requests allowed in any one-second window before 429; 0 turns the limit off. Default 3. */
  requestsPerSecond?: number;
  /** Folder for stored attachments; default a fresh temp folder removed on close. */
  storageDir?: string;
  /** How late the 'slow' fault answers; default 10 s. */
  slowAnswerMs?: number;
}

/** A running fake of TomTicket (its legacy API and API 2.0, as the real host serves both), listening on loopback. */
export interface FakeTomTicket {
  /** Base URL, e.g. `http://127.0.0.1:40123`: what TOMTICKET_API_URL points at. */
  readonly url: string;
  readonly requests: readonly FakeRequestRecord[];
  readonly tickets: readonly FakeTicket[];
  readonly customers: readonly FakeCustomer[];
  /** The account's departments (added for the sandbox inbox, which shows their names). */
  readonly departments?: readonly FakeDepartment[];
  /** Where attachments are stored (added for tests and the inbox). */
  readonly storageDir?: string;
  /**
   * Switches a failure mode on for every following request. Settles once it is in effect: switching
   * to or from 'down' closes or reopens the port, which takes a moment.
   */
  setFault(fault: FakeFault, message?: string): Promise<void>;
  /** Changes the token the account accepts, as when it is revoked or replaced in TomTicket. */
  setToken(token: string): void;
  /**
   * API 2.0: whether the token may create and modify data ("Pode criar e modificar dados"); without
   * it `ticket/new` and `customer/new` answer 401 while reads go on. Default true.
   */
  setTokenCanWrite(canWrite: boolean): void;
  /** The variants in effect. */
  readonly variants: FakeVariants;
  /** API 2.0's variants in effect. */
  readonly v2Variants: FakeV2Variants;
  /** Forgets recorded requests (not tickets or customers), e.g. between test cases. */
  clearRequests(): void;
  /** Stops listening, drops hanging requests, removes the storage folder it created. */
  close(): Promise<void>;
}
