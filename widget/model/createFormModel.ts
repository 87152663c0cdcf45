import { batch, computed, effect, signal, untracked, type ReadonlySignal } from '@preact/signals';
import { customFieldName, PROTECTION, SUBMISSION_FIELDS } from '../../contract/index.ts';
import { createSender } from '../api/createSender.ts';
import type { SendResult } from '../api/sendTicket.ts';
import { createAttachments } from '../attachments/createAttachments.ts';
import { autosaveDraft } from '../draft/autosaveDraft.ts';
import type { Draft } from '../draft/createDraft.ts';
import type { Problem } from '../i18n/strings.ts';
import type { SendPart } from '../part/sendPart.ts';
import { buildRules, type Rule } from './buildRules.ts';
import { createFormLoad } from './createFormLoad.ts';
import { PENDING_SCHEMA } from './pendingSchema.ts';
import type { Entry, FormModel, ModelEvent, ModelSettings } from './types.ts';

export type { Entry, FormModel, ModelEvent, ModelSettings, Prefill } from './types.ts';

/** The settings that prefill a field of the same name. */
const PREFILLED = ['department', 'email', 'name'] as const;
const DRAFT_DELAY_MS = 400;

/**
 * Makes one form's model from its parts (form load, attachments, sender, draft autosave); right
 * after the first render it loads the schema and, side by side, the send part (`loadSendPart`).
 * Until the schema arrives the rules are those of {@link PENDING_SCHEMA}, so the customer can
 * start typing; until the send part arrives no value is judged.
 */
