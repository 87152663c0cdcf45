import { PROTECTION, type ChallengeBody } from '../../contract/index.ts';

/** Headers proving a person loaded the form: the signed form token and the solved proof of work. */
export type Proof = Record<string, string>;

/**
 * Fetches `GET {endpoint}/api/challenge` and, in the background, solves its ALTCHA proof of work
 * with WebCrypto: SHA-256 of salt ‖ nonce ‖ counter (the server's challenges have cost 1 and a
 * 32-byte key) for counter 0, 1, 2… until the hex starts with the key prefix; then waits out the
 * form's minimum age. Never rejects: without a challenge (an older server, an error) the ticket
 * goes without proof and the server tells what it misses.
 */
export async function prepareProof(endpoint: string, signal: AbortSignal): Promise<Proof> {
  const proof: Proof = {};
  try {
    const { token, minSeconds = 0, challenge }: ChallengeBody = await (await fetch(`${endpoint}/api/challenge`, { signal })).json();
    const readyAt = Date.now() + minSeconds * 1000;
    if (token) proof[PROTECTION.formTokenHeader] = token;
    if (challenge) {
      const { salt, nonce, keyPrefix } = challenge.parameters;
      const data = new Uint8Array([...(salt + nonce).match(/../g)!.map((pair) => parseInt(pair, 16)), 0, 0, 0, 0]);
      for (let counter = 0; !signal.aborted; counter++) {
        new DataView(data.buffer).setUint32(data.length - 4, counter);
        const key = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', data)), (b) => (b + 256).toString(16).slice(1)).join('');
        if (key.startsWith(keyPrefix)) {
          proof[PROTECTION.proofHeader] = btoa(JSON.stringify({ challenge, solution: { counter, derivedKey: key } }));
          break;
        }
        // Awaited digests only queue microtasks: a timer now and then lets the page handle typing.
        if (counter % 256 === 0) await new Promise((wake) => setTimeout(wake));
      }
    }
    await new Promise((wake) => setTimeout(wake, readyAt - Date.now()));
  } catch {
    // No usable challenge: send without proof.
  }
  return proof;
}
