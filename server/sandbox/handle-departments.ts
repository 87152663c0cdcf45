import type { FakeExchange } from './fake-exchange.ts';

/** `GET /departamentos/{token}`: the departments with their categories, in TomTicket's field names. */
export function handleDepartments(exchange: FakeExchange): void {
  exchange.reply.json(200, {
    erro: false,
    data: exchange.account.departments.map((department) => ({
      id: department.id,
      nome: department.name,
      online: department.online ?? true,
      categorias: department.categories.map((category) => ({ id: category.id, nome: category.name })),
    })),
  });
}
