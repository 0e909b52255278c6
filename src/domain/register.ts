/**
 * The register assessed on a given day: each row read and checked (schemas.ts), the findings about
 * the whole register (registerCheck.ts: the same page twice, organizations with no page), the reporting
 * obligations and the «Срок» / «Состояние» of every row (obligations.ts). Pure.
 */
import { readTextCell } from './cellValues';
import { COLUMNS } from './columns';
import { networkList, type NetworkSpec } from './links';
import { assessObligations, rowState, staleStampProblems } from './obligations';
import {
  duplicatePageProblem,
  duplicatePageRows,
  exemptionConflicts,
  organizationKey,
  registeredPageKeys,
  registerFindings,
  rowsOfOrganizations,
  rowsReachingPages,
  type RegisterGap,
} from './registerCheck';
import { outsideDomainProblem } from './outsideDomain';
import { columnProblem, EMPTY_PAGE, readKeyFields, readSheetRow, type SheetRowOptions } from './schemas';
import { hasStatedError } from './statedColumns';
import type { ColumnKey, IsoDate, Problem, RowAssessment, WorkingCalendar } from './types';

export interface RawRegisterRow {
  /** 1-based sheet row. */
  row: number;
  /** Cells of the catalogue columns as getValues returns them; a missing column is undefined. */
  cells: Partial<Record<ColumnKey, unknown>>;
}

export interface RegisterContext {
  today: IsoDate;
  calendar: WorkingCalendar;
  /** The spreadsheet's time zone, in which date cells are read. */
  timeZone: string;
  /** Networks configured in «Настройки» besides ВКонтакте and Одноклассники. */
  extraNetworks?: readonly NetworkSpec[];
  /** The day decree No. 1199 came into force («Настройки»); events before it have no deadline. */
  inForce?: IsoDate;
  /** «Домены для рассылки» (mailDomainsOf): an address outside them gets a warning, and no reminder. */
  mailDomains?: readonly string[];
}

function outsideDomainProblems(page: RowAssessment['page'], context: RegisterContext): Problem[] {
  const problem = outsideDomainProblem(page.responsibleEmail, context.mailDomains);
  return problem === null ? [] : [problem];
}

/**
 * The networks a row may name: the built-in ones, then those configured in «Настройки». The sheet's
 * «Социальная сеть» dropdown shows this list, and the checks accept exactly it.
 */
export function networkNames(extraNetworks: readonly NetworkSpec[] = []): string[] {
  return networkList(extraNetworks).map((network) => network.name);
}

export interface RegisterAssessment {
  /** The rows that hold a page or an exemption (blank rows left out), in sheet order. */
  rows: RowAssessment[];
  gaps: RegisterGap[];
  /** Organizations that would be gaps but for rows in error (registerCheck.ts). */
  undetermined: RegisterGap[];
}

const INPUT_KEYS: readonly ColumnKey[] = COLUMNS.filter((column) => column.role === 'input').map(
  (column) => column.key,
);

function isBlankCell(value: unknown): boolean {
  return value === null || value === undefined || value === false || (typeof value === 'string' && value.trim() === '');
}

/** A row with nothing a person wrote in the catalogue's input columns (an ID or a stale state alone do not count). */
export function isBlankRegisterRow(cells: Partial<Record<ColumnKey, unknown>>): boolean {
  return INPUT_KEYS.every((key) => isBlankCell(cells[key]));
}

