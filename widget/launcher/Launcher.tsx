/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import type { View } from '../form/view.ts';

/**
 * A floating button opening the form in a modal <dialog>: showModal() traps the focus and closes
 * on Escape, and every close gives the focus back to the button.
 */
export function Launcher({ t, children }: View & { children: ComponentChildren }) {
  return [
    <button type="button" part="button launcher" class="launcher primary" aria-haspopup="dialog"
      onClick={(e) => (e.currentTarget.nextSibling as HTMLDialogElement).showModal()}>
      {t('open')}
    </button>,
    <dialog part="dialog" aria-labelledby="tt-dialog-title"
      onClose={(e) => (e.currentTarget.previousSibling as HTMLElement).focus()}>
      <div class="row">
        <h2 id="tt-dialog-title">{t('open')}</h2>
        <button type="button" part="button" aria-label={t('close')}
          onClick={(e) => e.currentTarget.closest('dialog')!.close()}>
          ×
        </button>
      </div>
      {children}
    </dialog>,
  ];
}
