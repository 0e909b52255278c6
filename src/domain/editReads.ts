/**
 * Which columns of the other rows onEdit must read to assess the edited rows exactly as the full check
 * does (assessRowsInRegister), in two steps, so that an edit reads no column it does not need. Pure.
 *
 *  - Every row's «ID», always: the same ID twice is an error, and a new row gets an ID no row has.
 *  - An edited row with an exemption (п. 4): the exemption check reads the other rows' organization,
 *    exemption, link and deletion date (registerWideKeysFor), all in the first step.
 *  - Otherwise the other rows' links and deletion dates matter only when an edited row registers a page
 *    (registeredPageKeys: a readable link, not deleted). None does: the IDs alone. One does: the links
 *    first, then the deletion dates only when another row's link gives one of the edited rows' page
 *    keys. If no other row could give one, the edited rows' findings are decided among themselves
 *    (duplicatePageRows only looks up those keys), whatever the others' deletion dates say.
 */
import { registeredPageKeys } from './registerCheck';
import { assessRow, registerWideKeysFor, type RawRegisterRow, type RegisterContext } from './register';
import { readKeyFields } from './schemas';
import type { ColumnKey } from './types';

export interface RegisterWideReads {
  /** The columns of every row to read first. */
  first: readonly ColumnKey[];
  /**
   * The columns to read besides, given every data row as read with `first` (the edited rows among them
   * are not looked at): empty, or the deletion dates.
   */
  then: (register: ReadonlyArray<RawRegisterRow>) => readonly ColumnKey[];
}

const NOTHING_MORE = (): readonly ColumnKey[] => [];

/** What onEdit reads of the other rows for assessing `edited` (read in full) with assessRowsInRegister. */
export function registerWideReadsFor(
  edited: ReadonlyArray<RawRegisterRow>,
  context: RegisterContext,
): RegisterWideReads {
  const wide = registerWideKeysFor(edited);
  if (wide.includes('exemptionBasis')) return { first: wide, then: NOTHING_MORE };
  // The page keys the edited rows register, read as assessRowsInRegister reads them.
  const wanted = new Set<string>();
  for (const raw of edited) {
    const page = assessRow(raw, context)?.page;
    if (page !== undefined) for (const key of registeredPageKeys(page, context.extraNetworks)) wanted.add(key);
  }
  if (wanted.size === 0) return { first: ['id'], then: NOTHING_MORE };
  const editedRows = new Set(edited.map((raw) => raw.row));
  return {
    first: ['id', 'link'],
    then: (register) => {
      const matches = register.some((raw) => {
        if (editedRows.has(raw.row) || raw.cells.link === undefined) return false;
        // Its keys were it not deleted: only with one of ours can its deletion date matter.
        const { link } = readKeyFields(raw.cells, context);
        return registeredPageKeys({ link, deletedOn: null }, context.extraNetworks).some((key) => wanted.has(key));
      });
      return matches ? ['deletedOn'] : [];
    },
  };
}
