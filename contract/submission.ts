/**
 * The multipart field names of `POST /api/tickets`. The widget writes them, the server reads them.
 */
export const SUBMISSION_FIELDS = {
  email: 'email',
  name: 'name',
  department: 'department',
  category: 'category',
  title: 'title',
  message: 'message',
  priority: 'priority',
  attachments: 'attachments',
} as const;

/** The multipart name of custom field `id`: `fields[<id>]`. */
export function customFieldName(id: string): `fields[${string}]` {
  return `fields[${id}]`;
}

/** The custom field id inside a `fields[<id>]` name, or undefined when the name is not one (nesting like `fields[a][b]` is not). */
export function parseCustomFieldName(name: string): string | undefined {
  const match = /^fields\[([^[\]]+)\]$/.exec(name);
  return match?.[1];
}
