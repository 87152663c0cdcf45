/** Where the e2e suite runs the companion server (sandbox mode). */
export const SERVER_ORIGIN = 'http://127.0.0.1:47801';
/** Where it serves the host pages: another origin than the server, as on a real site. */
export const HOST_ORIGIN = 'http://localhost:47802';
