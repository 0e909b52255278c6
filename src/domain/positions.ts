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
import { TextMemo } from './memo';

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
  return (
    position
      .toLowerCase()
      .replace(/ё/g, 'е')
      .replace(/[.,;:/()«»"—–]|\s-\s/g, ' ')
      // One-word forms: «замглавы», «замдиректора по ВР», «врио» stays, «заместитель» stays.
      .replace(/(^| )зам(?!ести)(?=[а-я])/g, '$1зам ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export function isHeadOrDeputy(position: string): boolean {
  let rest = normalizePosition(position);
  for (let match = PREFIX.exec(rest); match !== null; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return HEAD.test(rest);
}

// ---------------------------------------------------------------------------------------------
// The head of THAT organization, judged by its kind (п. 3.2.1.2; for the administration п. 2.2).

/** Head titles by kind of organization, nominative or (after a prefix) genitive; the head word comes first. */
const HEADS_BY_KIND: Readonly<Record<string, { pattern: RegExp; names: string }>> = {
  'Администрация округа': {
    pattern: /^глав[аы](?: |$)/,
    names: 'глава округа, первый заместитель или заместитель главы администрации (п. 2.2)',
  },
  'Структурное подразделение': {
    pattern: /^(?:начальни(?:к|ка|ца|цы)|руководител[ья]|председател[ья])(?: |$)/,
    names: 'начальник (руководитель, председатель) подразделения или его заместитель',
  },
  'Подведомственная организация': {
    pattern: /^(?:(?:генеральн(?:ый|ого) )?директора?|заведующ(?:ий|ая|его|ей)|главн(?:ый|ого) врача?|ректора?)(?: |$)/,
    names: 'директор (заведующий, главный врач, ректор, генеральный директор) организации или его заместитель',
  },
};

/** Words (their beginnings) naming a part of an organization: its head is not the organization's head. */
const PART_WORDS: readonly string[] = [
  'хозяйств',
  'кружк',
  'кружок',
  'секци',
  'смен',
  'профком',
  'профсоюз',
  'сектор',
  'групп',
  'склад',
  'гараж',
  'столов',
  'участк',
  'цех',
  'лаборатор',
  'кафедр',
  'части',
  'частью',
  'методическ',
  'канцеляр',
];
/** In a subordinate organization (a school, a hospital) its отдел, отделение or служба is a part too. */
const SUBORDINATE_PART_WORDS: readonly string[] = ['отдел', 'служб', 'кадр', 'бухгалтер', 'библиотек'];

const ORG_KIND_WORDS: Readonly<Record<string, string>> = {
  'Администрация округа': 'администрации округа',
  'Структурное подразделение': 'структурного подразделения',
  'Подведомственная организация': 'подведомственной организации',
};

/**
 * Why the position does not read as the head or a deputy head of an organization of this kind (a
 * warning's text, to follow «Должность ответственного»: «…» —), or null when it does. `orgKind` null or
 * unknown: any head title counts. A heuristic: the warning names its reason and the person decides.
 */
export function responsiblePositionWarning(position: string, orgKind: string | null): string | null {
  // A register repeats a few dozen positions thousands of times: each pair is read once per run.
  return WARNINGS.get(`${orgKind ?? ''}\u0000${position}`);
}

/** By «kind\u0000position» (an empty kind: none). */
const WARNINGS = new TextMemo((key) => {
  const at = key.indexOf('\u0000');
  return positionWarningOnce(key.slice(at + 1), at === 0 ? null : key.slice(0, at));
}, 10_000);

function positionWarningOnce(position: string, orgKind: string | null): string | null {
  let rest = normalizePosition(position);
  for (let match = PREFIX.exec(rest); match !== null; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  const rule = orgKind === null ? undefined : HEADS_BY_KIND[orgKind];
  const expected =
    rule === undefined
      ? 'руководитель организации или его заместитель'
      : `для ${ORG_KIND_WORDS[orgKind ?? ''] ?? 'организации'} — ${rule.names}`;
  const duty = `Ответственный — не ниже заместителя руководителя (п. 3.2.1.2): ${expected}. Проверьте должность.`;
  const head = Object.values(HEADS_BY_KIND)
    .map((one) => one.pattern.exec(rest))
    .find((match) => match !== null);
  if (head !== undefined && head !== null) {
    const complement = rest.slice(head[0].length).split(' ');
    const parts = orgKind === 'Подведомственная организация' ? [...PART_WORDS, ...SUBORDINATE_PART_WORDS] : PART_WORDS;
    const part = complement.find((word) => parts.some((stem) => word.startsWith(stem)));
    if (part !== undefined) return `руководит частью организации («${part}»), а не самой организацией. ${duty}`;
  }
  if (rule === undefined ? head === undefined || head === null : !rule.pattern.test(rest)) {
    const whose = rule === undefined ? '' : ` ${ORG_KIND_WORDS[orgKind ?? ''] ?? ''}`;
    return `не читается как должность руководителя или заместителя руководителя${whose}. ${duty}`;
  }
  return null;
}
