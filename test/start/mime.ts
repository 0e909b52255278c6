/**
 * A small, strict reader of MIME messages for the tests: written from RFC 5322 / 2045–2047 / 2231
 * independently of dev/eml.ts, so that a test reading back what the writer wrote checks the format and
 * not the writer against itself. Throws on anything malformed (bad line ends, a missing closing
 * boundary, invalid UTF-8, long lines).
 */

export interface MimeEntity {
  /** Header names lower-cased, values unfolded (not decoded). */
  headers: Map<string, string>;
  contentType: { type: string; params: Record<string, string> };
  /** Raw body text (between the blank line and the end / the next boundary). */
  rawBody: string;
  /** Sub-parts of a multipart entity. */
  parts: MimeEntity[];
}

export function splitHeaders(raw: string): { headerText: string; body: string } {
  const at = raw.indexOf('\r\n\r\n');
  if (at === -1) throw new Error('no blank line after the headers');
  return { headerText: raw.slice(0, at), body: raw.slice(at + 4) };
}

function parseHeaders(text: string): Map<string, string> {
  const headers = new Map<string, string>();
  let current: string | null = null;
  for (const line of text.split('\r\n')) {
    if (/^[ \t]/.test(line)) {
      if (current === null) throw new Error(`continuation line without a header: ${line}`);
      headers.set(current, `${headers.get(current) ?? ''}${line}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${line}`);
    current = line.slice(0, colon).trim().toLowerCase();
    if (headers.has(current)) throw new Error(`header twice: ${current}`);
    headers.set(current, line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * Content-Type or Content-Disposition: the value and its parameters, with RFC 2231 extended values
 * ('name*=UTF-8\'\'…') and continuations ('name*0*=…; name*1*=…') joined and decoded.
 */
export function parseParameterized(value: string): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = value.split(';');
  const params: Record<string, string> = {};
  const sections = new Map<string, Array<{ index: number; extended: boolean; text: string }>>();
  for (const piece of rest) {
    const match = /^\s*([A-Za-z0-9_-]+)(?:\*(\d+))?(\*?)=(?:"((?:[^"\\]|\\.)*)"|([^\s;"]*))\s*$/.exec(piece);
    if (!match) throw new Error(`bad parameter: ${piece}`);
    const [, rawName = '', section, star, quoted, token] = match;
    const name = rawName.toLowerCase();
    const text = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (token ?? '');
    const list = sections.get(name) ?? [];
    list.push({ index: section === undefined ? 0 : Number(section), extended: star === '*', text });
    sections.set(name, list);
  }
  for (const [name, list] of sections) {
    list.sort((a, b) => a.index - b.index);
    list.forEach((section, position) => {
      if (section.index !== position) throw new Error(`parameter ${name}: section ${position} missing`);
    });
    const bytes: number[] = [];
    list.forEach((section, position) => {
      let text = section.text;
      if (section.extended && position === 0) {
        const extended = /^([^']*)'[^']*'(.*)$/.exec(text);
        if (!extended || (extended[1] ?? '').toUpperCase() !== 'UTF-8') throw new Error(`bad RFC 2231 value: ${text}`);
        text = extended[2] ?? '';
      }
      if (section.extended) {
        for (let at = 0; at < text.length; at += 1) {
          if (text[at] === '%') {
            bytes.push(parseInt(text.slice(at + 1, at + 3), 16));
            at += 2;
          } else bytes.push(text.charCodeAt(at));
        }
      } else bytes.push(...Buffer.from(text, 'utf8'));
    });
    params[name] = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  }
  return { type: type.trim().toLowerCase(), params };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** RFC 2047: decodes =?UTF-8?B?…?= and =?UTF-8?Q?…?= words; white space between two words is dropped. */
export function decodeHeader(value: string): string {
  const words = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let result = '';
  let last = 0;
  let previousWasWord = false;
  for (let match = words.exec(value); match !== null; match = words.exec(value)) {
    const between = value.slice(last, match.index);
    if (!(previousWasWord && /^\s*$/.test(between))) result += between;
    const [whole, charset = '', encoding = '', text = ''] = match;
    if (whole.length > 75) throw new Error(`encoded word longer than 75 characters: ${whole}`);
    if (charset.toUpperCase() !== 'UTF-8') throw new Error(`unexpected charset ${charset}`);
    const bytes =
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          );
    result += utf8.decode(bytes);
    last = match.index + whole.length;
    previousWasWord = true;
  }
  return result + value.slice(last);
}

export function parseEntity(raw: string): MimeEntity {
  const { headerText, body } = splitHeaders(raw);
  const headers = parseHeaders(headerText);
  const contentType = parseParameterized(headers.get('content-type') ?? 'text/plain; charset=us-ascii');
  const parts: MimeEntity[] = [];
  if (contentType.type.startsWith('multipart/')) {
    const boundary = contentType.params.boundary;
    if (!boundary) throw new Error('multipart without a boundary');
    const delimiter = `\r\n--${boundary}`;
    const text = `\r\n${body}`;
    const close = text.indexOf(`${delimiter}--`);
    if (close === -1) throw new Error(`no closing boundary --${boundary}--`);
    const pieces = text.slice(0, close).split(delimiter);
    // pieces[0] is the preamble; each other piece starts with the CRLF that ends its boundary line.
    for (const piece of pieces.slice(1)) {
      if (!piece.startsWith('\r\n')) throw new Error('boundary line not followed by CRLF');
      parts.push(parseEntity(piece.slice(2)));
    }
  }
  return { headers, contentType, rawBody: body, parts };
}

/** The body bytes after the Content-Transfer-Encoding. */
export function bodyBytes(entity: MimeEntity): Buffer {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') {
    const compact = entity.rawBody.replace(/\r\n/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new Error('invalid base64 body');
    return Buffer.from(compact, 'base64');
  }
  if (encoding === 'quoted-printable') {
    const text = entity.rawBody.replace(/=\r\n/g, '');
    const bytes: number[] = [];
    for (let index = 0; index < text.length; index += 1) {
      const character = text[index] ?? '';
      if (character === '=') {
        const hex = text.slice(index + 1, index + 3);
        if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`bad quoted-printable escape =${hex}`);
        bytes.push(parseInt(hex, 16));
        index += 2;
      } else {
        const code = character.charCodeAt(0);
        if (code > 126) throw new Error('8-bit character in a quoted-printable body');
        bytes.push(code);
      }
    }
    return Buffer.from(bytes);
  }
  return Buffer.from(entity.rawBody, 'latin1');
}

/** The body as text, decoded as strict UTF-8. */
export function bodyText(entity: MimeEntity): string {
  return utf8.decode(bodyBytes(entity));
}

/** Every leaf part, depth first. */
export function leaves(entity: MimeEntity): MimeEntity[] {
  return entity.parts.length === 0 ? [entity] : entity.parts.flatMap(leaves);
}

/** Checks what every message must satisfy on the wire: CRLF only, ASCII only, lines of ≤ 78 characters. */
export function wireProblems(raw: string): string[] {
  const problems: string[] = [];
  if (/\r(?!\n)|(?<!\r)\n/.test(raw)) problems.push('a line ends without CRLF');
  // eslint-disable-next-line no-control-regex -- the whole 7-bit range is the point
  if (/[^\x00-\x7f]/.test(raw)) problems.push('non-ASCII characters on the wire');
  raw.split('\r\n').forEach((line, index) => {
    if (line.length > 78) problems.push(`line ${index + 1} has ${line.length} characters`);
  });
  return problems;
}
