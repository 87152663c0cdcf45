/** Everything the companion server is configured with, complete (env parsing fills the defaults). */
export interface ServerConfig {
  /** 'sandbox' when no TOMTICKET_TOKEN is set: the built-in fake stands in for TomTicket. */
  mode: 'sandbox' | 'live';
  port: number;
  host: string;
  tomticket: {
    /** The secret. Only ever placed in upstream URLs; redacted everywhere else. */
    token: string;
    /** Base URL of the legacy API, without trailing slash. */
    apiUrl: string;
    /** How long one upstream call may take before it counts as a timeout. */
    timeoutMs: number;
    /** Check and create the customer before creating the ticket. */
    createCustomers: boolean;
    /** The account's rate limit, shared by every upstream call. */
    requestsPerSecond: number;
    /** How long the department listing is reused. */
    departmentsCacheMs: number;
  };
  /** Exact origins allowed to call /api/*. */
  allowedOrigins: string[];
  /** Also allow http(s)://localhost, 127.0.0.1 and [::1] on any port (sandbox default). */
  allowLoopbackOrigins: boolean;
  /** Path of the site owner's form configuration (FORM_CONFIG), if any. */
  formConfigPath?: string;
  /** Where uploads are spooled while a submission is handled. */
  spoolDir: string;
  /** Node's http.Server requestTimeout and headersTimeout, lowered from the 300 s / 60 s defaults. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
}
