import { describe, expect, it } from 'vitest';
import { clientNetworks } from './client-ip.ts';
import { createRateLimits } from './rate-limits.ts';

const LIMITS = {
  ipPerHour: 2,
  ipPerDay: 3,
  emailPerHour: 1,
  emailPerDay: 5,
  globalPerHour: 4,
  globalSignedInPercent: 0,
  refusedPerMinute: 3,
};
const HOUR = 60 * 60 * 1000;
const ip = (address: string) => clientNetworks(address);

describe('createRateLimits', () => {
  it('refuses a client over its hourly limit with 429 rate_limited and the seconds to wait', () => {
    const limits = createRateLimits(LIMITS, () => 0);
    expect(limits.admitClient(ip('1.1.1.1'))).toBeUndefined();
    expect(limits.admitClient(ip('1.1.1.1'))).toBeUndefined();
    expect(limits.admitClient(ip('1.1.1.1'))).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: HOUR / 1000 + HOUR / 2 / 1000,
      message: expect.stringMatching(/more than 2 tickets an hour from this network address.*Try again in 90 minutes/),
    });
    expect(limits.admitClient(ip('2.2.2.2'))).toBeUndefined();
  });

  it('applies the daily limit too, answering with the longer wait', () => {
    let time = 0;
    const limits = createRateLimits(LIMITS, () => time);
    limits.admitClient(ip('1.1.1.1'));
    limits.admitClient(ip('1.1.1.1'));
    time += 3 * HOUR;
    expect(limits.admitClient(ip('1.1.1.1'))).toBeUndefined();
    const refused = limits.admitClient(ip('1.1.1.1'));
    expect(refused?.message).toMatch(/a day/);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(HOUR / 1000);
  });

  it('limits an IPv6 client rotating through its /64s by its /56, and through its /56s by its /48', () => {
    const limits = createRateLimits({ ...LIMITS, ipPerDay: 0 }, () => 0);
    // A /56 may send twice a /64's limit: four tickets from four /64s, then no more.
    const sameSlash56 = ['2001:db8:a:100::1', '2001:db8:a:101::1', '2001:db8:a:102::1', '2001:db8:a:103::1', '2001:db8:a:104::1'];
    expect(sameSlash56.map((address) => limits.admitClient(ip(address))?.message)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      expect.stringMatching(/more than 4 tickets an hour from this IPv6 \/56 network/),
    ]);
    // A /48 may send four times: the other /56s of the same /48 get the four left.
    const otherSlash56s = ['2001:db8:a:200::1', '2001:db8:a:300::1', '2001:db8:a:400::1', '2001:db8:a:500::1', '2001:db8:a:600::1'];
    expect(otherSlash56s.map((address) => limits.admitClient(ip(address))?.message)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      expect.stringMatching(/more than 8 tickets an hour from this IPv6 \/48 network/),
    ]);
    expect(limits.admitClient(ip('2001:db8:b::1'))).toBeUndefined();
  });

  it('limits tickets per e-mail, case-insensitively, and server-wide', () => {
    const limits = createRateLimits(LIMITS, () => 0);
    expect(limits.admitTicket('Ana@Example.com', false)).toBeUndefined();
    expect(limits.admitTicket('ana@example.com', false)?.message).toMatch(/this e-mail/);
    expect(limits.admitTicket('bia@example.com', false)).toBeUndefined();
    expect(limits.checkGlobal(false)).toBeUndefined();
    expect(limits.admitTicket(undefined, false)).toBeUndefined();
    expect(limits.admitTicket(undefined, false)).toBeUndefined();
    // Four tickets this hour: the server-wide cap is reached, for every e-mail and before the body.
    expect(limits.checkGlobal(false)?.code).toBe('rate_limited');
    expect(limits.checkGlobal(true)?.code).toBe('rate_limited');
    expect(limits.admitTicket('cid@example.com', false)?.message).toMatch(/server accepts/);
  });

  it('counts a signed-in customer apart from the same e-mail typed into anonymous tickets', () => {
    const limits = createRateLimits(LIMITS, () => 0);
    expect(limits.admitTicket('ceo@victim.example', false)).toBeUndefined();
    expect(limits.admitTicket('CEO@victim.example', false)?.code).toBe('rate_limited');
    expect(limits.admitTicket('ceo@victim.example', true)).toBeUndefined();
    expect(limits.admitTicket('ceo@victim.example', true)?.message).toMatch(/this e-mail/);
  });

  it('keeps a share of the global cap for signed-in customers', () => {
    const limits = createRateLimits({ ...LIMITS, emailPerHour: 0, emailPerDay: 0, globalPerHour: 10, globalSignedInPercent: 20 }, () => 0);
    for (let i = 0; i < 8; i++) expect(limits.admitTicket(`a${i}@example.com`, false)).toBeUndefined();
    // Anonymous tickets stop at 80 %; signed-in customers still have the rest, then the cap holds for everyone.
    expect(limits.checkGlobal(false)?.message).toMatch(/more anonymous tickets this hour/);
    expect(limits.admitTicket('late@example.com', false)?.code).toBe('rate_limited');
    expect(limits.checkGlobal(true)).toBeUndefined();
    expect(limits.admitTicket('s1@example.com', true)).toBeUndefined();
    expect(limits.admitTicket('s2@example.com', true)).toBeUndefined();
    expect(limits.checkGlobal(true)?.message).toMatch(/more tickets this hour than the server accepts/);
  });

  it('counts refused requests per client, and tells when a client had too many', () => {
    const limits = createRateLimits(LIMITS, () => 0);
    for (let i = 0; i < 3; i++) {
      expect(limits.checkRefused(ip('1.1.1.1'))).toBeUndefined();
      limits.countRefused(ip('1.1.1.1'));
    }
    expect(limits.checkRefused(ip('1.1.1.1'))).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: expect.stringMatching(/more than 3 refused requests a minute/),
      retryAfterSeconds: 80,
    });
    expect(limits.checkRefused(ip('2.2.2.2'))).toBeUndefined();
  });

  it('switches a limit of 0 off', () => {
    const off = { ipPerHour: 0, ipPerDay: 0, emailPerHour: 0, emailPerDay: 0, globalPerHour: 0, globalSignedInPercent: 20, refusedPerMinute: 0 };
    const limits = createRateLimits(off, () => 0);
    for (let i = 0; i < 100; i++) {
      expect(limits.admitClient(ip('1.1.1.1'))).toBeUndefined();
      expect(limits.admitTicket('ana@example.com', false)).toBeUndefined();
      limits.countRefused(ip('1.1.1.1'));
    }
    expect(limits.checkGlobal(false)).toBeUndefined();
    expect(limits.checkRefused(ip('1.1.1.1'))).toBeUndefined();
  });
});
