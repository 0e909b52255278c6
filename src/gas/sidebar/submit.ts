/**
 * The sidebar's save: sidebarSubmit checks the form again (the client is never trusted), then under the
 * script lock adds or updates the page's row. What the cells become is worked out by the pure
 * src/domain/pageForm.ts; the request memory is src/gas/sidebar/requestMemory.ts.
 */
import { readTextCell } from '../../domain/cellValues';
import { COLUMNS } from '../../domain/columns';
import { LINK_ERASED, linkAsSaved } from '../../domain/linkInput';
import {
  FORM_KEYS,
  cellText,
  duplicateOf,
  enteredDates,
  formOfCells,
  keepText,
  missingColumnsMessage,
  readSubmittedInput,
  sameCell,
  sameInput,
} from '../../domain/pageForm';
import { assessRow, assessRowsInRegister, withRows, type RegisterContext } from '../../domain/register';
import { DEPT_REPORT_STAMPS, deptReportStamps, unreportedDates } from '../../domain/reportStamps';
import { duplicatePageProblem } from '../../domain/registerCheck';
import { validatePageInput, type SheetCells } from '../../domain/schemas';
import type { ColumnKey, IsoDate, Page, PageInput, Problem } from '../../domain/types';
import type { FoundPage, SidebarSubmitResult, SubmitFailure, SubmitSuccess } from '../../shared/sidebar';
import { refreshNotes } from '../sheets/cellNotes';
import { lookUpContext, type ContextLookup } from '../platform/contextCache';
import { readDayContext, readRegister } from '../sheets/registerRead';
import { newPageId } from '../platform/ids';
import { withScriptLock } from '../platform/lock';
import { REGISTER_NOT_FOUND, missingColumns, type RawRow, type RegisterTable } from '../sheets/registerSheet';
import { writeColumns, type RowUpdate } from '../sheets/registerWrite';
import { foundPage } from './read';
import { recallSubmit, rememberSubmit } from './requestMemory';

const REQUEST_ID = /^[A-Za-z0-9_-]{8,100}$/;

function failure(message: string, problems: Problem[] = [], duplicate: FoundPage | null = null): SubmitFailure {
  return { ok: false, message, problems, duplicate };
}

/**
 * Writes a page from the sidebar: checks it again (the client is never trusted), refuses a link
 * already registered, then under the script lock adds a row or updates the row holding the page's ID,
 * stamps «Сообщено в отдел (…)» for a newly entered or not yet reported creation or deletion, and recomputes «Срок» and
 * «Состояние». An update writes only the fields the person changed: `original` is what the form was
 * given for the row (the page as found, or as the last save returned it); without it, what the form would
 * be given now. So a cell the form could not show («удалена в марте» in a date column) or one someone
 * else changed meanwhile stays as it is. The same requestId twice writes once.
 */
export function sidebarSubmit(input: PageInput, requestId: string, original?: PageInput | null): SidebarSubmitResult {
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    return failure('Форма передала неверный номер запроса. Закройте панель, откройте её снова из меню и повторите.');
  }
  const shaped = readSubmittedInput(input);
  if (!shaped.ok) return failure('Форма передала неверные данные. Проверьте поля и повторите.', shaped.problems);
  const given = original === undefined || original === null ? null : readSubmittedInput(original);
  const startedFrom = given !== null && given.ok && given.input.id === shaped.input.id ? given.input : null;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lookup = lookUpContext(); // one cache read for the context and the register
  const context = readDayContext(spreadsheet, lookup).register;
  const checked = validatePageInput(shaped.input, context);
  if (!checked.ok) {
    const count = checked.problems.filter((problem) => problem.severity === 'error').length;
    return failure(`Не сохранено: ошибок в форме — ${count}. Исправьте поля, отмеченные красным.`, checked.problems);
  }
  // Nothing follows the write but the answer: the lock goes when the script ends (no releasing call).
  const locked = withScriptLock(
    () =>
      submitLocked(spreadsheet, { input: shaped.input, page: checked.page, startedFrom }, requestId, context, lookup),
    { keepUntilExit: true },
  );
  return locked.ok ? locked.value : failure(locked.message);
}

interface Submitted {
  input: PageInput;
  /** The input read and checked. */
  page: Page;
  /** What the form was given for this row, when it said so. */
  startedFrom: PageInput | null;
}

