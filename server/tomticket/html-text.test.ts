import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.ts';

describe('htmlToText', () => {
  it('reads <br> as a line break, drops tags and decodes entities', () => {
    expect(htmlToText('a &lt;b&gt; &amp; c<br>d<br/><b>e</b>&#233;&#x41;&nbsp;')).toBe('a <b> & c\nd\neéA ');
  });
});
