/** What the runtime tells the app about a request besides the Request itself. */
export interface RequestContext {
  /** The peer's IP address as the socket saw it ('' when unknown). */
  remoteAddress: string;
  /** How many header lines the client sent, repeats counted (the Headers object merges them); absent when the runtime cannot tell. */
  headerLines?: number;
  /**
   * Asks the runtime to close the connection as soon as the answer is written, instead of keeping a
   * connection whose upload was refused open for its client to read the answer (a client refused
   * too often gets no such courtesy).
   */
  closeAfterAnswer?: () => void;
}

/** The web-standard application: a Request in, a Response out; never rejects for expected failures. */
export type WebApp = (request: Request, context: RequestContext) => Promise<Response>;
