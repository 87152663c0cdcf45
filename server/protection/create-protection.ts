import { randomBytes } from 'node:crypto';
import { PROTECTION, type ChallengeBody, type FormSchema } from '../../contract/index.ts';
import type { ProtectionConfig } from '../config/types.ts';
import { readProtectionConfig } from '../config/read-protection-config.ts';
import type { RequestContext } from '../http/types.ts';
import type { Logger } from '../log/types.ts';
import type { ReceivedFile, ReceivedSubmission } from '../submission/types.ts';
import type { TicketToCreate } from '../tomticket/types.ts';
import { checkFiles } from './check-files.ts';
import { checkText } from './check-text.ts';
import { clientNetworks, createClientIp } from './client-ip.ts';
import { createFormProofs } from './form-proofs.ts';
import { createFormTokens } from './form-token.ts';
import { takeHoneypot } from './honeypot.ts';
import { createIdentityVerifier } from './identity.ts';
import { createProofOfWork } from './proof-of-work.ts';
import { createRateLimits } from './rate-limits.ts';
import { refusalResponse } from './refusal-response.ts';
import type { Identity, Refusal } from './types.ts';

/** A step's outcome: go on with `value`, or answer `response` (a refusal) and stop. */
export type Step<T> = { ok: true; value: T } | { ok: false; response: Response };

/** The checks one ticket request passes after its headers were admitted. */
export interface Gate {
  /** After parsing, before validation: honeypot, untypable text, and the vouched identity in place of typed e-mail and name. */
  screen(submission: ReceivedSubmission): Step<ReceivedSubmission>;
  /** After validation: attachments, the customer the ticket is opened for, the e-mail and server-wide rate limits. */
  approve(ticket: TicketToCreate, files: readonly ReceivedFile[]): Promise<Step<TicketToCreate>>;
}

/** The server's anti-abuse protections (server/protection/), as the routes use them. */
export interface Protection {
  /** The body of `GET /api/challenge`: a form token and a proof-of-work challenge, each while its protection is on. */
  challenge(): Promise<ChallengeBody>;
  /** `POST /api/tickets` from its headers alone, before any byte of the body is read. */
  admit(request: Request, context: RequestContext): Promise<Step<Gate>>;
  /**
   * Refused requests (403, 429) of a client count against it: past RATE_LIMIT_REFUSED_MINUTE its
   * next `/api/*` requests get this 429 at once, nothing else checked. Undefined while it has room.
   */
  refusedTooOften(request: Request, context: RequestContext): Response | undefined;
  /** Counts a refused answer (403, 429) to the client of `request`. */
  countRefused(request: Request, context: RequestContext): void;
  /** The schema as the widget must see it: no e-mail or name asked when anonymous tickets go to one fixed customer. */
  adaptSchema(schema: FormSchema): FormSchema;
  /** Most bytes of one attachment. */
  readonly maxFileBytes: number;
}

/** Options of {@link createProtection}. */
export interface ProtectionOptions {
  /** Default: every protection on with its default settings. */
  config?: ProtectionConfig;
  logger: Logger;
  now?: () => number;
}

/**
 * Builds every protection from its settings. Header checks run cheapest and most telling first:
 * Origin present, the client's rate limit (counted), the identity token, the server-wide cap (for
 * signed-in or anonymous tickets), the form token's age, then the proof of work (the pair is spent,
 * so last).
 */
