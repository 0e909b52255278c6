/**
 * Does a position read as head or deputy head level (decree No. 1199, п. 3.2.1.2: the responsible
 * person is "not lower than deputy head")? A heuristic for a warning, never for an error.
 *
 * The text is read from its start: optional prefixes (первый, заместитель / зам., и.о. /
 * исполняющий обязанности / врио), then a head title (начальник, руководитель, директор,
 * заведующий, глава, председатель, управляющий делами, главный врач, главный редактор) in the
 * nominative or, after a prefix, the genitive case. Decisions:
 * - an acting head (и.о. начальника) counts: he or she holds the head's powers;
 * - the head word must come first, so «помощник главы», «советник директора» or «заместитель
 *   главного бухгалтера» do not count;
 * - «глава» is a whole word, so «главный специалист» does not count.
 */

const PREFIX = new RegExp(
  '^(?:' +
    [
      'первый',
      'первая',
      'первого',
      '1-й',
      '1-ый',
      'заместитель',
      'заместителя',
      'зам',
      'временно',
      'врио',
      'вр и о',
      'и о',
      'ио',
      'исполняющий обязанности',
      'исполняющая обязанности',
      'исп обязанности',
    ].join('|') +
    ')(?: |$)',
);

const HEAD = new RegExp(
  '^(?:' +
    [
      'начальни(?:к|ка|ца|цы)',
      'руководител[ья]',
      '(?:(?:генеральн|исполнительн)(?:ый|ого) )?директора?',
      'заведующ(?:ий|ая|его|ей)',
      'глав[аы]',
      'председател[ья]',
      'управляющ(?:ий|ая|его|ей) делами',
      'главн(?:ый|ого) (?:врач|редактор)а?',
    ].join('|') +
    ')(?: |$)',
);

/** Lowercase, ё→е, dots, commas, slashes and dashes as spaces, spaces collapsed. */
function normalizePosition(position: string): string {
  return position
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[.,;:/()«»"—–]|\s-\s/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isHeadOrDeputy(position: string): boolean {
  let rest = normalizePosition(position);
  for (let match = PREFIX.exec(rest); match !== null; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return HEAD.test(rest);
}
