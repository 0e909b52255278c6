/**
 * The benchmark's operations on the built bundle in the offline runtime, in the order a day of use
 * brings them: the coordinator sets the register up and checks it, a clerk edits one cell and pastes
 * fifty rows, another adds a page through the sidebar, the daily trigger fires, the coordinator previews
 * and sends the ЦУР summary. Each operation is measured on its own: service calls by method, cells
 * moved, and Node time. Used by `npm run bench` (bench/run.ts) and by the CI budgets (test/bench/).
 */
import { performance } from 'node:perf_hooks';
import type { CallSnapshot } from '../dev/fakes/callCounter';
import { createRuntime, type Runtime } from '../dev/runtime';
import { COLUMN_BY_KEY, SHEET_NAMES } from '../src/domain/columns';
import type { ColumnKey, PageInput } from '../src/domain/types';
import { emptyInput } from '../src/ui/form/model';
import { cellVolume, installCellVolume, resetCellVolume } from './cellVolume';
import { BENCH_CLERK, BENCH_COORDINATOR, BENCH_OWNER, BENCH_TODAY, moscowDay, type BenchRegister } from './generate';
import { naiveCheck } from './naive';
import { pureCheckMs, pureEditMs, snapshotBook } from './pure';
import type { BookSnapshot } from './pureOps';

export const OPERATIONS = [
  'setup',
  'check',
  'editCell',
  'editLink',
  'editSamePage',
  'editExemption',
  'paste50',
  'sidebarSubmit',
  'dailyCheck',
  'summaryPreview',
  'summarySend',
  'dailyCheckNextDay',
  'editCold',
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const OPERATION_LABELS: Readonly<Record<Operation | 'naiveCheck', string>> = {
  setup: 'setup (menuSetup)',
  check: 'full check (menuCheckRegister)',
  editCell: 'onEdit, one cell',
  editLink: 'onEdit, one cell: a link to a new page',
  editSamePage: 'onEdit, one cell: a link to a page registered',
  editExemption: 'onEdit, one cell: an exemption of an organization with other rows',
  paste50: 'onEdit, paste of 50 rows',
  sidebarSubmit: 'sidebarSubmit (new page)',
  dailyCheck: 'daily check (dailyCheck)',
  dailyCheckNextDay: 'daily check, next morning (context cache expired)',
  editCold: 'onEdit, one cell, context cache expired (a link to a new page)',
  summaryPreview: 'ЦУР preview (menuTsurSummary)',
  summarySend: 'ЦУР send (summarySend)',
  naiveCheck: 'naive full check (getValue per cell)',
};

/** The working day after BENCH_TODAY (Tuesday 01.12.2026): Wednesday. */
const NEXT_DAY = '2026-12-02';

/**
 * The single-cell edits, each reading other columns of the other rows (domain/editReads.ts): a valid link
 * made invalid (the row registers no page: the IDs alone; «Состояние», a note and the toast written), a
 * valid link changed to a new page's (the IDs and links), to a page an earlier row registers (the
 * IDs, links and deletion dates; the row in error: «Состояние», a note and the toast), and an exemption's
 * basis retyped in a row whose organization other rows name (the IDs and organizations of every row,
 * then their links, deletion dates and exemptions: the most cells).
 */
export const SINGLE_CELL_EDITS = ['editCell', 'editLink', 'editSamePage', 'editExemption'] as const;

/** Operations that run as a simple trigger (30 s limit): every onEdit. */
export const SIMPLE_TRIGGER_OPERATIONS: ReadonlySet<string> = new Set([...SINGLE_CELL_EDITS, 'paste50', 'editCold']);

export interface Measurement {
  calls: CallSnapshot;
  /** Cells read and written (values, formulas, notes, validations: bench/cellVolume.ts). */
  cellsRead: number;
  cellsWritten: number;
  /** The operation in the offline runtime: src/ plus the fakes' work. */
  nodeMs: number;
  /**
   * src/ alone on in-memory sheets (bench/pure.ts), for the operations measured so: the JavaScript
   * thread's CPU ms (pureMs), and the whole process's (pureAllThreadsMs, V8's helper threads included).
   */
  pureMs?: number;
  pureAllThreadsMs?: number;
}

export type RunMeasurements = Record<Operation, Measurement> & { naiveCheck?: Measurement };

/** Runs `fn` as one measured operation. */
export function measured<T>(rt: Runtime, fn: () => T): { result: T; measurement: Measurement } {
  installCellVolume();
  resetCellVolume();
  const start = performance.now();
  const { result, calls } = rt.measure(fn);
  const nodeMs = performance.now() - start;
  return { result, measurement: { calls, ...cellVolume(), nodeMs } };
}

/** A runtime holding the generated register and «Настройки», with the bundle loaded. */
export function benchRuntime(register: BenchRegister, options: { mailQuota?: number } = {}): Runtime {
  const rt = createRuntime({
    owner: BENCH_OWNER,
    user: BENCH_OWNER,
    editors: [BENCH_COORDINATOR, BENCH_CLERK],
    now: new Date(`${BENCH_TODAY}T10:00:00+03:00`),
    mailQuota: options.mailQuota ?? 1500,
  });
  rt.quietly(() => {
    const book = rt.spreadsheet;
    const sheet = book.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.setName(SHEET_NAMES.register);
    const rows = register.values.length;
    const width = (register.values[0] as unknown[]).length;
    // Room below the data, as a sheet people keep has.
    const wanted = rows + 200;
    if (sheet.getMaxRows() < wanted) sheet.insertRowsAfter(sheet.getMaxRows(), wanted - sheet.getMaxRows());
    sheet.getRange(1, 1, rows, width).setValues(register.values);
    const settings = book.insertSheet(SHEET_NAMES.settings);
    settings.getRange(1, 1, register.settings.length, 3).setValues(register.settings);
  });
  rt.loadBundle();
  return rt;
}

/** The register's header → column number, read without counting. */
export function headerColumns(rt: Runtime): Record<string, number> {
  return rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(SHEET_NAMES.register);
    if (sheet === null) throw new Error('no register');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
    return Object.fromEntries(header.map((title, index) => [String(title), index + 1]));
  });
}

