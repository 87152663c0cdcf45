import { describe, expect, it } from 'vitest';
import { createRateLimits } from './rate-limits.ts';

const LIMITS = { ipPerHour: 2, ipPerDay: 3, emailPerHour: 1, emailPerDay: 5, globalPerHour: 4 };
const HOUR = 60 * 60 * 1000;

describe('createRateLimits', () => {
  it('refuses a client over its hourly limit with 429 rate_limited and the seconds to wait', () => {
    const limits = createRateLimits(LIMITS, () => 0);
    expect(limits.admitClient('1.1.1.1')).toBeUndefined();
    expect(limits.admitClient('1.1.1.1')).toBeUndefined();
    expect(limits.admitClient('1.1.1.1')).toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfterSeconds: HOUR / 1000 + HOUR / 2 / 1000,
      message: expect.stringMatching(/more than 2 tickets an hour.*Try again in 90 minutes/),
    });
    expect(limits.admitClient('2.2.2.2')).toBeUndefined();
  });

  it('applies the daily limit too, answering with the longer wait', () => {
    let time = 0;
    const limits = createRateLimits(LIMITS, () => time);
    limits.admitClient('1.1.1.1');
    limits.admitClient('1.1.1.1');
    time += 3 * HOUR;
    expect(limits.admitClient('1.1.1.1')).toBeUndefined();
    const refused = limits.admitClient('1.1.1.1');
    expect(refused?.message).toMatch(/a day/);
    expect(refused?.retryAfterSeconds).toBeGreaterThan(HOUR / 1000);
  });

  it('limits tickets per e-mail, case-insensitively, and server-wide', () => {
    const limits = createRateLimits(LIMITS, () => 0);
    expect(limits.admitTicket('Ana@Example.com')).toBeUndefined();
    expect(limits.admitTicket('ana@example.com')?.message).toMatch(/this e-mail/);
    expect(limits.admitTicket('bia@example.com')).toBeUndefined();
    expect(limits.checkGlobal()).toBeUndefined();
    expect(limits.admitTicket(undefined)).toBeUndefined();
    expect(limits.admitTicket(undefined)).toBeUndefined();
    // Four tickets this hour: the server-wide cap is reached, for every e-mail and before the body.
    expect(limits.checkGlobal()?.code).toBe('rate_limited');
    expect(limits.admitTicket('cid@example.com')?.message).toMatch(/server accepts/);
  });

  it('switches a limit of 0 off', () => {
    const limits = createRateLimits({ ipPerHour: 0, ipPerDay: 0, emailPerHour: 0, emailPerDay: 0, globalPerHour: 0 }, () => 0);
    for (let i = 0; i < 100; i++) {
      expect(limits.admitClient('1.1.1.1')).toBeUndefined();
      expect(limits.admitTicket('ana@example.com')).toBeUndefined();
    }
    expect(limits.checkGlobal()).toBeUndefined();
  });
});
