import type { Table } from './strings.ts';

/** Brazilian Portuguese, the default locale; one text per key of KEYS, in order. */
export const ptBR: Table = [
  'E-mail', // email
  'Nome', // name
  'Departamento', // department
  'Categoria', // category
  'Selecione', // choose
  'Assunto', // title
  'Mensagem', // message
  'Prioridade', // priority
  'Baixa', // p1
  'Normal', // p2
  'Alta', // p3
  'Urgente', // p4
  'Anexos', // attachments
  'Arraste, cole ou clique para anexar', // drop
  'Remover {name}', // remove
  '+{n} arquivos; no máximo {max} podem ser enviados', // more
  '{n} KB', // kb
  '{n} MB', // mb
  '{used} de {max}', // meter
  'Perto do limite', // near
  'Remova {n} para enviar', // over
  'Enviar', // send
  'Enviando… {n}%', // sending
  'Cancelar', // cancel
  'Tentar de novo', // retry
  'Carregando o formulário; o envio fica disponível em seguida.', // loading
  'Falha ao carregar o formulário.', // loadFailed
  'Chamado nº {n} criado', // sent
  'Chamado criado', // sentPlain
  'Recebido ({ref}). Chegará ao suporte em breve.', // queued
  'Enviar outro', // another
  'Abrir chamado', // open
  'Fechar', // close
  'Obrigatório', // required
  'Máximo de {n} caracteres', // too_long
  'E-mail inválido', // invalid_email
  'Valor inválido', // invalid_value
  'Opção inválida', // not_an_option
  'Máximo de {n} arquivos', // too_many_files
  'Envio acima de {max}', // request_too_large
  '{message}', // upstream_rejected
  'Suporte indisponível. Tente mais tarde.', // upstream_unavailable
  'O suporte não respondeu. Tente de novo.', // upstream_timeout
  'Muitos envios. Tente em {n} min.', // rate_limited
  'Site não autorizado.', // origin_not_allowed
  'Sessão expirada. Recarregue a página.', // identity_invalid
  'Entre na sua conta para abrir um chamado.', // identity_required
  'Tipo de arquivo não permitido', // file_type_denied
  'Imagem inválida', // file_not_image
  'Não é possível receber anexos agora. Envie sem eles ou tente mais tarde.', // attachments_unavailable
  'Sem conexão. Tente de novo.', // network
  'Envio cancelado.', // aborted
  'Algo deu errado. Tente de novo.', // internal
];
