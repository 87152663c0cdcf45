import type { FormStrings, LauncherStrings, ProblemStrings, SentStrings } from './strings.ts';

/** English: what the launcher shows before the rest of the form is loaded. */
export const enLauncher = {
  open: 'Open a ticket',
  close: 'Close',
  partFailed: 'The form could not be opened. Check your connection and click again.',
} satisfies LauncherStrings;

/** English: the form's labels, buttons and states, by key. */
export const enForm = {
  email: 'Email',
  name: 'Name',
  department: 'Department',
  category: 'Category',
  choose: 'Choose',
  title: 'Subject',
  message: 'Message',
  priority: 'Priority',
  p1: 'Low',
  p2: 'Normal',
  p3: 'High',
  p4: 'Urgent',
  emailPlaceholder: 'you@company.com',
  titlePlaceholder: 'Sum it up in a few words',
  messagePlaceholder: 'What happened? What did you expect?',
  emailHint: 'We reply to this address.',
  attachments: 'Attachments',
  drop: 'Drag, paste or click to attach',
  remove: 'Remove {name}',
  more: '+{n} more files; at most {max} can be sent',
  kb: '{n} KB',
  mb: '{n} MB',
  meter: '{used} of {max}',
  near: 'Close to the limit',
  over: 'Remove {n} to send',
  send: 'Send',
  retry: 'Try again',
  loading: 'Loading the form; sending is possible once it has loaded.',
  loadFailed: 'The form failed to load.',
} satisfies FormStrings;

/** English: what sending and a sent ticket show (in the send part). */
export const enSent = {
  sending: 'Sending… {n}%',
  cancel: 'Cancel',
  sent: 'Ticket created',
  sentPlain: 'Ticket created',
  queued: 'We received your ticket. It will reach support shortly; keep the reference.',
  another: 'Send another',
  ticketNumber: 'Ticket number',
  reference: 'Reference',
  copy: 'Copy',
  copied: 'Copied',
  copySelected: 'Selected for copying',
  contextNote: 'Sent with your ticket: this page’s address and title, your browser, system and device type, screen and window size, language and time zone.',
  consentRequired: 'Tick this box to send: we need your consent.',
} satisfies SentStrings;

/** English: what is wrong, by error code (in the send part, which every form loads after its first render). */
export const enProblems = {
  required: 'Required',
  too_long: 'At most {n} characters',
  invalid_email: 'Invalid email',
  invalid_value: 'Invalid value',
  not_an_option: 'Invalid option',
  too_many_files: 'At most {n} files',
  request_too_large: 'Upload over {max}',
  upstream_rejected: '{message}',
  upstream_unavailable: 'Support is unavailable. Try later.',
  upstream_timeout: 'Support did not answer. Try again.',
  rate_limited: 'Too many requests. Try in {n} min.',
  origin_not_allowed: 'Site not allowed.',
  identity_invalid: 'Session expired. Reload the page.',
  identity_required: 'Sign in to open a ticket.',
  file_type_denied: 'File type not allowed',
  file_not_image: 'Invalid image',
  attachments_unavailable: 'Attachments can’t be received now. Send without them or try later.',
  network: 'No connection. Try again.',
  aborted: 'Sending cancelled.',
  internal: 'Something went wrong. Try again.',
} satisfies ProblemStrings;
