/**
 * A strict XML 1.0 well-formedness check, as Word and LibreOffice apply it to the parts of a
 * .docx: only characters of the Char production, tags that nest and close, quoted attributes,
 * known or numeric entity references, one root element. Returns the first fault, or undefined.
 */
const NOT_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = '[A-Za-z_:][-A-Za-z0-9._:]*';
const REF = /&(?:[A-Za-z_:][-A-Za-z0-9._:]*|#[0-9]+|#x[0-9A-Fa-f]+);/g;
const TAG = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>$`);
const ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function badReference(text: string): string | undefined {
  const rest = text.replace(REF, (ref) => (ref.startsWith('&#') || ENTITIES.has(ref.slice(1, -1)) ? '' : ref));
  if (rest.includes('&')) return `an undefined or broken entity reference near ${JSON.stringify(rest.slice(rest.indexOf('&'), rest.indexOf('&') + 20))}`;
  for (const m of text.matchAll(/&#(x[0-9A-Fa-f]+|[0-9]+);/g)) {
    const code = m[1]!.startsWith('x') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10);
    if (code > 0x10ffff || NOT_CHAR.test(String.fromCodePoint(code))) return `a character reference to a character XML does not allow: ${m[0]}`;
  }
  return undefined;
}

export function xmlFault(xml: string): string | undefined {
  const bad = NOT_CHAR.exec(xml);
  if (bad) return `the character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at offset ${bad.index}`;
  const open: string[] = [];
  let roots = 0;
  let i = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (text.includes('>') && text.includes(']]>')) return 'a "]]>" in character data';
    if (open.length === 0 && text.trim()) return `text outside the root element: ${JSON.stringify(text.slice(0, 20))}`;
    const ref = badReference(text);
    if (ref) return ref;
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return 'an unclosed comment';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0 || open.length === 0) return 'a misplaced or unclosed CDATA section';
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return 'an unclosed processing instruction';
      i = end + 2;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return 'an unclosed tag';
    const tag = xml.slice(lt, gt + 1);
    const m = TAG.exec(tag);
    if (!m) return `a malformed tag ${JSON.stringify(tag.slice(0, 60))}`;
    const [, close, name, attrs, selfClose] = m;
    const attrRef = badReference(attrs!);
    if (attrRef) return attrRef;
    const names = [...attrs!.matchAll(new RegExp(`(${NAME})\\s*=`, 'g'))].map((a) => a[1]);
    if (new Set(names).size !== names.length) return `a repeated attribute in ${JSON.stringify(tag.slice(0, 60))}`;
    if (close) {
      if (open.pop() !== name) return `</${name}> closes an element it did not open`;
    } else if (!selfClose) {
      if (open.length === 0) roots++;
      open.push(name!);
    } else if (open.length === 0) roots++;
    if (roots > 1) return 'more than one root element';
    i = gt + 1;
  }
  if (open.length) return `<${open.at(-1)}> is never closed`;
  if (roots !== 1) return 'no root element';
  return undefined;
}