/** The column of a catalogue key in the bench's sheet (alias or canonical header). */
function columnOf(columns: Record<string, number>, key: ColumnKey): number {
  const spec = COLUMN_BY_KEY[key];
  for (const name of [spec.header, ...spec.aliases]) {
    const column = columns[name];
    if (column !== undefined) return column;
  }
  throw new Error(`no column for ${key}`);
}

function lastRow(rt: Runtime): number {
  return rt.quietly(() => rt.spreadsheet.getSheetByName(SHEET_NAMES.register)?.getLastRow() ?? 0);
}

/** `google.script.run` from a dialog or sidebar opened by `user`. */
export function scriptRunAs(rt: Runtime, user: string, name: string, ...args: unknown[]): unknown {
  const previous = rt.ctx.defaultUser;
  rt.ctx.defaultUser = user;
  try {
    return rt.scriptRun(name, ...args);
  } finally {
    rt.ctx.defaultUser = previous;
  }
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function expectAlertFree(rt: Runtime, operation: string, before: number): void {
  const alerts = rt.ui.alerts.slice(before);
  // The generated «Настройки» is there before the first setup: the owner is asked to confirm it (issue 11).
  const bad = alerts.filter(
    (alert) => !/^Готово|^Лист «Настройки» уже был в таблице до первой настройки/.test(alert.prompt),
  );
  if (bad.length > 0) throw new Error(`${operation}: ${bad.map((alert) => alert.prompt).join(' | ')}`);
}

/**
 * The first `count` rows from `from` on that hold an active ВКонтакте page read without error (a link, no
 * deletion date, no exemption, «Состояние» not «Ошибки заполнения»), as setup and the check left them.
 */
function validPageRows(rt: Runtime, columns: Record<string, number>, from: number, count: number): number[] {
  const values = rt.quietly(() => {
    const sheet = rt.spreadsheet.getSheetByName(SHEET_NAMES.register) as GoogleAppsScript.Spreadsheet.Sheet;
    return sheet.getRange(1, 1, sheet.getLastRow(), Object.keys(columns).length).getValues();
  });
  const at = (row: unknown[], key: ColumnKey): unknown => row[columnOf(columns, key) - 1];
  const found: number[] = [];
  for (let index = from - 1; index < values.length && found.length < count; index++) {
    const row = values[index] as unknown[];
    if (at(row, 'network') !== 'ВКонтакте' || at(row, 'link') === '' || at(row, 'deletedOn') !== '') continue;
    if (at(row, 'exemptionBasis') !== '') continue;
    if (at(row, 'state') === 'Ошибки заполнения') continue;
    found.push(index + 1);
  }
  if (found.length < count) throw new Error(`fewer than ${count} valid page rows from row ${from}`);
  return found;
}

/**
 * The last row with an exemption whose organization some other row names too. The generated registers
 * have such rows from 1,000 rows up; a smaller one gets one: the row above is given the same organization.
 */
function exemptionRowWithSiblings(rt: Runtime, columns: Record<string, number>): number {
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName(SHEET_NAMES.register)!);
  const values = rt.quietly(() => sheet.getRange(1, 1, sheet.getLastRow(), Object.keys(columns).length).getValues());
  const at = (row: unknown[], key: ColumnKey): unknown => row[columnOf(columns, key) - 1];
  const named = new Map<unknown, number>();
  for (const row of values.slice(1)) named.set(at(row, 'organization'), (named.get(at(row, 'organization')) ?? 0) + 1);
  let last = -1;
  for (let index = values.length - 1; index > 1; index--) {
    const row = values[index] as unknown[];
    if (at(row, 'exemptionBasis') === '' || at(row, 'organization') === '') continue;
    if ((named.get(at(row, 'organization')) ?? 0) > 1) return index + 1;
    if (last === -1) last = index + 1;
  }
  if (last === -1) throw new Error('no exemption row in the generated register');
  const organization = at(values[last - 1] as unknown[], 'organization');
  rt.quietly(() => sheet.getRange(last - 1, columnOf(columns, 'organization')).setValue(organization));
  return last;
}

