/** What the context says of the customer's browser: its name and major version, the system, the kind of device. */
export interface ClientDescription {
  browser?: string;
  os?: string;
  device: 'desktop' | 'mobile' | 'tablet';
}

/** The part of User-Agent Client Hints the widget reads (Chromium browsers, secure pages). */
export interface UserAgentData {
  brands: ReadonlyArray<{ brand: string; version: string }>;
  mobile: boolean;
  platform: string;
  getHighEntropyValues(hints: string[]): Promise<{ platformVersion?: string }>;
}

// Most specific first: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari".
const BROWSERS: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|OPT)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+(?:\.\d+)?).*\bSafari\//],
];
const WINDOWS_NT: Readonly<Record<string, string>> = { '10.0': '10', '6.3': '8.1', '6.2': '8', '6.1': '7' };
/** How long a ticket waits for Client Hints' platform version before going without it. */
export const HINTS_WAIT_MS = 300;
// Client Hints' brand names, and what the context calls them.
const BRAND_NAMES: Readonly<Record<string, string>> = { 'Google Chrome': 'Chrome', 'Microsoft Edge': 'Edge', Opera: 'Opera', 'Samsung Internet': 'Samsung Internet', Brave: 'Brave', Vivaldi: 'Vivaldi', 'Yandex': 'Yandex' };

/**
 * Browser, system and device from the user agent string: how Sentry's server and most support
 * widgets read it. It cannot tell Windows 11 from 10, nor (since iPadOS 13) an iPad from a Mac
 * except by its touch points: {@link describeClient} asks Client Hints where the browser has them.
 */
export function parseUserAgent(ua: string, maxTouchPoints = 0): ClientDescription {
  let browser: string | undefined;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const ipad = /\biPad\b/.test(ua) || (/\bMacintosh\b/.test(ua) && maxTouchPoints > 1);
  let os: string | undefined;
  const windows = /\bWindows NT (\d+\.\d+)/.exec(ua);
  const android = /\bAndroid (\d+(?:\.\d+)?)/.exec(ua);
  const ios = /\b(?:iPhone|CPU) OS (\d+)_(\d+)/.exec(ua);
  if (windows) os = `Windows ${WINDOWS_NT[windows[1] as string] ?? windows[1]}`;
  else if (android) os = `Android ${android[1]}`;
  else if (ios) os = `${ipad ? 'iPadOS' : 'iOS'} ${ios[1]}.${ios[2]}`;
  else if (ipad) os = 'iPadOS';
  else if (/\bMac OS X\b/.test(ua)) os = 'macOS';
  else if (/\bCrOS\b/.test(ua)) os = 'ChromeOS';
  else if (/\bLinux\b/.test(ua)) os = 'Linux';
  const device = ipad || /\bTablet\b/.test(ua) || (android && !/\bMobile\b/.test(ua)) ? 'tablet' : /\bMobi|iPhone|\bAndroid\b/.test(ua) ? 'mobile' : 'desktop';
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}), device };
}

/**
 * The customer's browser, system and device: from User-Agent Client Hints where the browser has
 * them (Chromium on secure pages: the real brand behind "Chromium", and Windows 11, which the user
 * agent string never says, from the platform's version), the user agent string otherwise and for
 * what Client Hints leave out.
 */
export async function describeClient(navigator: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> & { userAgentData?: UserAgentData }): Promise<ClientDescription> {
  const parsed = parseUserAgent(navigator.userAgent, navigator.maxTouchPoints);
  const hints = navigator.userAgentData;
  if (!hints?.brands?.length) return parsed;
  const brand = hints.brands.find(({ brand }) => BRAND_NAMES[brand]) ?? hints.brands.find(({ brand }) => brand === 'Chromium');
  let platformVersion = '';
  try {
    // The ticket waits for this: a browser that never answers costs it at most HINTS_WAIT_MS.
    const late = new Promise<{ platformVersion?: string }>((resolve) => setTimeout(resolve, HINTS_WAIT_MS, {}));
    platformVersion = (await Promise.race([hints.getHighEntropyValues(['platformVersion']), late])).platformVersion ?? '';
  } catch {
    // Refused (a permissions policy, an insecure page): what the user agent string says stands.
  }
  const major = Number(platformVersion.split('.')[0]);
  let os = parsed.os;
  if (hints.platform === 'Windows' && platformVersion) os = major >= 13 ? 'Windows 11' : major > 0 ? 'Windows 10' : os;
  else if (hints.platform === 'macOS' && platformVersion) os = `macOS ${platformVersion.split('.').slice(0, 2).join('.')}`;
  else if (hints.platform === 'Android' && platformVersion) os = `Android ${platformVersion.split('.')[0]}`;
  return {
    ...parsed,
    ...(brand ? { browser: `${BRAND_NAMES[brand.brand] ?? brand.brand} ${brand.version}` } : {}),
    ...(os ? { os } : {}),
    device: hints.mobile ? 'mobile' : hints.platform === 'Android' ? 'tablet' : parsed.device,
  };
}
