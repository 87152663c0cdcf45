import type { ReadonlySignal } from '@preact/signals';
import type { Limits, TextEntry, TextRules } from '../../contract/index.ts';
import type { Status } from '../api/createSender.ts';
import type { SentTicket } from '../api/sendTicket.ts';
import type { Attachment, AttachmentEntry, MeterState } from '../attachments/createAttachments.ts';
import type { Problem } from '../i18n/strings.ts';
import type { SendPart } from '../part/sendPart.ts';
import type { ContextSetting } from '../context/collectContext.ts';
import type { Rule } from './buildRules.ts';
import type { LoadState } from './createFormLoad.ts';

export type { Status } from '../api/createSender.ts';
export type { Attachment, MeterState } from '../attachments/createAttachments.ts';

/** One multipart entry exactly as it will be sent. */
export type Entry = TextEntry | AttachmentEntry;

/** Values a site can put in the form: `fields` by custom field id. */
export interface Prefill {
  title?: string;
  message?: string;
  priority?: number | string;
  department?: string;
  category?: string;
  email?: string;
  name?: string;
  fields?: Record<string, string | number | boolean>;
}

/** What the model reads from the element's options (attributes or mount options). */
export interface ModelSettings {
  endpoint: string;
  /** The customer's identity token from the site's backend: e-mail and name are then not asked. */
  identity: string;
  department: string;
  departmentLocked: boolean;
  email: string;
  name: string;
  /** What is sent of the page and the device with each ticket (see collectContext). */
  context?: ContextSetting;
}

/** The model's events, dispatched as `tomticket:<type>` by the element. */
export type ModelEvent = 'ready' | 'submit' | 'success' | 'error';

/** One form's state (read-only signals) and everything that changes it (actions). */
export interface FormModel {
  /** Whether the schema and the send part arrived: until then the form shows the fields the contract alone describes and cannot send. */
  loadState: ReadonlySignal<LoadState>;
  /** The send part once it arrived: its problems' texts complete the form's. */
  sendPart: ReadonlySignal<SendPart | undefined>;
  /** The server's limits once the schema arrived; the contract's until then. */
  limits: ReadonlySignal<Limits>;
  /** How the server sends and counts text: the counters measure with it. */
  textRules: ReadonlySignal<TextRules>;
  /**
   * Every value by multipart name (`title`, `fields[abc]`), kept across department switches; `category` is '' when it
   * is not the department's; `key` is the ticket's Idempotency-Key once it was first sent (saved with the draft).
   */
  values: ReadonlySignal<Readonly<Record<string, string>>>;
  files: ReadonlySignal<readonly Attachment[]>;
  /** The fields to show and send, in form order: the chosen department's, and its custom fields for the chosen category. */
  rules: ReadonlySignal<Rule[]>;
  entries: ReadonlySignal<Entry[]>;
  /** The request's size as the server will count it (estimateMultipartBytes of `entries`). */
  bytes: ReadonlySignal<number>;
  meter: ReadonlySignal<MeterState>;
  /** Problems to show, by field name: after a field is touched or a submit was tried, and the server's. */
  problems: ReadonlySignal<Readonly<Record<string, Problem>>>;
  status: ReadonlySignal<Status>;
  /** Upload progress of the send in flight, 0–100. */
  progress: ReadonlySignal<number>;
  /** A failure that belongs to no shown field. */
  failure: ReadonlySignal<Problem | undefined>;
  ticket: ReadonlySignal<SentTicket | undefined>;
  set(name: string, value: string): void;
  touch(name: string): void;
  addFiles(files: Iterable<File> | ArrayLike<File>): void;
  removeFile(id: number): void;
  prefill(values: Prefill): void;
  /** Sends when the form is valid; false when it was not sent (problems are now shown). */
  submit(): boolean;
  cancel(): void;
  reset(): void;
  load(): Promise<void>;
  destroy(): void;
}

