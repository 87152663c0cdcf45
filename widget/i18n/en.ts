import type { Table } from './strings.ts';

/** English; one text per key of KEYS, in order. */
export const en: Table = [
  'Email', // email
  'Name', // name
  'Department', // department
  'Category', // category
  'Choose', // choose
  'Subject', // title
  'Message', // message
  'Priority', // priority
  'Low', // p1
  'Normal', // p2
  'High', // p3
  'Urgent', // p4
  'Attachments', // attachments
  'Drag, paste or click to attach', // drop
  'Remove {name}', // remove
  '+{n} more files; at most {max} can be sent', // more
  '{n} KB', // kb
  '{n} MB', // mb
  '{used} of {max}', // meter
  'Close to the limit', // near
  'Remove {n} to send', // over
  'Send', // send
  'Sending… {n}%', // sending
  'Cancel', // cancel
  'Try again', // retry
  'Loading the form; sending is possible once it has loaded.', // loading
  'The form failed to load.', // loadFailed
  'Ticket #{n} created', // sent
  'Ticket created', // sentPlain
  'Received ({ref}). It will reach support shortly.', // queued
  'Send another', // another
  'Open a ticket', // open
  'Close', // close
  'Required', // required
  'At most {n} characters', // too_long
  'Invalid email', // invalid_email
  'Invalid value', // invalid_value
  'Invalid option', // not_an_option
  'At most {n} files', // too_many_files
  'Upload over {max}', // request_too_large
  '{message}', // upstream_rejected
  'Support is unavailable. Try later.', // upstream_unavailable
  'Support did not answer. Try again.', // upstream_timeout
  'Too many requests. Try in {n} min.', // rate_limited
  'Site not allowed.', // origin_not_allowed
  'Session expired. Reload the page.', // identity_invalid
  'Sign in to open a ticket.', // identity_required
  'File type not allowed', // file_type_denied
  'Invalid image', // file_not_image
  'Attachments can’t be received now. Send without them or try later.', // attachments_unavailable
  'No connection. Try again.', // network
  'Sending cancelled.', // aborted
  'Something went wrong. Try again.', // internal
];
