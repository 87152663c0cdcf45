import type { FakeCallRole, FakeV2Endpoint } from '../types.ts';

/** The path prefix of API 2.0 on TomTicket's host. */
export const V2_PREFIX = '/v2.0/';

/** Each API 2.0 endpoint of the fake: its method and what it is for. */
export const V2_ROUTES: Record<FakeV2Endpoint, { method: 'GET' | 'POST'; role: FakeCallRole }> = {
  'ticket/new': { method: 'POST', role: 'ticket_create' },
  'ticket/detail': { method: 'GET', role: 'ticket_detail' },
  'ticket/list': { method: 'GET', role: 'ticket_list' },
  'department/list': { method: 'GET', role: 'departments' },
  'department/category/list': { method: 'GET', role: 'departments' },
  'custom_field/department/list': { method: 'GET', role: 'departments' },
  'customer/exists': { method: 'GET', role: 'customer_check' },
  'customers/exists': { method: 'GET', role: 'customer_check' },
  'customer/new': { method: 'POST', role: 'customer_create' },
  'customer/details': { method: 'GET', role: 'customer_check' },
};

/** The API 2.0 endpoint a pathname (`/v2.0/ticket/new`, one trailing slash allowed) names, or undefined. */
export function matchV2Route(pathname: string): FakeV2Endpoint | undefined {
  if (!pathname.startsWith(V2_PREFIX)) return undefined;
  const name = pathname.slice(V2_PREFIX.length).replace(/\/$/, '');
  return Object.hasOwn(V2_ROUTES, name) ? (name as FakeV2Endpoint) : undefined;
}
