import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../call-upstream.ts';
import { readV2ListingPage } from './read-v2-listing-page.ts';

const answer = (body: Record<string, unknown>): UpstreamOutcome => ({ kind: 'answer', body });
const refused = (status: number): UpstreamOutcome => ({ kind: 'refused', status, message: 'Resource not found', body: { error: true } });
const item = { id: 'h1', protocol: 7, subject: 'Assunto', message: 'Texto<br>[ref TT-1]', creation_date: '2026-02-03 14:18:49-03:00' };

describe('readV2ListingPage', () => {
  it('reads the tickets, the creation time with its offset, and next_page', () => {
    expect(readV2ListingPage(answer({ error: false, data: [item], next_page: 2 }), 1)).toEqual({
      kind: 'page',
      last: false,
      tickets: [{ id: 'h1', protocol: 7, title: 'Assunto', message: 'Texto<br>[ref TT-1]', createdAt: new Date('2026-02-03T17:18:49Z') }],
    });
    expect(readV2ListingPage(answer({ data: [item], next_page: null }), 1)).toMatchObject({ kind: 'page', last: true });
  });

  it('without next_page, takes a full page of 50 as not the last', () => {
    expect(readV2ListingPage(answer({ data: Array(50).fill(item) }), 1)).toMatchObject({ last: false });
    expect(readV2ListingPage(answer({ data: [item] }), 1)).toMatchObject({ last: true });
  });

  it('ends on an empty page, a 404 in the envelope, or a refusal of a later page', () => {
    expect(readV2ListingPage(answer({ data: [], next_page: null }), 3)).toEqual({ kind: 'end' });
    expect(readV2ListingPage(refused(404), 1)).toEqual({ kind: 'end' });
    expect(readV2ListingPage(refused(200), 2)).toEqual({ kind: 'end' });
  });

  it('fails on a refusal of the first page, anything not TomTicket’s, or no list', () => {
    expect(readV2ListingPage(refused(200), 1)).toMatchObject({ kind: 'failed' });
    expect(readV2ListingPage({ kind: 'unexpected', detail: 'HTTP 404 with a body that is not a JSON object' }, 1)).toMatchObject({ kind: 'failed' });
    expect(readV2ListingPage({ kind: 'timeout' }, 1)).toEqual({ kind: 'failed', detail: 'ticket/list did not answer in time' });
    expect(readV2ListingPage(answer({ data: { tickets: [] } }), 1)).toMatchObject({ kind: 'failed' });
  });
});
