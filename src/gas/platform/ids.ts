/**
 * Page IDs: «P-» and 8 characters of Crockford's base 32 (no I, L, O, U): 40 random bits from
 * Math.random (no service call, so giving 1,000 rows an ID costs nothing). Random rather than sequential so that two people adding rows at the same moment
 * (two onEdit runs that cannot see each other) never get the same ID, and no counter has to be read:
 * with 1,000 pages the chance that a new ID repeats one is below one in a billion. The check and setup
 * still catch a duplicate (a row copied with its ID); setup gives the later copy a new ID.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const ID_PATTERN = /^P-[0-9A-HJKMNP-TV-Z]{8}$/;

/** An ID from 10 hex digits (40 bits). */
export function pageIdFromHex(hex: string): string {
  const digits = hex.replace(/[^0-9a-f]/gi, '').slice(0, 10);
  if (digits.length < 10) throw new Error(`Not enough hex digits for an ID: ${hex}`);
  // 40 bits fit a double exactly.
  let value = parseInt(digits, 16);
  let text = '';
  for (let index = 0; index < 8; index += 1) {
    text = ALPHABET.charAt(value % 32) + text;
    value = Math.floor(value / 32);
  }
  return `P-${text}`;
}

/** A new ID, different from every one in `taken`. `random` is Math.random unless a test passes its own. */
export function newPageId(taken: ReadonlySet<string> = new Set(), random: () => number = Math.random): string {
  for (;;) {
    let hex = '';
    for (let index = 0; index < 10; index += 1) hex += Math.floor(random() * 16).toString(16);
    const id = pageIdFromHex(hex);
    if (!taken.has(id)) return id;
  }
}
