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

// The form is drawn before its schema arrives (see Form): only a sent ticket replaces it.
function Body(view: View) {
  return view.model.status.value === 'sent' ? <Success {...view} /> : <Form {...view} />;
}
