import { checkValue } from '../../contract/index.ts';
import { consentRule } from '../consent/consentRow.ts';
import { contextNoteRule } from '../context/contextNoteRow.ts';
import { enProblems, enSend } from '../i18n/en.ts';
import { esProblems, esSend } from '../i18n/es.ts';
import { ptBRProblems, ptBRSend } from '../i18n/pt-BR.ts';
import type { SendPart } from '../part/sendPart.ts';
import { newIdempotencyKey } from './newIdempotencyKey.ts';
import { prepareProof } from './prepareProof.ts';
import { sendTicket } from './sendTicket.ts';

/** The send part: what widget-send.js hands to every form (see SendPart). */
export const sendPart: SendPart = {
  checkValue,
  texts: { 'pt-BR': { ...ptBRProblems, ...ptBRSend }, en: { ...enProblems, ...enSend }, es: { ...esProblems, ...esSend } },
  // The note first, so the consent's checkbox stands right above Send.
  rows: (schema, context) => [...contextNoteRule(context), ...consentRule(schema.consent)],
  prepareProof,
  sendTicket,
  newIdempotencyKey,
};
