/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import { namePastedFiles } from '../attachments/namePastedFiles.ts';
import { Launcher } from '../launcher/Launcher.tsx';
import { Form } from './Form.tsx';
import { Success } from './Success.tsx';
import type { View } from './view.ts';

/** The shadow root's content: themed wrapper, inline or behind the launcher; pasted files become attachments. */
export function Widget(view: View) {
  const { model, options } = view;
  const body = <Body {...view} />;
  return (
    <div
      class={`tt ${options.theme} ${options.mode}`}
      lang={view.locale}
      onPaste={(e) => {
        const files = namePastedFiles(e.clipboardData?.files ?? [], Date.now());
        if (files.length) {
          e.preventDefault();
          model.addFiles(files);
        }
      }}
    >
      {options.mode === 'launcher' ? <Launcher {...view}>{body}</Launcher> : body}
    </div>
  );
}

function Body(view: View) {
  const { model, t } = view;
  const state = model.loadState.value;
  if (state === 'loading') return <p role="status">{t('loading')}</p>;
  if (state === 'failed') {
    return (
      <div role="alert" part="error" class="bad">
        {t('loadFailed')}{' '}
        <button type="button" part="button" onClick={model.load}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return model.status.value === 'sent' ? <Success {...view} /> : <Form {...view} />;
}
