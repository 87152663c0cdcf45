/**
 * Classic JSX: h() takes children as arguments, which bundles smaller than the automatic runtime.
 * @jsxRuntime classic
 * @jsx h
 */
import { h } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { View } from './view.ts';

/**
 * After a ticket was taken: the send part's success view (see drawSuccess), drawn again when the
 * language changes. It is drawn before the focus moves to its status.
 */
export function Success({ model, t }: View) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(
    () => model.sendPart.value!.drawSuccess(container.current!, { ticket: model.ticket.value!, t, another: model.reset }),
    [t],
  );
  return <div part="success" class="done" ref={container} />;
}
