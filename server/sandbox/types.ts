/** One department of the fake's account, with its categories. */
export interface FakeDepartment {
  id: string;
  name: string;
  online?: boolean;
  categories: { id: string; name: string }[];
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
  /** The bytes of the `criar_chamado` body that created it, as they arrived. */
  requestBytes: number;
  createdAt: Date;
}

/** Every request the fake saw, in arrival order, with the token replaced by `***`. */
export interface FakeRequestRecord {
  method: string;
  /** The path with the token redacted, e.g. `/criar_chamado/***\/ana%40example.com`. */
  path: string;
  /** Which contract endpoint it hit, or 'unknown'. */
  endpoint: 'criar_chamado' | 'cliente' | 'criar_cliente' | 'departamentos' | 'chamado' | 'chamados' | 'unknown';
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

/** Options of the fake TomTicket account. */
export interface FakeTomTicketOptions {
  /** The only token the fake accepts (until {@link FakeTomTicket.setToken}). */
  token: string;
  /** Where the fake reads TomTicket one way or another; each missing key takes its default (see DEFAULT_FAKE_VARIANTS). */
  variants?: Partial<FakeVariants>;
  departments?: readonly FakeDepartment[];
  customers?: readonly FakeCustomer[];
  /** Requests allowed in any one-second window before 429; 0 turns the limit off. Default 3. */
  requestsPerSecond?: number;
  /** Folder for stored attachments; default a fresh temp folder removed on close. */
  storageDir?: string;
  /** How late the 'slow' fault answers; default 10 s. */
  slowAnswerMs?: number;
}

/** A running fake of TomTicket's legacy API, listening on loopback. */
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
  /** The variants in effect. */
  readonly variants: FakeVariants;
  /** Forgets recorded requests (not tickets or customers), e.g. between test cases. */
  clearRequests(): void;
  /** Stops listening, drops hanging requests, removes the storage folder it created. */
  close(): Promise<void>;
}
