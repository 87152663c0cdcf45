import { PROTECTION, SUBMISSION_FIELDS as F } from '../../contract/index.ts';
import { Attachments } from '../attachments/Attachments.tsx';
import { CustomFields } from '../fields/CustomFields.tsx';
import { afterRender } from './afterRender.ts';
import { Field } from './Field.tsx';
import { focusFirst } from './focusFirst.ts';
import type { ViewProps } from './view.ts';

/** The ticket form: customer, department, category, text, custom fields, priority, files, send. */
export function Form({ view }: ViewProps) {
  const { model, t } = view;
  const { customer, departments, limits, priorities } = model.schema.value!;
  const department = model.department.value;
  const sending = model.status.value === 'sending';
  const failure = model.failure.value;
  const progress = model.progress.value;
  return (
    <form
      part="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        if (!model.submit()) afterRender(() => focusFirst(form));
      }}
    >
      {/* A disabled fieldset locks every control at once while a ticket is on its way. */}
      <fieldset disabled={sending}>
        {customer.emailRequired && (
          <Field view={view} name={F.email} label={t('email')} type="email" autocomplete="email" required />
        )}
        {customer.nameRequired && <Field view={view} name={F.name} label={t('name')} autocomplete="name" required />}
        {!model.departmentHidden.value && (
          <Field view={view} name={F.department} label={t('department')} required
            options={departments.map((d) => ({ value: d.id, label: d.name }))} />
        )}
        {!!department?.categories.length && (
          <Field view={view} name={F.category} label={t('category')} required={department.categoryRequired}
            options={department.categories.map((c) => ({ value: c.id, label: c.name }))} />
        )}
        <Field view={view} name={F.title} label={t('title')} required max={limits.titleMaxChars} />
        <Field view={view} name={F.message} label={t('message')} type="textarea" required max={limits.messageMaxChars} />
        <CustomFields view={view} />
        <Field view={view} name={F.priority} label={t('priority')} empty={false}
          options={priorities.map((p) => ({ value: String(p), label: t(`p${p}`) }))} />
        <Attachments view={view} />
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
        <button part="button submit" class="primary" disabled={model.meter.value === 'over'}>
          {t('send')}
        </button>
      </fieldset>
      {sending && (
        <div class="row">
          <progress part="progress" max={100} value={progress} aria-labelledby="tt-progress" />
          <span id="tt-progress">{t('sending', { n: progress })}</span>
          <button type="button" part="button" data-focus onClick={model.cancel}>
            {t('cancel')}
          </button>
        </div>
      )}
    </form>
  );
}
