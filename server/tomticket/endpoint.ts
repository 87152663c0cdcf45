/** The legacy API's endpoints this client calls: the path segment before the token. */
export type Endpoint = 'cliente' | 'criar_cliente' | 'criar_chamado' | 'chamado' | 'chamados' | 'departamentos';
