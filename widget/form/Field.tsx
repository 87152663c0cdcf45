/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { useComputed } from '@preact/signals';
import { h } from 'preact';
import { valueSentLength } from '../../contract/index.ts';
import type { Rule } from '../model/buildRules.ts';
import type { View } from './view.ts';

/**
 * A label, its control, help text, counter and problem, tied together with for/id and
 * aria-describedby. The value and the counter are signals bound into the nodes, so a keystroke
 * updates them without rendering the field again; it renders again when its problem changes.
 */
export function Field(view: View & { rule: Rule }) {
  const { model, t, rule } = view;
  const { name, type, options, counter, filled, maxLength, placeholder, hint } = rule;
  const help = rule.help ?? (hint && t(hint));
  const value = useComputed(() => model.values.value[name] ?? '');
  const length = useComputed(() => valueSentLength(rule, value.value, model.textRules.value));
  const lengthClass = useComputed(() => (length.value > maxLength! ? 'count bad' : 'count'));
  const checked = useComputed(() => value.value === 'true');
  const problem = useComputed(() => model.problems.value[name]).value;
  const id = `tt-${name}`;
  const checkbox = type === 'checkbox';
  const required = rule.required && !filled;
  // The same attributes go on an input, a select or a textarea.
  const shared = {
    id,
    name,
    required,
    min: rule.min,
    autocomplete: rule.autocomplete,
    placeholder: placeholder && t(placeholder),
    'aria-invalid': problem && ('true' as const),
    'aria-describedby': [help && `${id}-help`, counter && `${id}-count`, problem && `${id}-error`].filter(Boolean).join(' ') || undefined,
    onBlur: () => model.touch(name),
    onInput: (e: Event) => {
      const control = e.currentTarget as HTMLInputElement;
      model.set(name, checkbox ? (control.checked ? 'true' : '') : control.value);
    },
  };
  const control = options ? (
    <select {...shared} part="select" value={value}>
      {!filled && <option value="">{t('choose')}</option>}
      {options.map((o) => <option value={o.value}>{o.label ?? (o.labelKey && t(o.labelKey))}</option>)}
    </select>
  ) : type === 'textarea' ? (
    <textarea {...shared} part="textarea" rows={5} value={value} />
  ) : checkbox ? (
    <input {...shared} part="input" type="checkbox" checked={checked} />
  ) : (
    <input {...shared} part="input" type={(type ?? 'text') as 'text'} max={rule.max} value={value} />
  );
  return (
    <div part="field" class={checkbox ? 'field check' : 'field'}>
      {checkbox && control}
      <label for={id} part="label">
        {rule.label ?? (rule.labelKey && t(rule.labelKey))}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {!checkbox && control}
      {counter && (
        <span id={`${id}-count`} class={lengthClass}>
          {length} / {maxLength}
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
