import { vi } from 'vitest';

/**
 * A stand-in for XMLHttpRequest that records what the widget sends and lets a test answer it:
 * the network boundary of the component tests. Like a real server, it cannot answer a request
 * that was never sent: a widget that only opened one (or sent nothing) fails the test.
 */
export class FakeXhr {
  /** Every request made since the class was installed, oldest first. */
  static requests: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | undefined;
  status = 0;
  statusText = '';
  responseText = '';
  aborted = false;
  /** Whether send() was called: only then can the request be answered. */
  sent = false;
  responseHeaders: Record<string, string> = {};
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  ontimeout: (() => void) | null = null;

  constructor() {
    FakeXhr.requests.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    if (!this.method) throw new Error('send() before open()');
    this.body = body;
    this.sent = true;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }

  /** Answers with `status` and `body` (an object is sent as JSON). */
  respond(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.mustBeSent('answered');
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = headers;
    this.onload?.();
  }
  /** Reports upload progress. */
  progress(loaded: number, total: number) {
    this.mustBeSent('given progress');
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  /** Fails like a dropped connection. */
  fail() {
    this.mustBeSent('failed');
    this.onerror?.();
  }

  private mustBeSent(what: string) {
    if (!this.sent) throw new Error(`a request that was never sent cannot be ${what}`);
    if (this.aborted) throw new Error(`an aborted request cannot be ${what}`);
  }

  /** The latest request, once the widget has sent it (it waits for its proofs first). */
  static async sent(): Promise<FakeXhr> {
    return vi.waitFor(() => {
      const request = FakeXhr.last();
      if (!request.sent) throw new Error('the latest request was not sent yet');
      return request;
    });
  }

  /** The latest request. */
  static last(): FakeXhr {
    const request = FakeXhr.requests.at(-1);
    if (!request) throw new Error('no request was sent');
    return request;
  }
}
