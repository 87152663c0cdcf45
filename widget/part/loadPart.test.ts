import { afterEach, describe, expect, it } from 'vitest';
import { createPartLoader } from './loadPart.ts';
import { PART_EVENT } from './partFiles.ts';

/** The <script> elements the loader added, which jsdom never runs: the tests play the browser's part. */
const scripts = () => [...document.head.querySelectorAll('script')];

/** What a part file does while it runs (announcePart on its own element), then the browser's load event. */
function runPart(script: HTMLScriptElement, part: object) {
  script.dispatchEvent(new CustomEvent(PART_EVENT, { detail: part }));
  script.onload!(new Event('load'));
}

afterEach(() => document.head.replaceChildren());

describe('createPartLoader', () => {
  it('adds one classic script for the part and resolves with what the part hands over', async () => {
    const load = createPartLoader<{ name: string }>('https://s.example/widget-send.js');
    const first = load();
    const second = load();
    expect(scripts()).toHaveLength(1);
    expect(scripts()[0]!.src).toBe('https://s.example/widget-send.js');
    runPart(scripts()[0]!, { name: 'send' });
    expect(await first).toEqual({ name: 'send' });
    expect(await second).toEqual({ name: 'send' });
    // Once loaded, later calls get it without a new request.
    expect(await load()).toEqual({ name: 'send' });
    expect(scripts()).toHaveLength(1);
  });

  it('asks the browser to check a pinned part against its integrity hash, fetched with CORS', async () => {
    const load = createPartLoader<object>('https://s.example/widget-send.33f0e5cc8360.js', 'sha256-M/DlzINgxUbbw4dA8mnVWNdjxj7jDjORZbvOTx5zzX4=');
    const loading = load();
    const [script] = scripts();
    expect(script!.integrity).toBe('sha256-M/DlzINgxUbbw4dA8mnVWNdjxj7jDjORZbvOTx5zzX4=');
    expect(script!.crossOrigin).toBe('anonymous');
    // What the browser does with a copy whose bytes differ: an error event, never the part's code run.
    script!.onerror!(new Event('error'));
    await expect(loading).rejects.toThrow(/could not load/);
  });

  it('rejects when the script fails (offline, blocked), forgets the failure, and the next call tries again', async () => {
    const load = createPartLoader<object>('https://s.example/widget-launcher.js');
    const failed = load();
    scripts()[0]!.onerror!(new Event('error'));
    await expect(failed).rejects.toThrow('could not load https://s.example/widget-launcher.js');
    expect(scripts(), 'the failed script is taken away').toHaveLength(0);

    const again = load();
    expect(scripts()).toHaveLength(1);
    runPart(scripts()[0]!, { launcher: true });
    expect(await again).toEqual({ launcher: true });
  });

  it("rejects a script that loads without handing a part over (not a part: a proxy's error page)", async () => {
    const load = createPartLoader<object>('https://s.example/widget-form.js');
    const loaded = load();
    scripts()[0]!.onload!(new Event('load'));
    await expect(loaded).rejects.toThrow('could not load');
  });
});
