import type { FormStrings, LauncherStrings, ProblemStrings, SentStrings } from './strings.ts';

/** Spanish: what the launcher shows before the rest of the form is loaded. */
export const esLauncher = {
  open: 'Abrir un ticket',
  close: 'Cerrar',
  partFailed: 'No se pudo abrir el formulario. Compruebe la conexión y haga clic de nuevo.',
} satisfies LauncherStrings;

/** Spanish: the form's labels, buttons and states, by key. */
export const esForm = {
  email: 'Correo electrónico',
  name: 'Nombre',
  department: 'Departamento',
  category: 'Categoría',
  choose: 'Seleccione',
  title: 'Asunto',
  message: 'Mensaje',
  priority: 'Prioridad',
  p1: 'Baja',
  p2: 'Normal',
  p3: 'Alta',
  p4: 'Urgente',
  emailPlaceholder: 'usted@empresa.com',
  titlePlaceholder: 'Resúmalo en pocas palabras',
  messagePlaceholder: '¿Qué pasó? ¿Qué esperaba?',
  emailHint: 'Le responderemos a este correo.',
  attachments: 'Adjuntos',
  drop: 'Arrastre, pegue o haga clic para adjuntar',
  remove: 'Quitar {name}',
  more: '+{n} archivos más; se pueden enviar como máximo {max}',
  kb: '{n} KB',
  mb: '{n} MB',
  meter: '{used} de {max}',
  near: 'Cerca del límite',
  over: 'Quite {n} para enviar',
  send: 'Enviar',
  retry: 'Intentar de nuevo',
  loading: 'Cargando el formulario; el envío estará disponible en seguida.',
  loadFailed: 'Error al cargar el formulario.',
} satisfies FormStrings;

/** Spanish: what sending and a sent ticket show (in the send part). */
export const esSent = {
  sending: 'Enviando… {n}%',
  cancel: 'Cancelar',
  sent: 'Ticket creado',
  sentPlain: 'Ticket creado',
  queued: 'Recibimos su ticket. Llegará al soporte en breve; guarde la referencia.',
  another: 'Enviar otro',
  ticketNumber: 'Número de ticket',
  reference: 'Referencia',
  copy: 'Copiar',
  copied: 'Copiado',
  copySelected: 'Seleccionado para copiar',
  contextNote: 'Con el ticket enviamos la dirección y el título de esta página, el navegador, el sistema, el tipo de dispositivo, el tamaño de la pantalla y de la ventana, el idioma y la zona horaria.',
  consentRequired: 'Marque esta casilla para enviar: necesitamos su consentimiento.',
} satisfies SentStrings;

/** Spanish: what is wrong, by error code (in the send part, which every form loads after its first render). */
export const esProblems = {
  required: 'Obligatorio',
  too_long: 'Máximo {n} caracteres',
  invalid_email: 'Correo inválido',
  invalid_value: 'Valor inválido',
  not_an_option: 'Opción inválida',
  too_many_files: 'Máximo {n} archivos',
  request_too_large: 'Envío mayor que {max}',
  upstream_rejected: '{message}',
  upstream_unavailable: 'Soporte no disponible. Intente más tarde.',
  upstream_timeout: 'Soporte no respondió. Intente de nuevo.',
  rate_limited: 'Demasiados envíos. Intente en {n} min.',
  origin_not_allowed: 'Sitio no autorizado.',
  identity_invalid: 'Sesión vencida. Recargue la página.',
  identity_required: 'Inicie sesión para abrir un ticket.',
  file_type_denied: 'Tipo de archivo no permitido',
  file_not_image: 'Imagen inválida',
  attachments_unavailable: 'No podemos recibir adjuntos ahora. Envíe sin ellos o intente más tarde.',
  network: 'Sin conexión. Intente de nuevo.',
  aborted: 'Envío cancelado.',
  internal: 'Algo salió mal. Intente de nuevo.',
} satisfies ProblemStrings;