export function createProtection(options: ProtectionOptions): Protection {
  const config = options.config ?? readProtectionConfig({});
  const now = options.now ?? Date.now;
  const secret = config.formSecret ?? randomBytes(32).toString('hex');
  // Told when the first form loads, not at start: the start-up line stays the first thing printed.
  let randomSecretTold = config.formSecret !== undefined;
  const rateLimits = createRateLimits(config.rateLimits, now);
  const formTokens = config.minSubmitSeconds > 0
    ? createFormTokens({ secret, minSeconds: config.minSubmitSeconds, maxAgeSeconds: config.formMaxAgeSeconds, now })
    : undefined;
  const proofOfWork = config.proofOfWork
    ? createProofOfWork({ secret, maxNumber: config.proofOfWorkMaxNumber, maxAgeSeconds: config.formMaxAgeSeconds, now })
    : undefined;
  const formProofs = createFormProofs({ ...(formTokens ? { formTokens } : {}), ...(proofOfWork ? { proofOfWork } : {}), now });
  const clientIp = createClientIp(config.trustProxy);
  const networksOf = (request: Request, context: RequestContext) =>
    clientNetworks(clientIp(context.remoteAddress, request.headers.get('x-forwarded-for')));
  const verifyIdentity = createIdentityVerifier({
    secret: config.identitySecret,
    required: config.identityRequired,
    audience: config.identityAudience,
    maxLifetimeSeconds: config.identityMaxLifetimeSeconds,
    now,
  });
  const deniedExtensions = new Set(config.deniedExtensions);
  const refused = (refusal: Refusal): { ok: false; response: Response } => ({ ok: false, response: refusalResponse(refusal) });

  function createGate(identity: Identity | undefined): Gate {
    return {
      screen(received) {
        const trapped = takeHoneypot(received);
        if (!trapped.ok && config.honeypot) return refused(trapped.refusal);
        const submission = trapped.ok ? trapped.submission : { ...received, fields: received.fields.filter((f) => f.name !== PROTECTION.honeypotField) };
        const untypable = checkText(submission.fields);
        if (untypable) return refused(untypable);
        if (identity === undefined) return { ok: true, value: submission };
        // The site vouched for this customer: what was typed (if anything) does not count.
        const fields = submission.fields.filter((field) => field.name !== 'email' && field.name !== 'name');
        fields.unshift(
          { name: 'email', value: identity.email, valueTruncated: false, nameTruncated: false },
          { name: 'name', value: identity.name, valueTruncated: false, nameTruncated: false },
        );
        return { ok: true, value: { ...submission, fields } };
      },

      async approve(ticket, files) {
        const fileRefusal = await checkFiles(files, { typeChecks: config.fileTypeChecks, deniedExtensions });
        if (fileRefusal) return refused(fileRefusal);
        let customer: TicketToCreate['customer'];
        if (identity !== undefined) {
          customer = { email: identity.email, name: identity.name, ...(identity.externalId ? { externalId: identity.externalId } : {}) };
        } else if (config.anonymousCustomer !== undefined) {
          customer = { email: config.anonymousCustomer };
        } else {
          customer = ticket.customer;
        }
        const limited = rateLimits.admitTicket(
          identity === undefined && customer.email === config.anonymousCustomer ? undefined : customer.email,
          identity !== undefined,
        );
        if (limited) return refused(limited);
        return { ok: true, value: { ...ticket, customer } };
      },
    };
  }

  return {
    async challenge() {
      if (!randomSecretTold) {
        randomSecretTold = true;
        options.logger.info('FORM_SECRET is not set: forms are signed with a random key, so a restart invalidates forms already open');
      }
      const { token, challenge } = await formProofs.issue();
      const body: ChallengeBody = {};
      if (token !== undefined) {
        body.token = token;
        body.minSeconds = config.minSubmitSeconds;
      }
      if (challenge !== undefined) body.challenge = challenge;
      return body;
    },

    async admit(request, context) {
      const { headers } = request;
      if (!config.allowNoOrigin && headers.get('origin') === null) {
        return refused({
          status: 403,
          code: 'origin_required',
          message: 'Tickets are taken from web pages only: the request has no Origin header (ALLOW_NO_ORIGIN).',
        });
      }
      const overLimit = rateLimits.admitClient(networksOf(request, context));
      if (overLimit) return refused(overLimit);
      const identity = await verifyIdentity(headers.get('authorization'));
      if (!identity.ok) return refused(identity.refusal);
      const full = rateLimits.checkGlobal(identity.identity !== undefined);
      if (full) return refused(full);
      const unproven = await formProofs.spend(headers);
      if (unproven) return refused(unproven);
      return { ok: true, value: createGate(identity.identity) };
    },

    refusedTooOften(request, context) {
      const refusal = rateLimits.checkRefused(networksOf(request, context));
      return refusal && refusalResponse(refusal);
    },

    countRefused(request, context) {
      rateLimits.countRefused(networksOf(request, context));
    },

    adaptSchema(schema) {
      if (config.anonymousCustomer === undefined) return schema;
      return { ...schema, customer: { emailRequired: false, nameRequired: false } };
    },

    maxFileBytes: config.maxFileBytes,
  };
}