export function createFormModel(
  settings: ReadonlySignal<ModelSettings>,
  emit: (type: ModelEvent, detail?: object) => void,
  loadSendPart: () => Promise<SendPart>,
  draft?: Draft,
): FormModel {
  const formLoad = createFormLoad(loadSendPart);
  const sender = createSender(settings, formLoad.sendPart);
  const touched = signal<Readonly<Record<string, true>>>({});
  const submitted = signal(false);
  const serverProblems = signal<Readonly<Record<string, Problem>>>({});
  const failure = signal<Problem | undefined>(undefined);

  const defaults = () => {
    const s = formLoad.schema.peek();
    const initial: Record<string, string> = {};
    if (s?.departments.length === 1) initial.department = s.departments[0]!.id;
    const given = settings.peek();
    for (const name of PREFILLED) if (given[name]) initial[name] = given[name];
    return initial;
  };
  // What the customer typed, kept whole (a category of another department survives a switch back).
  const initial = defaults();
  const raw = signal<Readonly<Record<string, string>>>(initial);

  const known = computed(() => formLoad.schema.value ?? PENDING_SCHEMA);
  const limits = computed(() => known.value.limits);
  const textRules = computed(() => known.value.textRules);
  // Computeds stop at an unchanged value: typing in the title recomputes none of the rules.
  const department = computed(() => known.value.departments.find((d) => d.id === raw.value.department));
  const category = computed(() => {
    const id = raw.value.category ?? '';
    return department.value?.categories.some((c) => c.id === id) ? id : '';
  });
  // The send part's rows (the note on what is sent, the consent) come last, once it is there.
  const rules = computed(() => [
    ...buildRules(known.value, settings.value, department.value, category.value),
    ...(formLoad.sendPart.value?.rows(known.value, settings.value.context) ?? []),
  ]);
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
  const texts = computed(() => rules.value.flatMap((rule) => (textOf(rule) ? [{ name: rule.name, value: textOf(rule) }] : [])));
  const attachments = createAttachments(limits, texts, textRules);
  const entries = computed<Entry[]>(() => [...texts.value, ...attachments.entries.value]);
  const clientProblems = computed(() => {
    const found: Record<string, Problem> = {};
    // Nothing is judged, nor could be said, before the checks and the problems' texts arrive.
    const part = formLoad.sendPart.value;
    if (!part) return found;
    for (const rule of rules.value) {
      const problem = part.checkValue(rule, textOf(rule), textRules.value);
      if (problem) found[rule.name] = problem;
    }
    const { maxFiles } = limits.value;
    if (attachments.files.value.length > maxFiles) found[SUBMISSION_FIELDS.attachments] = { code: 'too_many_files', n: maxFiles };
    return found;
  });
  // A field's problem stays the same object while it means the same, so a field showing it is not drawn again.
  let shownBefore: Readonly<Record<string, Problem>> = {};
  const problems = computed(() => {
    const shown: Record<string, Problem> = {};
    for (const [name, problem] of Object.entries(clientProblems.value)) {
      // Too long and too many files are shown at once: the customer is doing it right now.
      const live = problem.code === 'too_long' || name === SUBMISSION_FIELDS.attachments;
      if (live || submitted.value || touched.value[name]) shown[name] = problem;
    }
    Object.assign(shown, serverProblems.value);
    for (const name in shown) if (sameProblem(shown[name]!, shownBefore[name])) shown[name] = shownBefore[name]!;
    return (shownBefore = shown);
  });

  const forgetServerProblem = (name: string) => {
    const { [name]: _gone, ...rest } = serverProblems.value;
    serverProblems.value = rest;
  };
  const set = (name: string, value: string) =>
    batch(() => {
      raw.value = { ...raw.value, [name]: value };
      forgetServerProblem(name);
    });
  const emitError = ({ code, message }: Problem) => emit('error', { code, message });

  const load = async () => {
    const problem = await formLoad.load(settings.peek().endpoint, () => {
      const filled = { ...raw.value };
      for (const [name, value] of Object.entries(defaults())) filled[name] ||= value;
      raw.value = filled;
    });
    if (problem) return emitError(problem);
    if (formLoad.state.peek() !== 'ready') return;
    emit('ready');
    // Only now: the challenge fetch and its digests would compete with the schema and the first render,
    // and the customer needs seconds to type anyway.
    sender.prove();
  };

  const finish = (result: SendResult) => {
    if (result.ok) {
      autosave?.clear();
      emit('success', result.ticket);
      return;
    }
    const { error } = result;
    const { field, problem } = formLoad.sendPart.peek()!.placeProblem(error, rules.value, limits.value);
    // The key's first form was received and this one differs: the next send is a new ticket.
    if (error.code == 'idempotency_mismatch') raw.value = { ...raw.peek(), key: '' };
    if (field) serverProblems.value = { [field]: problem };
    else failure.value = problem;
    emitError(error);
  };

  const submit = () => {
    if (sender.status.value === 'sending' || formLoad.state.value !== 'ready') return false;
    submitted.value = true;
    if (Object.keys(clientProblems.value).length || attachments.meter.value === 'over') return false;
    const body = new FormData();
    for (const entry of entries.value) {
      if ('file' in entry) body.append(entry.name, entry.file, entry.fileName);
      else body.append(entry.name, entry.value);
    }
    const typed = raw.peek();
    // Only a program fills the hidden honeypot; the server refuses what it brings.
    const trap = typed[PROTECTION.honeypotField];
    if (trap) body.append(PROTECTION.honeypotField, trap);
    batch(() => {
      failure.value = undefined;
      serverProblems.value = {};
      // One key per ticket, kept with the draft, so a retry, even after a reload, is recognised as the same ticket.
      raw.value = { ...typed, key: sender.send(body, typed.key ?? '', finish) };
    });
    emit('submit');
    return true;
  };

  const reset = () => {
    sender.reset();
    attachments.clear();
    batch(() => {
      raw.value = defaults();
      touched.value = {};
      submitted.value = false;
      serverProblems.value = {};
      failure.value = undefined;
    });
    autosave?.clear();
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
  const autosave = draft && autosaveDraft(draft, raw, DRAFT_DELAY_MS);
  // The draft and the schema come after the first render, in the next task: a page's first
  // localStorage read and the request cost more than drawing the fields (profiled at 4× CPU
  // throttling: 21 and 15 of 140 ms). The draft fills only what is still as the form started,
  // so a prefill (or a keystroke) made meanwhile wins.
  const afterFirstRender = setTimeout(() => {
    const saved = draft?.load() ?? {};
    const restored = { ...raw.peek() };
    for (const [name, value] of Object.entries(saved)) if ((restored[name] ?? '') === (initial[name] ?? '')) restored[name] = value;
    raw.value = restored;
    void load();
  });

  return {
    loadState: formLoad.state,
    sendPart: formLoad.sendPart,
    limits,
    textRules,
    values,
    files: attachments.files,
    rules,
    entries,
    bytes: attachments.bytes,
    meter: attachments.meter,
    problems,
    status: sender.status,
    progress: sender.progress,
    failure,
    ticket: sender.ticket,
    set,
    touch(name) {
      touched.value = { ...touched.value, [name]: true };
    },
    addFiles(list) {
      const status = sender.status.value;
      if (status === 'sending' || status === 'sent') return;
      batch(() => {
        attachments.add(list);
        // A changed file list answers the server's complaint about the files.
        forgetServerProblem(SUBMISSION_FIELDS.attachments);
      });
    },
    removeFile(id) {
      batch(() => {
        attachments.remove(id);
        forgetServerProblem(SUBMISSION_FIELDS.attachments);
      });
    },
    prefill({ fields = {}, ...plain }) {
      const next = { ...raw.value };
      for (const [name, value] of Object.entries(plain)) if (value != null) next[name] = String(value);
      // An unchecked checkbox is the empty value.
      for (const [id, value] of Object.entries(fields)) next[customFieldName(id)] = value === false ? '' : String(value);
      raw.value = next;
    },
    submit,
    cancel: sender.cancel,
    reset,
    load,
    destroy() {
      clearTimeout(afterFirstRender);
      formLoad.abort();
      sender.destroy();
      stopSettings();
      autosave?.stop();
      attachments.clear();
    },
  };
}

function sameProblem(a: Problem, b: Problem | undefined): boolean {
  return !!b && a.code === b.code && a.n === b.n && a.max === b.max && a.message === b.message;
}
