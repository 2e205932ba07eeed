// A small strict XML 1.0 parser for tests: enough to prove a formatter's output is well-formed and to
// read it back (elements, attributes, text, character and the five predefined entity references).
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decode(raw: string, where: string): string {
  if (INVALID_CHAR.test(raw)) throw new Error(`invalid XML character in ${where}`);
  return raw.replace(/&([^;]*);|&/g, (_m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`bare & in ${where}`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref in named) return named[ref];
    const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (num) return String.fromCodePoint(parseInt(num[1], ref[1] === 'x' ? 16 : 10));
    throw new Error(`unknown entity &${ref}; in ${where}`);
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<?', i)) {
        const end = xml.indexOf('?>', i);
        if (end < 0) throw new Error('unterminated processing instruction');
        i = end + 2;
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') throw new Error(`expected < at ${i}`);
    i++;
    const name = NAME.exec(xml.slice(i))?.[0];
    if (!name) throw new Error(`bad element name at ${i}`);
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0];
      i += ws.length;
      if (xml.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (xml[i] === '>') {
        i++;
        break;
      }
      if (!ws) throw new Error(`expected white space before attribute at ${i}`);
      const an = NAME.exec(xml.slice(i))?.[0];
      if (!an) throw new Error(`bad attribute name at ${i}`);
      i += an.length;
      if (xml[i] !== '=') throw new Error(`expected = at ${i}`);
      const q = xml[i + 1];
      if (q !== '"' && q !== "'") throw new Error(`expected quote at ${i + 1}`);
      const end = xml.indexOf(q, i + 2);
      if (end < 0) throw new Error('unterminated attribute');
      const raw = xml.slice(i + 2, end);
      if (raw.includes('<')) throw new Error(`< in attribute ${an}`);
      if (an in el.attrs) throw new Error(`duplicate attribute ${an}`);
      el.attrs[an] = decode(raw, `attribute ${an}`);
      i = end + 1;
    }
    for (;;) {
      const lt = xml.indexOf('<', i);
      if (lt < 0) throw new Error(`unclosed element ${name}`);
      const raw = xml.slice(i, lt);
      if (raw.includes(']]>')) throw new Error(']]> in text');
      el.text += decode(raw, `text of ${name}`);
      i = lt;
      if (xml.startsWith('</', i)) {
        const close = NAME.exec(xml.slice(i + 2))?.[0];
        if (close !== name) throw new Error(`</${close}> closes <${name}>`);
        i += 2 + close.length;
        i += /^\s*/.exec(xml.slice(i))![0].length;
        if (xml[i] !== '>') throw new Error(`expected > at ${i}`);
        i++;
        return el;
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4);
        if (end < 0) throw new Error('unterminated comment');
        i = end + 3;
        continue;
      }
      el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}
