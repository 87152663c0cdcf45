import { batch, computed, effect, signal, untracked, type ReadonlySignal } from './signals.ts';
import {
  customFieldName,
  estimateMultipartBytes,
  PROTECTION,
  SUBMISSION_FIELDS,
  type Department,
  type FileEntry,
  type FormSchema,
  type Limits,
  type TextEntry,
} from '../../contract/index.ts';
import { loadSchema } from '../api/loadSchema.ts';
import { newIdempotencyKey } from '../api/newIdempotencyKey.ts';
import { prepareProof, type Proof } from '../api/prepareProof.ts';
import { sendTicket, type SendResult, type Sending, type SentTicket } from '../api/sendTicket.ts';
import type { Draft } from '../draft/createDraft.ts';
import type { Problem } from '../i18n/strings.ts';
import { buildRules, type Rule } from './buildRules.ts';
import { checkValue } from './checkValue.ts';
import { PENDING_SCHEMA } from './pendingSchema.ts';

/** Where a submission is: nothing sent yet, on its way, done, or failed (values kept). */
export type Status = 'idle' | 'sending' | 'sent' | 'failed';

/** The size meter: under 80 % of the limit, from 80 %, or over it (sending impossible). */
export type MeterState = 'calm' | 'warning' | 'over';

/** A chosen file; `url` is its thumbnail (images only), revoked when the file goes. */
export interface Attachment {
  id: number;
  file: File;
  url?: string;
}

/** One multipart entry exactly as it will be sent. */
export type Entry = TextEntry | (FileEntry & { file: File });

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
}

/** The model's events, dispatched as `tomticket:<type>` by the element. */
export type ModelEvent = 'ready' | 'submit' | 'success' | 'error';