/** A clerk types `link` into a row's link cell: measured, and checked to end in error or not as `error` says. */
function measuredLinkEdit(
  rt: Runtime,
  columns: Record<string, number>,
  row: number,
  link: string,
  error: boolean,
): Measurement {
  const cell = rt.quietly(() =>
    rt.spreadsheet.getSheetByName(SHEET_NAMES.register)!.getRange(row, columnOf(columns, 'link')),
  );
  const measurement = measured(rt, () => rt.simulateEdit(cell, { value: link, user: BENCH_CLERK })).measurement;
  const state = rt.quietly(() =>
    rt.spreadsheet.getSheetByName(SHEET_NAMES.register)!.getRange(row, columnOf(columns, 'state')).getValue(),
  );
  if ((state === 'Ошибки заполнения') !== error) throw new Error(`link edit of row ${row}: «${String(state)}»`);
  return measurement;
}

/** Fifty new pages as a clerk pastes them below the last row. */
function pastedRows(columns: Record<string, number>, width: number, first: number): unknown[][] {
  return Array.from({ length: 50 }, (_, index) => {
    const values = Array<unknown>(width).fill('');
    const put = (key: ColumnKey, value: unknown): void => {
      values[columnOf(columns, key) - 1] = value;
    };
    put('organization', `МБОУ СОШ № ${100 + index} (вставка)`);
    put('orgKind', 'Подведомственная организация');
    put('network', 'ВКонтакте');
    put('link', `https://vk.com/pasted_school_${first + index}`);
    put('createdOn', moscowDay('2026-11-30'));
    put('responsibleName', 'Директоров Д. Д.');
    put('responsiblePosition', 'Директор');
    put('responsibleEmail', 'paste@shpakovsky.example.ru');
    put('authorizedName', 'Учителев У. У.');
    put('esiaVerified', true);
    // Complete rows: with Госметка and «Госпаблики» unticked each row would get two warnings (issue 10),
    // whose notes cost one getRange + setNotes more (32 calls, still none per row).
    put('govMark', true);
    put('govPublics', true);
    return values;
  });
}

function sidebarPage(index: number): PageInput {
  return {
    ...emptyInput(),
    organization: 'Отдел по делам молодёжи администрации Шпаковского МО',
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: `https://vk.com/molodezh_shmo_${index}`,
    createdOn: '2026-11-30',
    responsibleName: 'Иванова Мария Сергеевна',
    responsiblePosition: 'Начальник отдела',
    responsibleEmail: 'ivanova@shpakovsky.example.ru',
    authorizedName: 'Смирнов Олег',
    esiaVerified: true,
  };
}

/**
 * Every operation once, on a fresh runtime of `register`, in order. With `naive`, the naive check runs
 * last on the same spreadsheet.
 */