function hasError(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** The obligations, «Срок» and «Состояние» of a row already read and reviewed. */
function assessed(
  row: number,
  reading: { page: RowAssessment['page']; problems: Problem[] },
  context: RegisterContext,
): RowAssessment {
  const { events, deadline: computed } = assessObligations(
    reading.page,
    context.calendar,
    context.today,
    context.inForce,
  );
  const stale = staleStampProblems(reading.page);
  const outside = outsideDomainProblems(reading.page, context);
  // The reading's list is the row's own (readSheetRow's, or the review's copy): taken over, not copied.
  const problems =
    stale.length === 0 && outside.length === 0 ? reading.problems : [...reading.problems, ...stale, ...outside];
  // A deadline resting on a cell in error is not asserted («Срок» empty, so never painted overdue), as
  // the letter and the digest do not assert it (statedErrors): one rule for every place that shows it.
  const deadline = hasStatedError({ problems }) ? null : computed;
  const state = rowState({ page: reading.page, events, hasErrors: hasError(problems) });
  return { row, page: reading.page, problems, events, deadline, state };
}

function readRow(raw: RawRegisterRow, context: RegisterContext): ReturnType<typeof readSheetRow> {
  return readSheetRow(raw.cells, rowOptionsOf(context));
}

/** The options every row of a context is read with: made once, not for each of 10,000 rows. */
function rowOptionsOf(context: RegisterContext): SheetRowOptions {
  let options = ROW_OPTIONS.get(context);
  if (options === undefined) {
    options = {
      today: context.today,
      timeZone: context.timeZone,
      ...(context.extraNetworks ? { extraNetworks: context.extraNetworks } : {}),
    };
    ROW_OPTIONS.set(context, options);
  }
  return options;
}

const ROW_OPTIONS = new WeakMap<RegisterContext, SheetRowOptions>();

/**
 * One row on its own (what onEdit can know without reading the rest of the register): its own
 * problems, obligations and state. Null for a blank row.
 */
export function assessRow(raw: RawRegisterRow, context: RegisterContext): RowAssessment | null {
  if (isBlankRegisterRow(raw.cells)) return null;
  return assessed(raw.row, readRow(raw, context), context);
}

/**
 * IDs written twice: every later row gets an error naming the first. Every row of the sheet counts,
 * a blank one too (a row cleared but for its protected ID still holds that ID), so the rule needs only
 * the «ID» column: onEdit applies it from that column alone, exactly as the full check does.
 */
function duplicateIdProblems(ids: ReadonlyArray<{ row: number; id: string | null }>): Map<number, Problem> {
  const firstRowOfId = new Map<string, number>();
  const problems = new Map<number, Problem>();
  for (const { row, id } of ids) {
    if (id === null) continue;
    const first = firstRowOfId.get(id);
    if (first === undefined) firstRowOfId.set(id, row);
    else {
      problems.set(
        row,
        columnProblem(
          'id',
          'error',
          `такой ID уже есть в строке ${first}: очистите ячейку, и надстройка присвоит новый.`,
        ),
      );
    }
  }
  return problems;
}

/** The ID of every row as the row's reading gives it (readTextCell), in sheet order. */
function idsInOrder(
  rawRows: ReadonlyArray<RawRegisterRow>,
  context: RegisterContext,
): Array<{ row: number; id: string | null }> {
  const ids: Array<{ row: number; id: string | null }> = [];
  for (const raw of rawRows) {
    const reading = readTextCell(raw.cells.id, context.timeZone);
    ids.push({ row: raw.row, id: reading.ok ? reading.value : null });
  }
  return ids.sort((a, b) => a.row - b.row);
}

interface Reading {
  row: number;
  page: RowAssessment['page'];
  problems: Problem[];
}

/** Each reading's problems with the register-wide findings added (the same page twice, the same ID twice). */
function withRegisterChecks(
  readings: readonly Reading[],
  ids: ReadonlyArray<{ row: number; id: string | null }>,
  context: RegisterContext,
): { rows: Reading[]; gaps: RegisterGap[]; undetermined: RegisterGap[] } {
  const review = registerFindings(readings, context.extraNetworks ? { extraNetworks: context.extraNetworks } : {});
  const duplicateIds = duplicateIdProblems(ids);
  const rows = readings.map((reading) => {
    const found = review.findings.get(reading.row);
    const duplicate = duplicateIds.get(reading.row);
    // Most rows have no finding: their reading goes on as it is.
    if (found === undefined && duplicate === undefined) return reading;
    const problems = found === undefined ? [...reading.problems] : [...reading.problems, ...found];
    if (duplicate !== undefined) problems.push(duplicate);
    return { row: reading.row, page: reading.page, problems };
  });
  return { rows, gaps: review.gaps, undetermined: review.undetermined };
}

function nonBlankInOrder(rawRows: ReadonlyArray<RawRegisterRow>): RawRegisterRow[] {
  return rawRows.filter((raw) => !isBlankRegisterRow(raw.cells)).sort((a, b) => a.row - b.row);
}

/**
 * Every non-blank row read, checked against the whole register (duplicate pages and IDs), with its
 * obligations, «Срок» and «Состояние» («Ошибки заполнения» when the row has an error), plus the
 * organizations with no active page and no exemption.
 */
export function assessRegister(rawRows: ReadonlyArray<RawRegisterRow>, context: RegisterContext): RegisterAssessment {
  const readings = nonBlankInOrder(rawRows).map((raw): Reading => {
    const { page, problems } = readRow(raw, context);
    return { row: raw.row, page, problems };
  });
  const { rows, gaps, undetermined } = withRegisterChecks(readings, idsInOrder(rawRows, context), context);
  return { rows: rows.map((reading) => assessed(reading.row, reading, context)), gaps, undetermined };
}

/**
 * The cells of every row that the register-wide checks read: the same ID twice, the same page twice, an
 * exemption (п. 4) of an organization that has an active page. All assessRowsInRegister may look at in
 * the other rows; onEdit reads only those an edit needs (editReads.ts).
 */
export const REGISTER_WIDE_KEYS: readonly ColumnKey[] = ['id', 'link', 'deletedOn', 'organization', 'exemptionBasis'];

/** `register` with `rows` in place of the rows of the same numbers (added when beyond it). */
export function withRows<Row extends RawRegisterRow>(register: readonly Row[], rows: readonly Row[]): Row[] {
  const replaced = new Map(rows.map((raw) => [raw.row, raw]));
  const result = register.map((raw) => replaced.get(raw.row) ?? raw);
  const present = new Set(register.map((raw) => raw.row));
  for (const raw of rows) if (!present.has(raw.row)) result.push(raw);
  return result;
}

/**
 * The rows numbered in `wanted`, each assessed exactly as assessRegister assesses it in `register`
 * (every data row of the sheet): its own problems and the register-wide ones. Of the other rows only
 * REGISTER_WIDE_KEYS are looked at (they may be all that was read: onEdit reads just those columns):
 * a row with neither a link nor a deletion date registers no page, and every row's ID counts. What
 * onEdit uses: a row it writes never loses the «такой ID уже есть» or «уже внесена» a full check gives
 * it. Blank rows have no entry. `sharing`, when the caller has it (onEdit's read plan, editReads.ts):
 * the other rows that share a page or an exemption's organization with `wanted`, so that the register
 * is not looked through for them again.
 */
export function assessRowsInRegister(
  register: ReadonlyArray<RawRegisterRow>,
  wanted: ReadonlySet<number>,
  context: RegisterContext,
  sharing?: SharingRows,
): Map<number, RowAssessment> {
  const mine: Reading[] = [];
  for (const raw of register) {
    if (wanted.has(raw.row) && !isBlankRegisterRow(raw.cells)) mine.push({ row: raw.row, ...readRow(raw, context) });
  }
  mine.sort((a, b) => a.row - b.row);
  const findings = findingsAgainstSharingRows(register, mine, context, sharing);
  // The register-wide findings in the order withRegisterChecks adds them: page, exemption, then ID.
  const result = new Map<number, RowAssessment>();
  for (const reading of mine) {
    const problems = [...reading.problems];
    const first = findings.samePage.get(reading.row);
    if (first !== undefined) problems.push(duplicatePageProblem(first));
    const conflict = findings.exemptions.get(reading.row);
    if (conflict !== undefined) problems.push(conflict);
    const duplicate = findings.sameId.get(reading.row);
    if (duplicate !== undefined) problems.push(duplicate);
    result.set(reading.row, assessed(reading.row, { page: reading.page, problems }, context));
  }
  return result;
}

/**
 * The other rows that can share something with some rows: `pages`, rowsReachingPages of their page keys;
 * `organizations`, the rows naming the organization (organizationKey) of one of their exemptions.
 */
export interface SharingRows {
  pages: ReadonlySet<number>;
  organizations: ReadonlySet<number>;
}

/** What the register as a whole says of some rows: the row a page repeats, the exemption's warning, the ID's. */
interface RowFindings {
  samePage: Map<number, number>;
  exemptions: Map<number, Problem>;
  sameId: Map<number, Problem>;
}

/**
 * The findings from the rows that can share something with `mine`: a page (rowsSharingPages), an
 * organization whose exemption and active page conflict (exemptionsOf), an ID (idsSharedWith). Each check
 * decides a row by those rows alone, so the others are not read at all.
 */
function findingsAgainstSharingRows(
  register: ReadonlyArray<RawRegisterRow>,
  mine: readonly Reading[],
  context: RegisterContext,
  sharing: SharingRows | undefined,
): RowFindings {
  const networks = context.extraNetworks ? { extraNetworks: context.extraNetworks } : {};
  return {
    samePage: duplicatePageRows([...mine, ...rowsSharingPages(register, mine, context, sharing?.pages)], networks),
    exemptions: exemptionsOf(register, mine, context, sharing?.organizations),
    sameId: duplicateIdProblems(idsSharedWith(register, mine, context)),
  };
}

/**
 * The exemption warnings of `mine` (exemptionConflicts): a row's warning names the first active page of its
 * organization, so it depends on the rows of that organization alone — `mine` and the others naming one of
 * the organizations of `mine`'s exemptions (or `sharing`, when the caller has found them), each read as
 * readKeyFields reads it. No other row's link is checked (an edit of an exemption row read all 10,000
 * rows' links).
 */
function exemptionsOf(
  register: ReadonlyArray<RawRegisterRow>,
  mine: readonly Reading[],
  context: RegisterContext,
  sharing: ReadonlySet<number> | undefined,
): Map<number, Problem> {
  const organizations = new Set<string>();
  for (const { page } of mine) {
    if (page.exemptionBasis !== null && page.organization !== null)
      organizations.add(organizationKey(page.organization));
  }
  if (organizations.size === 0) return new Map();
  const own = new Set(mine.map((reading) => reading.row));
  const rows = sharing ?? rowsOfOrganizations(register, organizations, own, context);
  const readings: Reading[] = [...mine];
  for (const raw of register) {
    if (!rows.has(raw.row)) continue;
    readings.push({ row: raw.row, page: { ...EMPTY_PAGE, ...readKeyFields(raw.cells, context) }, problems: [] });
  }
  readings.sort((a, b) => a.row - b.row);
  const conflicts = new Map<number, Problem>();
  for (const [row, problem] of exemptionConflicts(readings)) if (own.has(row)) conflicts.set(row, problem);
  return conflicts;
}

/**
 * The other rows that can bear on whether one of `mine` repeats a page (rowsReachingPages of the keys
 * `mine` register, unless the caller gives them as `sharing`), each as readKeyFields reads it.
 */
function rowsSharingPages(
  register: ReadonlyArray<RawRegisterRow>,
  mine: readonly Reading[],
  context: RegisterContext,
  sharing: ReadonlySet<number> | undefined,
): Reading[] {
  const rows =
    sharing ??
    rowsReachingPages(
      register,
      mine.flatMap((reading) => registeredPageKeys(reading.page, context.extraNetworks)),
      new Set(mine.map((reading) => reading.row)),
      context,
    );
  return register
    .filter((raw) => rows.has(raw.row))
    .map((raw) => ({ row: raw.row, page: { ...EMPTY_PAGE, ...readKeyFields(raw.cells, context) }, problems: [] }));
}

/**
 * The IDs (as idsInOrder reads them) of `mine` and of every row holding one of them, in sheet order:
 * all duplicateIdProblems needs for `mine`. A text cell is read only when its trimmed text is one of them.
 */
function idsSharedWith(
  register: ReadonlyArray<RawRegisterRow>,
  mine: readonly Reading[],
  context: RegisterContext,
): Array<{ row: number; id: string | null }> {
  const own = new Set(mine.map((reading) => reading.row));
  const wantedIds = new Set<string>();
  for (const raw of register) {
    if (!own.has(raw.row)) continue;
    const reading = readTextCell(raw.cells.id, context.timeZone);
    if (reading.ok && reading.value !== null) wantedIds.add(reading.value);
  }
  if (wantedIds.size === 0) return [];
  const ids: Array<{ row: number; id: string | null }> = [];
  for (const raw of register) {
    const cell = raw.cells.id;
    if (cell === '' || cell === null || cell === undefined) continue;
    if (typeof cell === 'string' && !wantedIds.has(cell.trim())) continue;
    const reading = readTextCell(cell, context.timeZone);
    if (reading.ok && reading.value !== null && wantedIds.has(reading.value))
      ids.push({ row: raw.row, id: reading.value });
  }
  return ids.sort((a, b) => a.row - b.row);
}
