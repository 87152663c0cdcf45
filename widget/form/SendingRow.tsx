/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { useComputed } from '@preact/signals';
import { h } from 'preact';
import type { View } from './view.ts';

/** While a ticket is on its way: the upload's progress, bound to it, and Cancel. */
export function SendingRow({ model, t, i18n }: View) {
  const label = useComputed(() => i18n.value.t('sending', { n: model.progress.value }));
  if (model.status.value !== 'sending') return null;
  return (
    <div class="row sending">
      <progress part="progress" max={100} value={model.progress} aria-labelledby="tt-progress" />
      <span id="tt-progress">{label}</span>
      <button type="button" part="button" data-focus onClick={model.cancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