export function runScenario(
  register: BenchRegister,
  options: { naive?: boolean; pureRuns?: number } = {},
): RunMeasurements {
  const { out, pure } = runInRuntime(register, options);
  // pureMs is timed here, once the runtime (and its large heap) is gone.
  if (pure !== null) {
    const check = pureCheckMs(pure.beforeCheck, options.pureRuns ?? 1);
    out.check.pureMs = check.threadMs;
    out.check.pureAllThreadsMs = check.processMs;
    for (const operation of SINGLE_CELL_EDITS) {
      const { before, edit } = pure.edits[operation];
      const timing = pureEditMs(before, edit, options.pureRuns ?? 1);
      out[operation].pureMs = timing.threadMs;
      out[operation].pureAllThreadsMs = timing.processMs;
    }
  }
  return out;
}

interface CellEdit {
  sheet: string;
  row: number;
  column: number;
  value: unknown;
}

interface PureSnapshots {
  beforeCheck: BookSnapshot;
  /** Each single-cell edit and the book before it. */
  edits: Record<(typeof SINGLE_CELL_EDITS)[number], { before: BookSnapshot; edit: CellEdit }>;
}

function runInRuntime(
  register: BenchRegister,
  options: { naive?: boolean; pureRuns?: number },
): { out: RunMeasurements; pure: PureSnapshots | null } {
  const rt = benchRuntime(register);
  const out: Partial<RunMeasurements> = {};

  let alerts = rt.ui.alerts.length;
  out.setup = measured(rt, () => rt.menu('menuSetup')).measurement;
  expectAlertFree(rt, 'setup', alerts);

  // A check with something to write: every «Состояние» stale (as after a day with the trigger off).
  const columns = headerColumns(rt);
  const width = Object.keys(columns).length;
  const stateColumn = columnOf(columns, 'state');
  const rows = lastRow(rt) - 1;
  rt.quietly(() =>
    rt.spreadsheet.getSheetByName(SHEET_NAMES.register)?.getRange(2, stateColumn, rows, 1).setValue('устарело'),
  );
  alerts = rt.ui.alerts.length;
  const beforeCheck = options.pureRuns ? snapshotBook(rt) : null;
  out.check = measured(rt, () => rt.menu('menuCheckRegister')).measurement;
  expectAlertFree(rt, 'check', alerts);

  // The worst single-cell edit: a valid link made invalid, so «Состояние» and a note are written.
  const middle = 2 + Math.floor(rows / 2);
  const linkCell = rt.quietly(() =>
    rt.spreadsheet.getSheetByName(SHEET_NAMES.register)!.getRange(middle, columnOf(columns, 'link')),
  );
  const edits: Partial<PureSnapshots['edits']> = {};
  const linkEdit = (row: number, value: string): CellEdit => ({
    sheet: SHEET_NAMES.register,
    row,
    column: columnOf(columns, 'link'),
    value,
  });
  if (options.pureRuns) edits.editCell = { before: snapshotBook(rt), edit: linkEdit(middle, 'не ссылка') };
  out.editCell = measured(rt, () => rt.simulateEdit(linkCell, { value: 'не ссылка', user: BENCH_CLERK })).measurement;

  // A valid row's link changed to a new page's, then a later valid row's to that same page.
  const [moved, repeated] = validPageRows(rt, columns, middle + 1, 2) as [number, number];
  const newLink = `https://vk.com/bench_new_page_${moved}`;
  if (options.pureRuns) edits.editLink = { before: snapshotBook(rt), edit: linkEdit(moved, newLink) };
  out.editLink = measuredLinkEdit(rt, columns, moved, newLink, false);
  if (options.pureRuns) edits.editSamePage = { before: snapshotBook(rt), edit: linkEdit(repeated, newLink) };
  out.editSamePage = measuredLinkEdit(rt, columns, repeated, newLink, true);

  // The basis of an exemption retyped, in the last such row whose organization has other rows: its
  // warning names the organization's first active page wherever it is, so every row's organization, and
  // then links, deletion dates and exemptions, are read (the most cells of any single-cell edit).
  const exemptRow = exemptionRowWithSiblings(rt, columns);
  const basisEdit: CellEdit = {
    sheet: SHEET_NAMES.register,
    row: exemptRow,
    column: columnOf(columns, 'exemptionBasis'),
    value: 'Письмо администрации от 15.09.2023 № 01-12/345',
  };
  if (options.pureRuns) edits.editExemption = { before: snapshotBook(rt), edit: basisEdit };
  const basisCell = rt.quietly(() =>
    rt.spreadsheet.getSheetByName(SHEET_NAMES.register)!.getRange(basisEdit.row, basisEdit.column),
  );
  out.editExemption = measured(rt, () =>
    rt.simulateEdit(basisCell, { value: basisEdit.value, user: BENCH_CLERK }),
  ).measurement;

  const first = lastRow(rt) + 1;
  const pasteRange = rt.quietly(() =>
    rt.spreadsheet.getSheetByName(SHEET_NAMES.register)!.getRange(first, 1, 50, width),
  );
  rt.runAs('menu', BENCH_CLERK, () => pasteRange.setValues(pastedRows(columns, width, first)));
  out.paste50 = measured(rt, () => rt.simulateEdit(pasteRange, { user: BENCH_CLERK })).measurement;

  const submit = measured(rt, () =>
    scriptRunAs(rt, BENCH_CLERK, 'sidebarSubmit', sidebarPage(first), `bench-${first}-submit`),
  );
  if (!(submit.result as { ok?: boolean }).ok)
    throw new Error(`sidebarSubmit refused: ${JSON.stringify(submit.result)}`);
  out.sidebarSubmit = submit.measurement;

  rt.menu('menuDailyCheckOn', BENCH_OWNER);
  const daily = measured(rt, () => rt.fireTimeDriven('dailyCheck'));
  const outcome = daily.result as { status: string; failures: string[] };
  if (outcome.status !== 'done') throw new Error(`dailyCheck: ${outcome.status} ${outcome.failures.join(' ')}`);
  out.dailyCheck = daily.measurement;

  const panels = rt.ui.panels.length;
  out.summaryPreview = measured(rt, () => rt.menu('menuTsurSummary', BENCH_COORDINATOR)).measurement;
  const panel = rt.ui.panels[panels];
  if (panel === undefined) throw new Error(`summary preview: no dialog (${rt.ui.alerts.at(-1)?.prompt ?? ''})`);
  const token = decodeAttribute(/data-token="([^"]*)"/.exec(panel.html)?.[1] ?? '');
  const send = measured(rt, () => scriptRunAs(rt, BENCH_COORDINATOR, 'summarySend', token));
  if ((send.result as { status?: string }).status !== 'sent')
    throw new Error(`summarySend: ${JSON.stringify(send.result)}`);
  out.summarySend = send.measurement;

  // The trigger fires once a day, and the context cache lives an hour (contextCache.ts): on most days it
  // finds no entry and reads «Настройки», the calendar and the register's header itself. An ordinary
  // working day (no control letter), the morning after.
  rt.setNow(new Date(`${NEXT_DAY}T09:00:00+03:00`));
  const nextDay = measured(rt, () => rt.fireTimeDriven('dailyCheck'));
  const nextOutcome = nextDay.result as { status: string; failures: string[] };
  if (nextOutcome.status !== 'done')
    throw new Error(`dailyCheck next day: ${nextOutcome.status} ${nextOutcome.failures.join(' ')}`);
  out.dailyCheckNextDay = nextDay.measurement;

  // A clerk's first edit of the hour: the entry the daily check stored has expired too, so onEdit reads
  // the register's header, «Настройки» and the calendar itself, then only what the edit needs.
  rt.setNow(new Date(`${NEXT_DAY}T11:30:00+03:00`));
  const [coldRow] = validPageRows(rt, columns, middle + 20, 1) as [number];
  out.editCold = measuredLinkEdit(rt, columns, coldRow, `https://vk.com/bench_cold_page_${coldRow}`, false);

  if (options.naive) {
    const header = (key: ColumnKey): string => {
      const column = columnOf(columns, key);
      return Object.keys(columns).find((name) => columns[name] === column) as string;
    };
    const app = rt.services.SpreadsheetApp as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const today = moscowDay(BENCH_TODAY);
    out.naiveCheck = measured(rt, () =>
      rt.runAs('menu', BENCH_OWNER, () =>
        naiveCheck(
          app,
          SHEET_NAMES.register,
          {
            organization: header('organization'),
            link: header('link'),
            created: header('createdOn'),
            deleted: header('deletedOn'),
            deptCreation: header('deptReportedCreation'),
            deptDeletion: header('deptReportedDeletion'),
            tsurCreation: header('tsurReportedCreation'),
            tsurDeletion: header('tsurReportedDeletion'),
            deadline: header('deadline'),
            state: header('state'),
          },
          today,
        ),
      ),
    ).measurement;
  }
  const pure =
    beforeCheck !== null && edits.editCell && edits.editLink && edits.editSamePage
      ? { beforeCheck, edits: edits as PureSnapshots['edits'] }
      : null;
  return { out: out as RunMeasurements, pure };
}
