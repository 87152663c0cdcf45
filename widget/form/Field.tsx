/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import { countChars } from '../../contract/index.ts';
import type { StringKey } from '../i18n/strings.ts';
import type { Rule } from '../model/buildRules.ts';
import type { View } from './view.ts';

/** A label, its control, help text, counter and problem, tied together with for/id and aria-describedby. */
export function Field(view: View & { rule: Rule }) {
  const { model, t, rule } = view;
  const { name, type, options, count, help, filled } = rule;
  const value = model.values.value[name] ?? '';
  const problem = model.problems.value[name];
  const id = `tt-${name}`;
  // What the counter shows is what the server checks: the length as sent (a typed `<` counts 4 in HTML).
  const chars = (rule.measure ?? countChars)(value);
  const checkbox = type === 'checkbox';
  const required = rule.required && !filled;
  // The same attributes go on an input, a select or a textarea.
  const shared = {
    id,
    name,
    required,
    min: rule.min,
    autocomplete: rule.autocomplete,
    'aria-invalid': problem && ('true' as const),
    'aria-describedby': [help && `${id}-help`, count && `${id}-count`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined,
    onBlur: () => model.touch(name),
    onInput: (e: Event) => {
      const control = e.currentTarget as HTMLInputElement;
      model.set(name, checkbox ? (control.checked ? 'true' : '') : control.value);
    },
  };
  const control = options ? (
    <select {...shared} part="select" value={value}>
      {!filled && <option value="">{t('choose')}</option>}
      {options.map((o) => <option value={o.value}>{o.label ?? t(`p${o.value}` as StringKey)}</option>)}
    </select>
  ) : type === 'textarea' ? (
    <textarea {...shared} part="textarea" rows={5} value={value} />
  ) : (
    <input {...shared} part="input" type={type as 'text'} max={rule.top} value={value} checked={value === 'true'} />
  );
  return (
    <div part="field" class={checkbox ? 'field check' : 'field'}>
      {checkbox && control}
      <label for={id} part="label">
        {rule.label ?? t(name as StringKey)}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {!checkbox && control}
      {count && (
        <span id={`${id}-count`} class={chars > count ? 'count bad' : 'count'}>
          {chars} / {count}
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
