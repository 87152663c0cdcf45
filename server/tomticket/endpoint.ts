/** The legacy API's endpoints this client calls: the path segment before the token. */
export type LegacyEndpoint = 'cliente' | 'criar_cliente' | 'criar_chamado' | 'chamado' | 'chamados' | 'departamentos';

/** API 2.0's endpoints this client calls: the path after `/v2.0/` (docs/tomticket-api-v2.md). */
export type V2Endpoint =
  | 'customer/exists'
  | 'customers/exists'
  | 'customer/new'
  | 'ticket/new'
  | 'ticket/detail'
  | 'ticket/list'
  | 'department/list'
  | 'department/category/list'
  | 'custom_field/department/list';

/** An endpoint of either API, as calls, logs and the doctor name it. */
export type Endpoint = LegacyEndpoint | V2Endpoint;
