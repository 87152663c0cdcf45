import type { FormStrings, LauncherStrings, ProblemStrings, SentStrings } from './strings.ts';

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
  emailPlaceholder: 'voce@empresa.com.br',
  titlePlaceholder: 'Resuma em poucas palavras',
  messagePlaceholder: 'O que aconteceu? O que você esperava?',
  emailHint: 'A resposta chega neste e-mail.',
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
  retry: 'Tentar de novo',
  loading: 'Carregando o formulário; o envio fica disponível em seguida.',
  loadFailed: 'Falha ao carregar o formulário.',
} satisfies FormStrings;

/** Brazilian Portuguese, the default locale: what sending and a sent ticket show (in the send part). */
export const ptBRSent = {
  sending: 'Enviando… {n}%',
  cancel: 'Cancelar',
  sent: 'Chamado criado',
  sentPlain: 'Chamado criado',
  queued: 'Recebemos seu chamado. Ele chegará ao suporte em breve; guarde a referência.',
  another: 'Enviar outro',
  ticketNumber: 'Número do chamado',
  reference: 'Referência',
  copy: 'Copiar',
  copied: 'Copiado',
  copySelected: 'Selecionado para copiar',
  contextNote: 'Com o chamado enviamos o endereço e o título desta página, o navegador, o sistema, o tipo de dispositivo, o tamanho da tela e da janela, o idioma e o fuso horário.',
  consentRequired: 'Marque esta caixa para enviar: precisamos do seu consentimento.',
} satisfies SentStrings;

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
