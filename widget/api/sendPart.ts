import { checkValue } from '../../contract/index.ts';
import { consentRule } from '../consent/consentRow.ts';
import { contextNoteRule } from '../context/contextNoteRow.ts';
import { enProblems, enSent } from '../i18n/en.ts';
import { esProblems, esSent } from '../i18n/es.ts';
import { ptBRProblems, ptBRSent } from '../i18n/pt-BR.ts';
import type { SendPart } from '../part/sendPart.ts';
import { newIdempotencyKey } from './newIdempotencyKey.ts';
import { placeProblem } from './placeProblem.ts';
import { prepareProof } from './prepareProof.ts';
import { sendTicket } from './sendTicket.ts';
import { drawSuccess } from '../success/drawSuccess.ts';

/** The send part: what widget-send.js hands to every form (see SendPart). */
export const sendPart: SendPart = {
  checkValue,
  texts: { 'pt-BR': { ...ptBRSent, ...ptBRProblems }, en: { ...enSent, ...enProblems }, es: { ...esSent, ...esProblems } },
  // The note first, so the consent's checkbox stands right above Send.
  rows: (schema, context) => [...contextNoteRule(context), ...consentRule(schema.consent)],
  prepareProof,
  sendTicket,
  newIdempotencyKey,
  placeProblem,
  drawSuccess,
};
