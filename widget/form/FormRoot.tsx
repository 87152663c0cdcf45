/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import type { ReadonlySignal } from '@preact/signals';
import { h } from 'preact';
import type { I18n } from '../i18n/translate.ts';
import type { FormModel } from '../model/types.ts';
import { Form } from './Form.tsx';
import { Success } from './Success.tsx';

/**
 * The form, or after a ticket was taken its outcome. Renders again only when the status or the
 * language changes; everything that changes while the customer types is bound further down.
 */
export function FormRoot({ model, i18n }: { model: FormModel; i18n: ReadonlySignal<I18n> }) {
  const view = { ...i18n.value, model, i18n };
  // The form is drawn before its schema arrives (see Form): only a sent ticket replaces it.
  return model.status.value === 'sent' ? <Success {...view} /> : <Form {...view} />;
}
