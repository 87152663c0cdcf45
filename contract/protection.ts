/**
 * The names the widget and the companion server share for the anti-abuse protections: the
 * honeypot field, the request headers carrying the form token, the proof of work and the
 * customer's signed identity, and the shape of `GET /api/challenge`.
 */
export const PROTECTION = {
  /** A form field people never see or fill; a value in it marks the sender as a bot. */
  honeypotField: 'website',
  /** Header carrying the signed form token from `GET /api/challenge` (proves the form was loaded a while ago). */
  formTokenHeader: 'Form-Token',
  /** Header carrying the ALTCHA payload: base64 of `{ challenge, solution }`. */
  proofHeader: 'Altcha',
} as const;

/** The ALTCHA v2 challenge as the server signs it (altcha-lib's `Challenge`). */
export interface ProofChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyLength: number;
    keyPrefix: string;
    keySignature?: string;
    expiresAt?: number;
    [name: string]: unknown;
  };
  signature?: string;
}

/** What `GET /api/challenge` answers; each part is there only while its protection is on. */
export interface ChallengeBody {
  /** The signed form token to send back in the Form-Token header. */
  token?: string;
  /** Seconds that must pass between this answer and the ticket (the widget waits them out). */
  minSeconds?: number;
  /** The proof-of-work challenge to solve and send back in the Altcha header. */
  challenge?: ProofChallenge;
}
