import { countChars, type CustomFieldType, type FieldOption } from '../../contract/index.ts';
import type { View } from './view.ts';

/** What one labelled control needs: its multipart name and how it is drawn and checked. */
export interface FieldProps {
  view: View;
  name: string;
  label: string;
  required?: boolean;
  /** How the value is typed: an <input> of that type, a textarea; with `options` a select. */
  type?: CustomFieldType;
  options?: FieldOption[];
  /** Offer an empty "Choose" entry first (selects). */
  empty?: boolean;
  /** Show a live `n / max` counter. */
  max?: number;
  help?: string;
  autocomplete?: string;
  min?: number;
  top?: number;
}

/** A label, its control, help text, counter and problem, tied together with for/id and aria-describedby. */
export function Field({ view, name, label, required, type, options, empty = true, max, help, top, ...rest }: FieldProps) {
  const { model, t } = view;
  const value = model.values.value[name] ?? '';
  const problem = model.problems.value[name];
  const id = `tt-${name}`;
  const count = countChars(value);
  const checkbox = type === 'checkbox';
  // The same attributes go on an input, a select or a textarea.
  const shared = {
    ...rest,
    id,
    name,
    required,
    'aria-invalid': problem && ('true' as const),
    'aria-describedby': [help && `${id}-help`, max && `${id}-count`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined,
    onBlur: () => model.touch(name),
    onInput: (e: Event) => {
      const control = e.currentTarget as HTMLInputElement;
      model.set(name, checkbox ? (control.checked ? 'true' : '') : control.value);
    },
  };
  const control = options ? (
    <select {...shared} part="select" value={value}>
      {empty && <option value="">{t('choose')}</option>}
      {options.map((o) => <option value={o.value}>{o.label}</option>)}
    </select>
  ) : type === 'textarea' ? (
    <textarea {...shared} part="textarea" rows={5} value={value} />
  ) : (
    <input {...shared} part="input" type={type as 'text'} max={top} value={value} checked={value === 'true'} />
  );
  return (
    <div part="field" class={checkbox ? 'field check' : 'field'}>
      {checkbox && control}
      <label for={id} part="label">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {!checkbox && control}
      {max && (
        <span id={`${id}-count`} class={count > max ? 'count bad' : 'count'}>
          {count} / {max}
        </span>
      )}
      {help && <small id={`${id}-help`}>{help}</small>}
      {problem && (
        <span id={`${id}-error`} part="error" class="bad">
          {view.problem(problem)}
        </span>
      )}
    </div>
  );
}