function submitLocked(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  submitted: Submitted,
  requestId: string,
  context: RegisterContext,
  lookup: ContextLookup,
): SidebarSubmitResult {
  const { input, page } = submitted;
  const read = readRegister(spreadsheet, lookup);
  if (read === null) return failure(REGISTER_NOT_FOUND);
  const { table, rows } = read;
  const missing = missingColumns(table);
  if (missing.length > 0) return failure(missingColumnsMessage(missing));
  const byId = (id: string): RawRow | undefined => rows.find((raw) => cellText(raw.cells.id) === id);
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperties(); // the request memory in one read

  const remembered = recallSubmit(stored, requestId);
  const repeat = remembered === null ? undefined : byId(remembered.id);
  if (remembered !== null && repeat !== undefined) {
    return success(table, repeat.row, repeat.cells, {
      created: remembered.created,
      repeated: true,
      context,
      reported: [],
    });
  }

  const id = input.id.trim();
  const target = id === '' ? undefined : byId(id);
  if (id !== '' && target === undefined) {
    return failure(
      `Страница с ID ${id} не найдена в реестре: возможно, её строку удалили. ` +
        'Найдите страницу заново или очистите форму и добавьте её как новую.',
    );
  }

  // The fields this submit writes: every one for a new page; for an existing one, those the person changed.
  const given =
    target === undefined ? null : (submitted.startedFrom ?? formOfCells(target.cells, table.timeZone).input);
  const changed = FORM_KEYS.filter((key) => key !== 'id' && (given === null || !sameInput(input[key], given[key])));
  const values: RowUpdate['values'] = {};
  if (target === undefined) {
    for (const column of COLUMNS) values[column.key] = null;
    values.id = newPageId(new Set(rows.map((raw) => cellText(raw.cells.id))));
  }
  for (const key of changed) values[key] = page[key];
  // A link the person typed without https:// is saved with it (the form says so).
  if (changed.includes('link') && page.link !== null) values.link = linkAsSaved(page.link);
  const before = target?.cells ?? {};
  if (target !== undefined && changed.includes('link') && page.link === null && cellText(before.link) !== '') {
    return failure(LINK_ERASED, [{ column: 'link', severity: 'error', message: LINK_ERASED }]);
  }
  const row = target?.row ?? Math.max(table.lastRow, table.headerRow) + 1;
  // The row as it will read: the cells kept, the fields written.
  const entered = assessRow({ row, cells: { ...before, ...values } }, context);
  const after = entered?.page ?? page;

  const duplicate = duplicateOf(rows, after, target, {
    timeZone: table.timeZone,
    extraNetworks: context.extraNetworks ?? [],
  });
  if (duplicate !== undefined) {
    const other = foundPage(duplicate, table.timeZone);
    const organization = other.input.organization ? ` (${other.input.organization})` : '';
    return failure(
      `Эта страница уже есть в реестре: строка ${other.row}${organization}. Откройте её и измените вместо новой записи.`,
      [duplicatePageProblem(other.row)],
      other,
    );
  }

  const stamps = deptReportStamps({
    // Saving the page is the department's report (п. 3.2.2): of a date just entered, and of one not yet reported.
    entered: new Set([
      ...enteredDates(before, after, new Set(changed), context.timeZone),
      ...unreportedDates(entered?.events ?? []),
    ]),
    page: after,
    problems: entered?.problems ?? [],
    stampIsEmpty: (stamp) => {
      const stamped = readTextCell(before[stamp], context.timeZone);
      return stamped.ok && stamped.value === null;
    },
    today: context.today,
  });
  Object.assign(values, stamps);
  const reported = DEPT_REPORT_STAMPS.filter(({ stamp }) => stamps[stamp] !== undefined).map(({ field }) => ({
    kind: field === 'createdOn' ? ('creation' as const) : ('deletion' as const),
    date: after[field] as IsoDate,
  }));
  const cells: SheetCells = { ...before, ...values };
  const assessment = assessRow({ row, cells }, context);
  values.deadline = assessment?.deadline ?? null;
  values.state = assessment?.state ?? '';
  // Of those, only the cells that change: the others (a formula a person put there, say) stay.
  if (target !== undefined) {
    for (const key of Object.keys(values) as ColumnKey[]) {
      if (sameCell(key, target.cells[key], values[key], table.timeZone)) delete values[key];
    }
  }
  for (const key of Object.keys(values) as ColumnKey[]) values[key] = keepText(key, values[key]);
  if (target === undefined && row > (table.maxRows ?? table.sheet.getMaxRows()))
    table.sheet.insertRowsAfter(row - 1, 1);
  writeColumns(table, [{ row, values }]);
  const written = { ...cells, deadline: assessment?.deadline ?? null, state: assessment?.state ?? '' };
  const created = target === undefined;
  // Nothing of the page itself written (at most «Срок» and «Состояние» recomputed): the result says so.
  const unchanged = !created && Object.keys(values).every((key) => key === 'deadline' || key === 'state');
  rememberSubmit(properties, stored, requestId, { id: cellText(values.id ?? id), created });
  // A script's own writes fire no onEdit: the row's notes are brought in line here, with the findings
  // against the rest of the register (an exemption beside an active page), as a full check writes them.
  // Else a cell fixed here kept its «Ошибка» note until the next check.
  const inRegister = assessRowsInRegister(
    withRows(rows, [{ row, cells: written, values: [] }]),
    new Set([row]),
    context,
  );
  try {
    refreshNotes(table, row, [inRegister.get(row) ?? null]);
  } catch {
    // The row is saved and remembered; its notes follow at the next check (the answer must not say it failed).
  }
  return success(table, row, written, { created, repeated: false, context, reported, unchanged });
}

/** The answer to a carried-out submit: the row as it stands now, its deadlines and remaining warnings. */
function success(
  table: RegisterTable,
  row: number,
  cells: SheetCells,
  options: {
    created: boolean;
    repeated: boolean;
    context: RegisterContext;
    reported: SubmitSuccess['reported'];
    unchanged?: boolean;
  },
): SubmitSuccess {
  const assessment = assessRow({ row, cells }, options.context);
  const page = foundPage({ row, cells, values: [] }, table.timeZone);
  const deadline = assessment?.deadline ?? null;
  const state = assessment?.state ?? '';
  return {
    ok: true,
    created: options.created,
    row,
    id: page.id,
    deadline,
    state,
    events: assessment?.events ?? [],
    warnings: (assessment?.problems ?? []).filter((problem) => problem.severity === 'warning'),
    page: { ...page, state, deadline },
    repeated: options.repeated,
    reported: options.reported,
    today: options.context.today,
    unchanged: options.unchanged ?? false,
  };
}
