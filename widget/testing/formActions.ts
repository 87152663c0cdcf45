import { fireEvent } from '@testing-library/preact';
import type { mountElement } from './mountElement.ts';

type Screen = Awaited<ReturnType<typeof mountElement>>['screen'];

/** Types `value` into a field as an input event carries it. */
export const type = (control: HTMLElement, value: string) => fireEvent.input(control, { target: { value } });

/** The texts `control` is described by (aria-describedby), in order. */
export const describedBy = (control: HTMLElement, shadow: ShadowRoot) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => shadow.getElementById(id)?.textContent);

/** Fills everything the test schema requires, in department d1 / category c1. */
export function fillValidTicket(screen: Screen) {
  type(screen.getByRole('textbox', { name: 'E-mail' }), 'ana@example.com');
  type(screen.getByRole('textbox', { name: 'Nome' }), 'Ana');
  type(screen.getByRole('combobox', { name: 'Departamento' }), 'd1');
  type(screen.getByRole('combobox', { name: 'Categoria' }), 'c1');
  type(screen.getByRole('textbox', { name: 'Assunto' }), 'Webcam não liga');
  type(screen.getByRole('textbox', { name: 'Mensagem' }), 'Desde ontem.');
  type(screen.getByRole('textbox', { name: 'Pedido' }), 'A-1');
  fireEvent.click(screen.getByRole('checkbox', { name: 'Aceito os termos' }));
}
