import type { FormStrings, LauncherStrings, ProblemStrings, SendStrings } from './strings.ts';

/** Brazilian Portuguese, the default locale: what the launcher shows before the rest of the form is loaded. */
export const ptBRLauncher = {
  open: 'Abrir chamado',
  close: 'Fechar',
  partFailed: 'Não foi possível abrir o formulário. Verifique a conexão e clique de novo.',
} satisfies LauncherStrings;

/** Brazilian Portuguese, the default locale: the form's labels, buttons and states, by key. */
export const ptBRForm = {
  email: 'E-mail',
  name: 'Nome',
  department: 'Departamento',
  category: 'Categoria',
  choose: 'Selecione',
  title: 'Assunto',
  message: 'Mensagem',
  priority: 'Prioridade',
  p1: 'Baixa',
  p2: 'Normal',
  p3: 'Alta',
  p4: 'Urgente',
  attachments: 'Anexos',
  drop: 'Arraste, cole ou clique para anexar',
  remove: 'Remover {name}',
  more: '+{n} arquivos; no máximo {max} podem ser enviados',
  kb: '{n} KB',
  mb: '{n} MB',
  meter: '{used} de {max}',
  near: 'Perto do limite',
  over: 'Remova {n} para enviar',
  send: 'Enviar',
  sending: 'Enviando… {n}%',
  cancel: 'Cancelar',
  retry: 'Tentar de novo',
  loading: 'Carregando o formulário; o envio fica disponível em seguida.',
  loadFailed: 'Falha ao carregar o formulário.',
  sent: 'Chamado nº {n} criado',
  sentPlain: 'Chamado criado',
  queued: 'Recebido ({ref}). Chegará ao suporte em breve.',
  another: 'Enviar outro',
} satisfies FormStrings;

/** Brazilian Portuguese, the default locale: what is wrong, by error code (in the send part, which every form loads after its first render). */
export const ptBRProblems = {
  required: 'Obrigatório',
  too_long: 'Máximo de {n} caracteres',
  invalid_email: 'E-mail inválido',
  invalid_value: 'Valor inválido',
  not_an_option: 'Opção inválida',
  too_many_files: 'Máximo de {n} arquivos',
  request_too_large: 'Envio acima de {max}',
  upstream_rejected: '{message}',
  upstream_unavailable: 'Suporte indisponível. Tente mais tarde.',
  upstream_timeout: 'O suporte não respondeu. Tente de novo.',
  rate_limited: 'Muitos envios. Tente em {n} min.',
  origin_not_allowed: 'Site não autorizado.',
  identity_invalid: 'Sessão expirada. Recarregue a página.',
  identity_required: 'Entre na sua conta para abrir um chamado.',
  file_type_denied: 'Tipo de arquivo não permitido',
  file_not_image: 'Imagem inválida',
  attachments_unavailable: 'Não é possível receber anexos agora. Envie sem eles ou tente mais tarde.',
  network: 'Sem conexão. Tente de novo.',
  aborted: 'Envio cancelado.',
  internal: 'Algo deu errado. Tente de novo.',
} satisfies ProblemStrings;

/** Brazilian Portuguese, the default locale: the send part's own texts (it draws the line saying what a ticket carries besides what was typed). */
export const ptBRSend = {
  contextNote: 'Com o chamado enviamos o endereço e o título desta página, o navegador, o sistema, o tipo de dispositivo, o tamanho da tela e da janela, o idioma e o fuso horário.',
  consentRequired: 'Marque esta caixa para enviar: precisamos do seu consentimento.',
} satisfies SendStrings;
