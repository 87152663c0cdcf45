/** How to call the doctor, printed for `--help` or a wrong call. */
export const DOCTOR_USAGE = `Usage: npm run doctor [-- --email <customer e-mail> [--send-test]]
  (no options)        the token, the departments and categories with their ids (with TOMTICKET_API=v2 also
                      the account's custom fields and the widget type each is drawn as), FORM_CONFIG against them
  --email <e-mail>    also: the customer lookup in each addressing form, and which one this account answers
  --send-test         also: ONE real ticket titled as a test (as that customer), the shape of TomTicket's
                      answer, how the account counts the 250/1024 limits (kept in DATA_DIR for the server),
                      and whether the listing finds the ticket
Reads the same environment as the server (TOMTICKET_API, TOMTICKET_TOKEN, TOMTICKET_API_URL, FORM_CONFIG,
DATA_DIR, MESSAGE_FORMAT; SANDBOX=true checks the built-in fake). Read-only unless --send-test.
Exit status 0 only when every step it ran passed.`;

/** What the command line asked for. */
export type DoctorArgs = { kind: 'run'; email?: string; sendTest: boolean } | { kind: 'help' } | { kind: 'wrong' };

/** Reads `--email <e-mail>` (or `--email=<e-mail>`), `--send-test` and `--help`; anything else is a wrong call. */
export function parseDoctorArgs(args: readonly string[]): DoctorArgs {
  let email: string | undefined;
  let sendTest = false;
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--send-test') sendTest = true;
    else if (arg === '--email' && args[index + 1] !== undefined && !(args[index + 1] as string).startsWith('--')) email = (args[++index] as string).trim();
    else if (arg.startsWith('--email=')) email = arg.slice('--email='.length).trim();
    else return { kind: 'wrong' };
  }
  if (email === '') return { kind: 'wrong' };
  return { kind: 'run', ...(email !== undefined ? { email } : {}), sendTest };
}
