/** What the runtime tells the app about a request besides the Request itself. */
export interface RequestContext {
  /** The peer's IP address as the socket saw it ('' when unknown). */
  remoteAddress: string;
}

/** The web-standard application: a Request in, a Response out; never rejects for expected failures. */
export type WebApp = (request: Request, context: RequestContext) => Promise<Response>;
