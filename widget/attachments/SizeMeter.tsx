/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { useComputed } from '@preact/signals';
import { h } from 'preact';
import type { View } from '../form/view.ts';

/**
 * The whole request's size against the limit: a bar and a sentence bound to the byte count, and
 * the state sentence as a polite live region (it changes with the state, not with every keystroke).
 * Drawn once; nothing here renders again.
 */
export function SizeMeter({ model, i18n }: View) {
  const max = useComputed(() => model.limits.value.requestMaxBytes);
  const shown = useComputed(() => Math.min(model.bytes.value, max.value));
  const className = useComputed(() => `meter ${model.meter.value}`);
  const used = useComputed(() => {
    const { t, size } = i18n.value;
    return t('meter', { used: size(model.bytes.value), max: size(max.value) });
  });
  const state = useComputed(() => {
    const { t, size } = i18n.value;
    const meter = model.meter.value;
    return meter === 'over' ? t('over', { n: size(model.bytes.value - max.value) }) : meter === 'warning' ? t('near') : '';
  });
  return (
    <div part="meter" class={className}>
      <progress max={max} value={shown} aria-hidden="true" />
      {used}
      <span aria-live="polite">{state}</span>
    </div>
  );
}
