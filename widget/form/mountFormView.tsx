/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { computed, effect, signal } from '@preact/signals';
import { h, render } from 'preact';
import { createDraft } from '../draft/createDraft.ts';
import { namePastedFiles } from '../attachments/namePastedFiles.ts';
import { createI18n, pickLocale } from '../i18n/translate.ts';
import { createFormModel, type ModelEvent } from '../model/createFormModel.ts';
import type { FormStart, PartForm } from '../part/formPart.ts';
import { adoptSheet } from '../theme/adoptSheet.ts';
import { afterRender } from './afterRender.ts';
import { focusFirst } from './focusFirst.ts';
import { FormRoot } from './FormRoot.tsx';
import { FORM_STYLES } from './styles.ts';

/**
 * Draws one form into `container`, once: from then on signals bound into the JSX update the nodes
 * that show them, and only components whose own signals changed render again.
 */
export function mountFormView(container: HTMLElement, start: FormStart): PartForm {
  const dropStyles = adoptSheet(container.getRootNode() as ShadowRoot, FORM_STYLES);

  const settings = signal(start.options);
  const pageStrings = signal([...start.pageStrings]);
  // Events fire once the screen shows the new state, so listeners can read it.
  const emit = (type: ModelEvent, detail = {}) =>
    afterRender(() => start.host.dispatchEvent(new CustomEvent(`tomticket:${type}`, { detail, bubbles: true, composed: true })));
  const draft = start.draft && createDraft(start.draft.key, start.draft.usable);
  const model = createFormModel(settings, emit, start.loadSendPart, draft);
  const i18n = computed(() => {
    const { lang, strings } = settings.value;
    const layers = [model.sendPart.value?.texts, ...pageStrings.value, strings];
    return createI18n(pickLocale(lang, document.documentElement.lang, navigator.language), layers);
  });
  // Pasted files (screenshots) become attachments wherever in the form they are pasted.
  const paste = (event: ClipboardEvent) => {
    const files = namePastedFiles(event.clipboardData?.files ?? [], Date.now());
    if (!files.length) return;
    event.preventDefault();
    model.addFiles(files);
  };
  container.addEventListener('paste', paste);
  render(<FormRoot model={model} i18n={i18n} />, container);

  // A status change replaced what had the focus (fieldset locked, success shown…): move it on.
  let lastStatus = model.status.peek();
  const stopFocus = effect(() => {
    if (model.status.value !== lastStatus) afterRender(() => focusFirst(container));
    lastStatus = model.status.value;
  });
  if (__TT_DEBUG__) console.debug('[tomticket] mounted', start.options);

  return {
    update: (options) => (settings.value = options),
    setPageStrings: (strings) => (pageStrings.value = [...strings]),
    prefill: model.prefill,
    reset: model.reset,
    destroy() {
      stopFocus();
      model.destroy();
      container.removeEventListener('paste', paste);
      render(null, container);
      dropStyles();
    },
  };
}
