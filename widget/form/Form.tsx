/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { useComputed } from '@preact/signals';
import { h } from 'preact';
import { PROTECTION } from '../../contract/index.ts';
import { Attachments } from '../attachments/Attachments.tsx';
import { afterRender } from './afterRender.ts';
import { Field } from './Field.tsx';
import { focusFirst } from './focusFirst.ts';
import { SendingRow } from './SendingRow.tsx';
import type { View } from './view.ts';

/**
 * The ticket form: customer, department, category, text, custom fields, priority, files, send.
 * Drawn at once; until the schema arrives Send says why it cannot send yet, and a schema that
 * failed to load is offered again without touching what was typed. Renders again only when the
 * fields (department, category), the load state or a failure change.
 */
export function Form(view: View) {
  const { model, t } = view;
  const load = model.loadState.value;
  const failure = model.failure.value;
  const sending = useComputed(() => model.status.value === 'sending');
  const over = useComputed(() => model.meter.value === 'over');
  return (
    <form
      part="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        // Before the schema there is nothing to point at: Send explains itself.
        if (!model.submit() && load === 'ready') afterRender(() => focusFirst(form));
      }}
    >
      {/* A disabled fieldset locks every control at once while a ticket is on its way. */}
      <fieldset disabled={sending}>
        {model.rules.value.map((rule) => !rule.hidden && !rule.draw && <Field {...view} rule={rule} key={rule.name} />)}
        <Attachments {...view} />
        {/* The send part's rows: the note on what is sent, the consent (drawn with this form's h and Field). */}
        {model.rules.value.map((rule) => rule.draw && <rule.draw {...view} rule={rule} h={h} Field={Field} key={rule.name} />)}
        {/* The honeypot: off-screen, hidden from screen readers, out of the tab order; only bots fill it. */}
        <label class="hp" aria-hidden="true">
          Website
          <input name={PROTECTION.honeypotField} tabIndex={-1} autocomplete="off"
            onInput={(e) => model.set(PROTECTION.honeypotField, e.currentTarget.value)} />
        </label>
        {failure && (
          <div role="alert" part="error" class="bad" tabIndex={-1} data-focus>
            {view.problem(failure)}{' '}
            <button type="button" part="button" onClick={model.submit}>
              {t('retry')}
            </button>
          </div>
        )}
        {load === 'loading' && (
          <small id="tt-wait" role="status">
            {t('loading')}
          </small>
        )}
        {load === 'failed' && (
          <div id="tt-wait" role="alert" part="error" class="bad">
            {t('loadFailed')}{' '}
            <button type="button" part="button" onClick={model.load}>
              {t('retry')}
            </button>
          </div>
        )}
        {/* aria-disabled, not disabled, while loading: it stays focusable, so its reason is heard. */}
        <button
          part="button submit"
          class="primary"
          disabled={over}
          aria-disabled={load !== 'ready' ? 'true' : undefined}
          aria-describedby={load !== 'ready' ? 'tt-wait' : undefined}
        >
          {t('send')}
        </button>
      </fieldset>
      <SendingRow {...view} />
    </form>
  );
}
