/**
 * A small, strict XML reader for TwiML: elements, attributes, text, CDATA, comments, the XML
 * declaration and the predefined and numeric character references. No DTDs, no namespaces —
 * TwiML needs neither. Throws `TwimlParseError` (Twilio's error 12100, document parse failure).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export class TwimlParseError extends Error {
  readonly code = 12100;
  constructor(message: string) {
    super(`Document parse failure: ${message}`);
    this.name = 'TwimlParseError';
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /\s*/y;

export function parseXml(source: string): XmlElement {
  let i = 0;
  const src = source.replace(/^\uFEFF/, '');

  const fail = (what: string): never => {
    throw new TwimlParseError(`${what} at offset ${i}`);
  };
  const skipSpace = (): void => {
    SPACE.lastIndex = i;
    SPACE.exec(src);
    i = SPACE.lastIndex;
  };
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) fail('expected a name');
    i = NAME.lastIndex;
    return m![0];
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (src.startsWith('<!DOCTYPE', i)) {
        fail('DOCTYPE is not allowed');
      } else {
        return;
      }
    }
  };

  const readElement = (): XmlElement => {
    if (src[i] !== '<') fail('expected <');
    i++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (src.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [] };
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace, > or />');
      const attr = readName();
      skipSpace();
      if (src[i] !== '=') fail(`expected = after attribute ${attr}`);
      i++;
      skipSpace();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = src.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = src.slice(i + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (attr in attrs) fail(`duplicate attribute ${attr}`);
      attrs[attr] = decodeEntities(raw, fail);
      i = end + 1;
    }
    const children: XmlNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) children.push(text);
      text = '';
    };
    for (;;) {
      if (i >= src.length) fail(`unclosed element <${name}>`);
      if (src.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== name) fail(`</${closing}> closes <${name}>`);
        skipSpace();
        if (src[i] !== '>') fail('expected >');
        i++;
        flush();
        return { name, attrs, children };
      }
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA section');
        text += src.slice(i + 9, end);
        i = end + 3;
      } else if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (src[i] === '<') {
        flush();
        children.push(readElement());
      } else {
        const next = src.indexOf('<', i);
        const end = next < 0 ? src.length : next;
        text += decodeEntities(src.slice(i, end), fail);
        i = end;
      }
    }
  };

  skipMisc();
  if (i >= src.length) fail('empty document');
  const root = readElement();
  skipMisc();
  if (i < src.length) fail('content after the root element');
  return root;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, fail: (what: string) => never): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) fail(`unterminated character reference &${ref}`);
    if (ref in PREDEFINED) return PREDEFINED[ref];
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (!m) fail(`unknown entity &${ref};`);
    const code = m![1] !== undefined ? parseInt(m![1], 16) : parseInt(m![2], 10);
    if (code > 0x10ffff || code === 0) fail(`invalid character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

/** The text inside an element (its own and its descendants'), whitespace collapsed. */
export function textOf(el: XmlElement): string {
  const parts: string[] = [];
  const walk = (n: XmlNode): void => {
    if (typeof n === 'string') parts.push(n);
    else n.children.forEach(walk);
  };
  el.children.forEach(walk);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string');
}

/** Parses a TwiML document: the root must be `<Response>`. */
export function parseTwiml(source: string): XmlElement {
  const root = parseXml(source);
  if (root.name !== 'Response') throw new TwimlParseError(`root element is <${root.name}>, not <Response>`);
  for (const c of root.children) {
    if (typeof c === 'string' && c.trim()) throw new TwimlParseError('text directly inside <Response>');
  }
  return root;
}
