import { describe, expect, it } from '@jest/globals';
import { html } from './html.js';

describe('html', () => {
  it('escapes every value, in text and in attributes', () => {
    const title = '<script>alert("x")</script> & \'q\'';
    expect(html`<a title="${title}">${title}</a>`.value).toBe(
      '<a title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</a>',
    );
  });

  it('keeps nested markup made with html, joins lists and drops empty values', () => {
    // Called by another name so that the formatter leaves the template's whitespace alone.
    const tag = html;
    const items = ['<b>', 'b'].map((t) => tag`<li>${t}</li>`);
    expect(tag`<ul>${items}${null}${false}${undefined}</ul>${0}`.value).toBe(
      '<ul><li>&lt;b&gt;</li><li>b</li></ul>0',
    );
  });
});
