/** Values a string's `{placeholders}` are filled with. */
export type Vars = Record<string, string | number | undefined>;

/** `text` with each `{name}` replaced by `vars[name]`; a placeholder without a value stays as written. */
export function fillText(text: string, vars?: Vars): string {
  return text.replace(/\{(\w+)\}/g, (hole, name: string) => String(vars?.[name] ?? hole));
}
