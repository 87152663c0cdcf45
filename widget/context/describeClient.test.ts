import { describe, expect, it, vi } from 'vitest';
import { describeClient, HINTS_WAIT_MS, parseUserAgent, type UserAgentData } from './describeClient.ts';

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  chromeIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  ipadOld: 'Mozilla/5.0 (iPad; CPU OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
  samsungPhone: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  operaLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 OPR/111.0.0.0',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  windows7: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0',
};

describe('parseUserAgent', () => {
  it.each([
    ['chromeWindows', { browser: 'Chrome 126', os: 'Windows 10', device: 'desktop' }],
    ['edgeWindows', { browser: 'Edge 126', os: 'Windows 10', device: 'desktop' }],
    ['firefoxMac', { browser: 'Firefox 128', os: 'macOS', device: 'desktop' }],
    ['safariMac', { browser: 'Safari 17.4', os: 'macOS', device: 'desktop' }],
    ['safariIphone', { browser: 'Safari 17.5', os: 'iOS 17.5', device: 'mobile' }],
    ['chromeIphone', { browser: 'Chrome 126', os: 'iOS 17.5', device: 'mobile' }],
    ['ipadOld', { browser: 'Safari 12.1', os: 'iPadOS 12.5', device: 'tablet' }],
    ['samsungPhone', { browser: 'Samsung Internet 25', os: 'Android 14', device: 'mobile' }],
    ['androidTablet', { browser: 'Chrome 126', os: 'Android 13', device: 'tablet' }],
    ['operaLinux', { browser: 'Opera 111', os: 'Linux', device: 'desktop' }],
    ['chromebook', { browser: 'Chrome 126', os: 'ChromeOS', device: 'desktop' }],
    ['windows7', { browser: 'Firefox 115', os: 'Windows 7', device: 'desktop' }],
  ] as const)('reads %s', (name, expected) => {
    expect(parseUserAgent(UA[name])).toEqual(expected);
  });

  it('takes a "Macintosh" with touch points for the iPad it is (iPadOS 13 and later ask for the desktop site)', () => {
    expect(parseUserAgent(UA.safariMac, 5)).toEqual({ browser: 'Safari 17.4', os: 'iPadOS', device: 'tablet' });
  });

  it('says nothing it cannot read', () => {
    expect(parseUserAgent('curl/8.5.0')).toEqual({ device: 'desktop' });
  });
});

describe('describeClient', () => {
  const hints = (data: Partial<UserAgentData> & { platformVersion?: string | Error }): UserAgentData => ({
    brands: [],
    mobile: false,
    platform: '',
    ...data,
    getHighEntropyValues: async () => {
      if (data.platformVersion instanceof Error) throw data.platformVersion;
      return { platformVersion: data.platformVersion };
    },
  });

  it('names Windows 11, which the user agent string never does, from Client Hints\' platform version', async () => {
    const userAgentData = hints({
      brands: [{ brand: 'Not/A)Brand', version: '8' }, { brand: 'Chromium', version: '126' }, { brand: 'Google Chrome', version: '126' }],
      platform: 'Windows',
      platformVersion: '15.0.0',
    });
    expect(await describeClient({ userAgent: UA.chromeWindows, maxTouchPoints: 0, userAgentData })).toEqual({ browser: 'Chrome 126', os: 'Windows 11', device: 'desktop' });
    const windows10 = { ...userAgentData, getHighEntropyValues: async () => ({ platformVersion: '10.0.0' }) };
    expect((await describeClient({ userAgent: UA.chromeWindows, maxTouchPoints: 0, userAgentData: windows10 })).os).toBe('Windows 10');
  });

  it('picks the real brand over Chromium and the made-up one, and the mobile flag; keeps the user agent\'s word when refused', async () => {
    const edge = hints({ brands: [{ brand: 'Microsoft Edge', version: '126' }, { brand: 'Chromium', version: '126' }], platform: 'Android', mobile: true, platformVersion: '14.0.0' });
    expect(await describeClient({ userAgent: UA.androidTablet, maxTouchPoints: 5, userAgentData: edge })).toEqual({ browser: 'Edge 126', os: 'Android 14', device: 'mobile' });
    const refused = hints({ brands: [{ brand: 'Chromium', version: '126' }, { brand: 'Not.A/Brand', version: '24' }], platform: 'Linux', platformVersion: new Error('NotAllowedError') });
    expect(await describeClient({ userAgent: UA.operaLinux, maxTouchPoints: 0, userAgentData: refused })).toEqual({ browser: 'Chromium 126', os: 'Linux', device: 'desktop' });
  });

  it('does not hold the ticket for Client Hints that never answer: the user agent string\'s word stands', async () => {
    vi.useFakeTimers();
    try {
      const silent: UserAgentData = { brands: [{ brand: 'Google Chrome', version: '126' }], mobile: false, platform: 'Windows', getHighEntropyValues: () => new Promise(() => {}) };
      const described = describeClient({ userAgent: UA.chromeWindows, maxTouchPoints: 0, userAgentData: silent });
      await vi.advanceTimersByTimeAsync(HINTS_WAIT_MS);
      expect(await described).toEqual({ browser: 'Chrome 126', os: 'Windows 10', device: 'desktop' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the user agent string alone where there are no Client Hints (Firefox, Safari)', async () => {
    expect(await describeClient({ userAgent: UA.safariIphone, maxTouchPoints: 5 })).toEqual({ browser: 'Safari 17.5', os: 'iOS 17.5', device: 'mobile' });
  });
});
