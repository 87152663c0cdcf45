import type { Locale, MessageFormat } from '../../contract/index.ts';
import type { ApiName } from '../tomticket/types.ts';

/** Everything the companion server is configured with, complete (env parsing fills the defaults). */
export interface ServerConfig {
  /** 'sandbox' only when asked for (SANDBOX=true): the built-in fake stands in for TomTicket. */
  mode: 'sandbox' | 'live';
  /** How the ticket's message is sent (MESSAGE_FORMAT): HTML-escaped with `<br>` line breaks, or as typed. */
  messageFormat: MessageFormat;
  /** Whether the sandbox inbox (/sandbox…) answers other hosts than loopback ones (SANDBOX_PUBLIC). */
  sandboxPublic: boolean;
  port: number;
  host: string;
  tomticket: {
    /** Which of TomTicket's APIs the server speaks (TOMTICKET_API): the legacy one, or API 2.0. */
    api: ApiName;
    /** The secret. Only ever placed in the legacy API's URLs or API 2.0's Authorization header; redacted everywhere else. */
    token: string;
    /** Base URL of TomTicket, without trailing slash (API 2.0 lives under its `/v2.0/`). */
    apiUrl: string;
    /** API 2.0: each attachment's form field name, `{n}` standing for its index (TOMTICKET_ATTACHMENT_FIELD). */
    attachmentField: string;
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
  /**
   * Where the outbox, its uncertain and dead items and the idempotency records live (DATA_DIR;
   * in sandbox mode its `sandbox` subfolder, so sandbox tickets never mix with real ones).
   * readConfig always fills it; startServer falls back to ./.data.
   */
  dataDir?: string;
  /** How tickets are delivered from the outbox; readConfig always fills it, startServer has the same defaults. */
  delivery?: DeliveryConfig;
  /** Node's http.Server requestTimeout and headersTimeout, lowered from the 300 s / 60 s defaults. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** The most connections open at once (MAX_CONNECTIONS); readConfig always fills it, startServer has the same default. */
  maxConnections?: number;
  /** How long writing an answer may go without progress before the connection is dropped (WRITE_TIMEOUT_MS). */
  writeTimeoutMs?: number;
  /** The most bytes the outbox (queued, uncertain, dead) may hold before tickets with files are refused (OUTBOX_MAX_MB). */
  outboxMaxBytes?: number;
  /** The anti-abuse protections; readConfig always fills it, createApp applies the same defaults without it. */
  protection?: ProtectionConfig;
  /**
   * The address sites load the widget from (PUBLIC_URL, e.g. `https://support.example.com`), for the
   * embed snippet (`/embed.json`, the demo page); unset: each request's own (see public-origin.ts).
   */
  publicUrl?: string;
  /** The custom field the page and device context goes into, where a ticket's department and category have it (CONTEXT_FIELD); else the message. */
  contextField?: string;
  /** The language of the lines the server adds to tickets for agents: context, consent (TICKET_NOTES_LANG). */
  notesLanguage: Locale;
}

/** How the outbox delivers tickets to TomTicket. */
export interface DeliveryConfig {
  /** How long a submission waits for its first delivery before it is answered 202 queued (DELIVERY_WAIT_MS). */
  waitMs: number;
  /** The first pause before a queued ticket is tried again; it doubles per failure (OUTBOX_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** The longest pause between tries (OUTBOX_RETRY_MAX_MS). */
  retryMaxMs: number;
  /** A ticket still failing this long after it was received moves to the dead-letter folder (OUTBOX_DEAD_AFTER_MS). */
  deadAfterMs: number;
  /**
   * How long after a try with no answer the listing must keep not showing the ticket before it is
   * taken as not created and sent again (OUTBOX_LOOKUP_GRACE_MS). Optional: default 5 minutes.
   */
  lookupGraceMs?: number;
  /** Tries answered in a way the server cannot read before the ticket moves to dead/ (OUTBOX_MAX_REFUSALS). Optional: default 5. */
  maxRefusals?: number;
}

/** The anti-abuse protections of POST /api/tickets (server/protection/); each can be switched off. */
export interface ProtectionConfig {
  /** Accept tickets without an Origin header, i.e. not from a browser (ALLOW_NO_ORIGIN). */
  allowNoOrigin: boolean;
  /**
   * The proxies in front of the server, by address or CIDR range (or proxy-addr's `loopback`…):
   * X-Forwarded-For is believed only from them; empty = the socket's address (TRUST_PROXY).
   */
  trustProxy: string[];
  /** Most tickets per window; 0 switches that limit off. */
  rateLimits: {
    /** Per client IP (an IPv6 /64 counts as one client; its /56 may send twice, its /48 four times as many) and hour (RATE_LIMIT_IP_HOUR). */
    ipPerHour: number;
    /** Per client IP and day (RATE_LIMIT_IP_DAY). */
    ipPerDay: number;
    /** Per customer e-mail and hour (RATE_LIMIT_EMAIL_HOUR). */
    emailPerHour: number;
    /** Per customer e-mail and day (RATE_LIMIT_EMAIL_DAY). */
    emailPerDay: number;
    /** For the whole server and hour (RATE_LIMIT_GLOBAL_HOUR). */
    globalPerHour: number;
    /** Percent of the global cap only signed-in customers may use (RATE_LIMIT_GLOBAL_SIGNED_IN_PERCENT); 0 without IDENTITY_SECRET. */
    globalSignedInPercent: number;
    /** Refused requests (403, 429) per client and minute before it is answered 429 at once and cut off (RATE_LIMIT_REFUSED_MINUTE). */
    refusedPerMinute: number;
  };
  /** Refuse submissions whose hidden honeypot field is filled (HONEYPOT). */
  honeypot: boolean;
  /** Least seconds between loading the form and sending it; 0 = no form token needed (MIN_SUBMIT_SECONDS). */
  minSubmitSeconds: number;
  /** How long a form token or proof-of-work challenge stays valid (FORM_MAX_AGE_SECONDS). */
  formMaxAgeSeconds: number;
  /** Signs form tokens and challenges (FORM_SECRET); undefined: a random one per start. */
  formSecret?: string;
  /** Require a solved ALTCHA proof-of-work challenge with every ticket (PROOF_OF_WORK). */
  proofOfWork: boolean;
  /** The largest number the browser may have to find: the work's upper bound (PROOF_OF_WORK_MAX_NUMBER). */
  proofOfWorkMaxNumber: number;
  /** HS256 secret shared with the site's backend for identity tokens (IDENTITY_SECRET); undefined: tokens refused. */
  identitySecret?: string;
  /** Refuse tickets without a valid identity token (IDENTITY_REQUIRED). */
  identityRequired: boolean;
  /** The `aud` claim every identity token must carry, so tokens the site signs for other uses are refused (IDENTITY_AUDIENCE). */
  identityAudience: string;
  /** The furthest an identity token's `exp` may lie ahead (IDENTITY_MAX_LIFETIME_SECONDS). */
  identityMaxLifetimeSeconds: number;
  /** Send anonymous tickets as this one TomTicket customer (e-mail) instead of the typed e-mail (ANONYMOUS_CUSTOMER). */
  anonymousCustomer?: string;
  /** Refuse denied file types by extension and content, and images that are not images (FILE_TYPE_CHECKS). */
  fileTypeChecks: boolean;
  /** Extensions refused, lower case without the dot (DENIED_FILE_EXTENSIONS). */
  deniedExtensions: string[];
  /** Most bytes of one attachment (MAX_FILE_MB); the whole request stays within LIMITS.requestMaxBytes. */
  maxFileBytes: number;
}
