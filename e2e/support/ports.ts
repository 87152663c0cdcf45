// E2E_PORT_BASE moves every port (default 47801), so two checkouts can run their suites side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 47801);
if (!Number.isInteger(base) || base < 1024 || base > 65531) throw new Error(`E2E_PORT_BASE must be a port number, got ${process.env.E2E_PORT_BASE}`);

/** Where the e2e suite runs the companion server (sandbox mode). */
export const SERVER_ORIGIN = `http://127.0.0.1:${base}`;
/** Where it serves the host pages: another origin than the server, as on a real site. */
export const HOST_ORIGIN = `http://localhost:${base + 1}`;
/** Where the reverse-proxy test (deploy/nginx/nginx.test.ts) runs nginx: the port after the e2e ones. */
export const NGINX_PORT = base + 2;
/** Where it runs a second companion server in sandbox mode speaking TomTicket's API 2.0 (TOMTICKET_API=v2): the port after nginx's. */
export const SERVER_V2_ORIGIN = `http://127.0.0.1:${base + 3}`;
/** Where it runs a third companion server in sandbox mode whose FORM_CONFIG asks for a consent (the demo's, plus `consent`). */
export const SERVER_CONSENT_ORIGIN = `http://127.0.0.1:${base + 4}`;