/** One form's state (read-only signals) and everything that changes it (actions). */
export interface FormModel {
  /** Whether the schema arrived: until then the form shows the fields the contract alone describes and cannot send. */
  loadState: ReadonlySignal<'loading' | 'ready' | 'failed'>;
  /** The server's limits once the schema arrived; the contract's until then. */
  limits: ReadonlySignal<Limits>;
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

const WARNING_RATIO = 0.8;
/** The settings that prefill a field of the same name. */
const PREFILLED = ['department', 'email', 'name'] as const;
const DRAFT_DELAY_MS = 400;

/**
 * Makes one form's model; it loads the schema at once and saves a draft as values change. Until the
 * schema arrives the rules are those of {@link PENDING_SCHEMA}, so the customer can start typing.
 */
export function createFormModel(
  settings: ReadonlySignal<ModelSettings>,
  emit: (type: ModelEvent, detail?: object) => void,
  draft?: Draft,
): FormModel {
  const schema = signal<FormSchema | undefined>(undefined);
  const loadState = signal<'loading' | 'ready' | 'failed'>('loading');
  const files = signal<readonly Attachment[]>([]);
  const touched = signal<Readonly<Record<string, true>>>({});
  const submitted = signal(false);
  const serverProblems = signal<Readonly<Record<string, Problem>>>({});
  const status = signal<Status>('idle');
  const progress = signal(0);
  const failure = signal<Problem | undefined>(undefined);
  const ticket = signal<SentTicket | undefined>(undefined);
  let nextFileId = 0;
  let sending: Sending | undefined;
  let loader: AbortController | undefined;
  // The proofs for the next send, made in the background (from when the form is ready) while the
  // customer types; a send waits for them (no time once they are ready) and spends them.
  let proof: Promise<Proof> = Promise.resolve({});
  let prover: AbortController | undefined;
  const prove = () => {
    prover?.abort();
    proof = prepareProof(settings.peek().endpoint, (prover = new AbortController()).signal);
  };
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const defaults = () => {
    const s = schema.peek();
    const initial: Record<string, string> = {};
    if (s?.departments.length === 1) initial.department = s.departments[0]!.id;
    const given = settings.peek();
    for (const name of PREFILLED) if (given[name]) initial[name] = given[name];
    return initial;
  };
  // What the customer typed, kept whole (a category of another department survives a switch back).
  const raw = signal<Readonly<Record<string, string>>>({ ...defaults(), ...draft?.load() });

  const known = computed(() => schema.value ?? PENDING_SCHEMA);
  const limits = computed(() => known.value.limits);
  const department = computed(() => known.value.departments.find((d) => d.id === raw.value.department));
  const category = computed(() => {
    const id = raw.value.category ?? '';
    return department.value?.categories.some((c) => c.id === id) ? id : '';
  });
  const rules = computed(() => buildRules(known.value, settings.value, department.value, category.value));
  // The priority is the schema's default until the customer picks one: it may differ from the pending one.
  const values = computed<Readonly<Record<string, string>>>(() => ({
    ...raw.value,
    priority: raw.value.priority || String(known.value.defaultPriority),
    category: category.value,
  }));
  const textOf = (rule: Rule) => {
    const value = values.value[rule.name] ?? '';
    return rule.type === 'checkbox' && value !== 'true' ? '' : value;
  };
  const entries = computed(() => {
    const list: Entry[] = [];
    for (const rule of rules.value) {
      const value = textOf(rule);
      if (value) list.push({ name: rule.name, value });
    }
    for (const { file } of files.value) {
      list.push({ name: SUBMISSION_FIELDS.attachments, fileName: file.name, type: file.type, size: file.size, file });
    }
    return list;
  });
  const bytes = computed(() => estimateMultipartBytes(entries.value));
  const meter = computed<MeterState>(() => {
    const max = limits.value.requestMaxBytes;
    return bytes.value > max ? 'over' : bytes.value >= max * WARNING_RATIO ? 'warning' : 'calm';
  });
  const clientProblems = computed(() => {
    const found: Record<string, Problem> = {};
    for (const rule of rules.value) {
      const problem = checkValue(rule, textOf(rule));
      if (problem) found[rule.name] = problem;
    }
    const { maxFiles } = limits.value;
    if (files.value.length > maxFiles) found[SUBMISSION_FIELDS.attachments] = { code: 'too_many_files', n: maxFiles };
    return found;
  });
  const problems = computed(() => {
    const shown: Record<string, Problem> = {};
    for (const [name, problem] of Object.entries(clientProblems.value)) {
      // Too long and too many files are shown at once: the customer is doing it right now.
      const live = problem.code === 'too_long' || name === SUBMISSION_FIELDS.attachments;
      if (live || submitted.value || touched.value[name]) shown[name] = problem;
    }
    return { ...shown, ...serverProblems.value };
  });

  const forgetServerProblem = (name: string) => {
    const { [name]: _gone, ...rest } = serverProblems.value;
    serverProblems.value = rest;
  };
  const set = (name: string, value: string) => {
    batch(() => {
      raw.value = { ...raw.value, [name]: value };
      forgetServerProblem(name);
    });
  };
  // A changed file list answers the server's complaint about the files.
  const setFiles = (list: readonly Attachment[]) =>
    batch(() => {
      files.value = list;
      forgetServerProblem(SUBMISSION_FIELDS.attachments);
    });
  const revoke = (list: readonly Attachment[]) => list.forEach((a) => a.url && URL.revokeObjectURL(a.url));
  const emitError = ({ code, message }: Problem) => emit('error', { code, message });

  const load = async () => {
    loader?.abort();
    const controller = (loader = new AbortController());
    loadState.value = 'loading';
    const result = await loadSchema(settings.peek().endpoint, controller.signal);
    if (controller.signal.aborted) return;
    if (!result.ok) {
      loadState.value = 'failed';
      emitError(result.error);
      return;
    }
    batch(() => {
      schema.value = result.schema;
      const filled = { ...raw.value };
      for (const [name, value] of Object.entries(defaults())) filled[name] ||= value;
      raw.value = filled;
      loadState.value = 'ready';
    });
    emit('ready');
    // Only now: the challenge fetch and its digests would compete with the schema and the first render,
    // and the customer needs seconds to type anyway.
    prove();
  };

  const finish = (result: SendResult) => {
    prove();
    if (result.ok) {
      batch(() => {
        ticket.value = result.ticket;
        status.value = 'sent';
      });
      // A save still pending would bring the sent ticket back as a draft.
      clearTimeout(saveTimer);
      draft?.clear();
      emit('success', result.ticket);
      return;
    }
    const { field, ...error } = result.error;
    const rule = rules.value.find((r) => r.name === field);
    const shownField = field === SUBMISSION_FIELDS.attachments || (rule && !rule.hidden);
    const { maxFiles, requestMaxBytes } = limits.value;
    const problem = { ...error, n: error.n ?? rule?.max ?? maxFiles, max: requestMaxBytes };
    batch(() => {
      status.value = 'failed';
      // The key's first form was received and this one differs: the next send is a new ticket.
      if (error.code == 'idempotency_mismatch') raw.value = { ...raw.peek(), key: '' };
      if (field && shownField) serverProblems.value = { [field]: problem };
      else failure.value = problem;
    });
    emitError(error);
  };

  const submit = () => {
    if (status.value === 'sending' || !schema.value) return false;
    submitted.value = true;
    if (Object.keys(clientProblems.value).length || meter.value === 'over') return false;
    // One key per ticket, kept with the draft, so a retry, even after a reload, is recognised as the same ticket.
    const typed = raw.peek();
    const key = typed.key || newIdempotencyKey();
    raw.value = { ...typed, key };
    const body = new FormData();
    for (const entry of entries.value) {
      if ('file' in entry) body.append(entry.name, entry.file, entry.fileName);
      else body.append(entry.name, entry.value);
    }
    // Only a program fills the hidden honeypot; the server refuses what it brings.
    const trap = typed[PROTECTION.honeypotField];
    if (trap) body.append(PROTECTION.honeypotField, trap);
    const { identity, endpoint } = settings.peek();
    batch(() => {
      status.value = 'sending';
      progress.value = 0;
      failure.value = undefined;
      serverProblems.value = {};
    });
    const headers = proof.then((ready) => (identity ? { ...ready, Authorization: `Bearer ${identity}` } : ready));
    const onProgress = (percent: number) => (progress.value = percent);
    const request = (sending = sendTicket(`${endpoint}/api/tickets`, body, key, onProgress, headers));
    emit('submit');
    void request.done.then((result) => {
      // A request that was replaced (reset, destroy) no longer speaks for the form.
      if (sending !== request) return;
      sending = undefined;
      finish(result);
    });
    return true;
  };

  const stopAborting = () => {
    const request = sending;
    sending = undefined;
    request?.abort();
  };

  const reset = () => {
    // A send cut short may already have spent the proofs.
    if (sending) prove();
    stopAborting();
    revoke(files.peek());
    batch(() => {
      raw.value = defaults();
      files.value = [];
      touched.value = {};
      submitted.value = false;
      serverProblems.value = {};
      failure.value = undefined;
      ticket.value = undefined;
      status.value = 'idle';
    });
    draft?.clear();
  };

  // Attribute changes after mount: a new endpoint reloads the schema, prefilled values follow.
  let previous = settings.peek();
  const stopSettings = effect(() => {
    const next = settings.value;
    untracked(() => {
      for (const key of PREFILLED) if (next[key] !== previous[key]) set(key, next[key]);
      if (next.endpoint !== previous.endpoint) void load();
      previous = next;
    });
  });
  const saveDraft = () => {
    saveTimer = undefined;
    draft?.save(raw.peek());
  };
  const stopDraft = effect(() => {
    void raw.value;
    clearTimeout(saveTimer);
    saveTimer = draft && setTimeout(saveDraft, DRAFT_DELAY_MS);
  });
  void load();

  return {
    loadState,
    limits,
    values,
    files,
    rules,
    entries,
    bytes,
    meter,
    problems,
    status,
    progress,
    failure,
    ticket,
    set,
    touch(name) {
      touched.value = { ...touched.value, [name]: true };
    },
    addFiles(list) {
      if (status.value === 'sending' || status.value === 'sent') return;
      const added = Array.from(list, (file) => ({
        id: nextFileId++,
        file,
        url: file.type.startsWith('image/') ? URL.createObjectURL(file) : undefined,
      }));
      setFiles([...files.value, ...added]);
    },
    removeFile(id) {
      revoke(files.value.filter((a) => a.id === id));
      setFiles(files.value.filter((a) => a.id !== id));
    },
    prefill({ fields = {}, ...plain }) {
      const next = { ...raw.value };
      for (const [name, value] of Object.entries(plain)) if (value != null) next[name] = String(value);
      // An unchecked checkbox is the empty value.
      for (const [id, value] of Object.entries(fields)) next[customFieldName(id)] = value === false ? '' : String(value);
      raw.value = next;
    },
    submit,
    cancel: () => sending?.abort(),
    reset,
    load,
    destroy() {
      loader?.abort();
      prover?.abort();
      stopAborting();
      stopSettings();
      stopDraft();
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveDraft();
      }
      revoke(files.peek());
    },
  };
}
