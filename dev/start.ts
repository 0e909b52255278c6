/**
 * `npm start`: the built add-on (build/Code.js) run offline in the fakes of the Apps Script services, on
 * the built-in sample register or on a file, doing what the coordinator would: open the spreadsheet, set
 * the register up, enter the recipients in «Настройки», check the register, turn the daily check on and
 * let it fire, preview the ЦУР summary (and with --send, send it). Writes register.xlsx, summary.eml and
 * report.json, prints a short report in Russian, then serves the sidebar until Ctrl-C and saves the
 * register again with what was changed through it.
 *
 * Every add-on action goes through the bundle's globals as Apps Script would call them. A global a later
 * issue has not added yet is reported and skipped, so the run grows as the add-on does.
 */
import { writeDialogs } from './dialogs';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { normalizeHeader, SHEET_NAMES } from '../src/domain/columns';
import { isoDateAt, formatRuDate, MOSCOW_TIME_ZONE } from '../src/domain/isoDate';
import { SETTING_BY_KEY, parseSettings, type SettingKey } from '../src/domain/settings';
import type { IsoDate } from '../src/domain/types';
import { CliError, parseCli, USAGE, type StartOptions } from './cli';
import { buildEml, type EmlMessage } from './eml';
import {
  assessSpreadsheet,
  buildReport,
  disagreements,
  mailReport,
  reportCounts,
  type Report,
  type SheetDisagreement,
} from './report';
import { createRuntime, createSpreadsheet, REPO_ROOT, type Runtime } from './runtime';
import type { FakeSpreadsheet } from './fakes/spreadsheet';
import {
  SAMPLE_COORDINATOR,
  SAMPLE_SETTINGS,
  SAMPLE_SHEET_NAME,
  SAMPLE_TODAY,
  sampleCheckboxColumns,
  sampleDateColumns,
  sampleRegisterInput,
} from './sample/register';
import { startSidebarServer, type SidebarServer } from './sidebarServer';
import { loadCsv, loadXlsx, saveXlsx } from './spreadsheetFiles';
import { errorText } from '../src/shared/errorText';
import { installChartRenderer, writeControlEml, writeOverview } from './startOverview';

const TIME_ZONE = MOSCOW_TIME_ZONE;
/** The hour of the working day the run takes place at (the daily check's default hour). */
const RUN_HOUR = '09:00:00';

/** What one step did and how many service calls it made. */
interface StepLine {
  title: string;
  lines: string[];
  calls: { roundTrips: number; total: number } | null;
}

/** A path as the user can use it: relative to the current folder when inside it. */
function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}

function shorten(text: string, limit = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** The sample register in a new spreadsheet owned by the coordinator. */
function sampleSpreadsheet(): FakeSpreadsheet {
  const book = createSpreadsheet({
    owner: SAMPLE_COORDINATOR,
    timeZone: TIME_ZONE,
    name: 'Реестр официальных страниц (пример)',
    firstSheet: SAMPLE_SHEET_NAME,
  });
  const sheet = book.getSheetByName(SAMPLE_SHEET_NAME);
  if (sheet === null) throw new Error(`нет листа «${SAMPLE_SHEET_NAME}»`);
  const values = sampleRegisterInput();
  const width = values[0]?.length ?? 0;
  // insertCheckboxes() unticks every cell, as in Apps Script: the boxes first, then the values.
  for (const column of sampleCheckboxColumns()) sheet.getRange(2, column + 1, values.length - 1, 1).insertCheckboxes();
  sheet.getRange(1, 1, values.length, width).setValues(values);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  for (const column of sampleDateColumns())
    sheet.getRange(2, column + 1, values.length - 1, 1).setNumberFormat('dd.mm.yyyy');
  sheet.setFrozenRows(1);
  return book;
}

interface Run {
  options: StartOptions;
  today: IsoDate;
  rt: Runtime;
  steps: StepLine[];
  failures: string[];
  out: string;
}

/**
 * Runs one coordinator action: counts its service calls, collects the alerts, dialogs and toasts it
 * showed, and turns an exception into a line of the report (the run goes on).
 */
function step(run: Run, title: string, action: () => string[] | void): void {
  const { rt } = run;
  const alerts = rt.ui.alerts.length;
  const panels = rt.ui.panels.length;
  const toasts = rt.spreadsheet.toasts.length;
  const lines: string[] = [];
  let calls: StepLine['calls'] = null;
  try {
    const measured = rt.measure(() => action());
    calls = { roundTrips: measured.calls.roundTrips, total: measured.calls.total };
    lines.push(...(measured.result ?? []));
  } catch (error) {
    const message = `ошибка: ${errorText(error)}`;
    lines.push(message);
    run.failures.push(`${title}: ${message}`);
  }
  for (const alert of rt.ui.alerts.slice(alerts)) lines.push(`сообщение «${alert.title}»: ${shorten(alert.prompt)}`);
  for (const panel of rt.ui.panels.slice(panels))
    lines.push(`окно «${panel.title}» (${panel.kind === 'sidebar' ? 'боковая панель' : 'диалог'})`);
  for (const toast of rt.spreadsheet.toasts.slice(toasts))
    lines.push(`всплывающее сообщение: ${shorten(toast.message)}`);
  run.steps.push({ title, lines, calls });
}

function missing(run: Run, title: string, names: readonly string[]): boolean {
  const absent = names.filter((name) => typeof run.rt.bundle[name] !== 'function');
  if (absent.length === 0) return false;
  run.steps.push({
    title,
    lines: [`пропущено: в надстройке ещё нет ${absent.map((name) => `${name}()`).join(', ')}`],
    calls: null,
  });
  return true;
}

/** Writes a value into column B of the «Настройки» row labelled for `key`, as the coordinator types it (onEdit runs). */
function enterSetting(run: Run, key: SettingKey, value: string): string {
  const { rt } = run;
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName(SHEET_NAMES.settings));
  if (sheet === null) return `лист «${SHEET_NAMES.settings}» не найден`;
  const labels = rt.quietly(() => sheet.getRange(1, 1, Math.max(1, sheet.getLastRow()), 1).getValues());
  const wanted = normalizeHeader(SETTING_BY_KEY[key].label);
  const index = labels.findIndex((row) => normalizeHeader(String(row[0] ?? '')) === wanted);
  if (index === -1) return `в «${SHEET_NAMES.settings}» нет строки «${SETTING_BY_KEY[key].label}»`;
  rt.simulateEdit(sheet.getRange(index + 1, 2), { value, user: rt.ctx.defaultUser });
  return `«${SETTING_BY_KEY[key].label}»: ${value}`;
}

function currentSettings(run: Run) {
  const { rt } = run;
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName(SHEET_NAMES.settings));
  return parseSettings(sheet === null ? [] : rt.quietly(() => sheet.getDataRange().getValues())).settings;
}

/** The coordinator fills in «Настройки» after setup: the sample's values, or for a file only what is missing. */
function fillSettings(run: Run): string[] {
  const settings = currentSettings(run);
  const lines: string[] = [];
  const sample = run.options.register === null;
  if (sample || settings.tsurRecipients.length === 0) {
    lines.push(enterSetting(run, 'tsurRecipients', SAMPLE_SETTINGS.tsurRecipients.join(', ')));
    if (!sample) lines.push('получателей сводки в файле не было — вписаны адреса-заглушки примера');
  } else lines.push(`получатели сводки из файла: ${settings.tsurRecipients.join(', ')}`);
  if (sample) lines.push(enterSetting(run, 'coordinators', SAMPLE_SETTINGS.coordinators.join(', ')));
  if (sample) {
    for (const key of ['signatureName', 'signaturePhone', 'signatureEmail'] as const) {
      lines.push(enterSetting(run, key, SAMPLE_SETTINGS[key]));
    }
  }
  if (sample) lines.push(enterSetting(run, 'mailDomains', SAMPLE_SETTINGS.mailDomains.join(', ')));
  if (sample) lines.push(enterSetting(run, 'controlRecipients', SAMPLE_SETTINGS.controlRecipients.join(', ')));
  return lines;
}

function mailLine(run: Run, from: number): string {
  const sent = run.rt.mail.slice(from);
  if (sent.length === 0) return 'писем не отправлено';
  const to = [...new Set(sent.flatMap((mail) => mail.to.split(',').map((address) => address.trim())))];
  return `писем отправлено: ${sent.length} (адресатов: ${to.length})`;
}

interface SummaryDraftLike {
  ok: boolean;
  reason?: string;
  message?: EmlMessage;
  token?: string;
  eventIds?: string[];
  overdue?: number;
}

/** The letter to ЦУР as .eml; none (and an old file removed) when nothing is pending. */
async function writeSummaryEml(run: Run, letter: EmlMessage | null, note: string): Promise<string> {
  const file = join(run.out, 'summary.eml');
  if (letter === null) {
    const removed = existsSync(file);
    if (removed) rmSync(file);
    return `summary.eml не записан: ${note}${removed ? ' (старый файл удалён)' : ''}`;
  }
  const eml = await buildEml(letter, { from: run.rt.ctx.defaultUser, date: run.rt.ctx.now() });
  writeFileSync(file, eml);
  return `${shown(file)} — ${note}`;
}

function coordinatorRun(run: Run): { letter: EmlMessage | null; summaryNote: string } {
  const { rt, options } = run;
  let summaryNote = 'сводка не формировалась';

  step(run, 'Открытие таблицы (onOpen)', () => {
    rt.simulateOpen(rt.ctx.defaultUser);
    const menu = rt.ui.menus.map(
      (m) => `«${m.caption}»: ${m.items.filter((item) => item !== 'separator').length} пунктов`,
    );
    return menu.length ? [`меню ${menu.join(', ')}`] : ['меню не добавлено'];
  });

  if (!missing(run, '«Настроить реестр» (menuSetup)', ['menuSetup'])) {
    step(run, '«Настроить реестр» (menuSetup)', () => {
      rt.menu('menuSetup');
    });
    step(run, 'Координатор заполняет «Настройки»', () => fillSettings(run));
  }

  if (!missing(run, '«Проверить реестр» (menuCheckRegister)', ['menuCheckRegister'])) {
    step(run, '«Проверить реестр» (menuCheckRegister)', () => {
      rt.menu('menuCheckRegister');
    });
  }

  if (!missing(run, 'Ежедневная проверка (dailyCheck)', ['dailyCheck'])) {
    if (typeof rt.bundle.menuDailyCheckOn === 'function') {
      step(run, '«Включить ежедневную проверку» (menuDailyCheckOn)', () => {
        rt.menu('menuDailyCheckOn');
      });
    }
    step(run, 'Ежедневная проверка по расписанию (dailyCheck)', () => {
      const before = rt.mail.length;
      const outcome = rt.fireTimeDriven('dailyCheck', { requireTrigger: false }) as { status?: string } | undefined;
      return [`результат: ${outcome?.status ?? 'нет ответа'}`, mailLine(run, before)];
    });
  }

  if (!missing(run, '«Сводка для ЦУР…» (menuTsurSummary)', ['menuTsurSummary'])) {
    step(run, '«Сводка для ЦУР…» — предпросмотр (menuTsurSummary)', () => {
      rt.menu('menuTsurSummary');
    });
  }

  let letter: EmlMessage | null = null;
  if (!missing(run, 'Письмо в ЦУР (summaryLetter)', ['summaryLetter'])) {
    let draft: SummaryDraftLike | null = null;
    step(run, 'Письмо в ЦУР, как его отправит «Отправить» (summaryLetter)', () => {
      draft = rt.menu('summaryLetter') as SummaryDraftLike;
      if (!draft.ok) return [`нечего отправлять: ${shorten(draft.reason ?? '')}`];
      return [
        `событий: ${draft.eventIds?.length ?? 0}, из них с нарушенным сроком сообщения в ЦУР: ${draft.overdue ?? 0}; кому: ${draft.message?.to ?? ''}`,
      ];
    });
    const ready = draft as SummaryDraftLike | null;
    if (ready?.ok && ready.message) {
      letter = ready.message;
      summaryNote = 'письмо в ЦУР, как оно будет отправлено (не отправлено: запустите с --send)';
      if (options.send && !missing(run, '«Отправить» (summarySend)', ['summarySend'])) {
        step(run, '«Отправить» в окне предпросмотра (summarySend)', () => {
          const before = rt.mail.length;
          const result = rt.scriptRun('summarySend', ready.token) as { ok?: boolean; message?: string } | null;
          const sent = rt.mail.slice(before).find((mail) => mail.subject === ready.message?.subject);
          if (result?.ok && sent) {
            letter = {
              to: sent.to,
              cc: sent.cc,
              bcc: sent.bcc,
              replyTo: sent.replyTo,
              name: sent.name,
              subject: sent.subject,
              body: sent.body,
              ...(sent.htmlBody !== undefined ? { htmlBody: sent.htmlBody } : {}),
              attachments: sent.attachments.map((attachment) => ({
                fileName: attachment.name ?? 'attachment',
                mimeType: attachment.contentType ?? 'application/octet-stream',
                content: new Uint8Array(attachment.data),
              })),
            };
            summaryNote = 'письмо в ЦУР, отправленное через MailApp (отметки «Сообщено в ЦУР» поставлены)';
          } else {
            summaryNote = 'письмо в ЦУР, как оно будет отправлено (отправка не удалась)';
          }
          return [shorten(result?.message ?? 'нет ответа')];
        });
      }
    } else if (ready !== null) {
      summaryNote = 'несообщённых в ЦУР событий нет — сводка не нужна';
    }
  }
  return { letter, summaryNote };
}

/** What the add-on itself computes from the spreadsheet now: every sheet read back, through the domain. */
function reportFromSheets(run: Run): { report: Report; disagreements: SheetDisagreement[] } {
  const { rt } = run;
  const values = rt.quietly(() => ({
    sheets: rt.spreadsheet.getSheets().map((sheet) => ({
      name: sheet.getName(),
      values: sheet.getDataRange().getValues(),
      formulas: sheet.getDataRange().getFormulas(),
    })),
    timeZone: rt.spreadsheet.getSpreadsheetTimeZone() || TIME_ZONE,
    registerSheetName: rt.services.PropertiesService.getDocumentProperties().getProperty('registerSheetName'),
  }));
  const assessed = assessSpreadsheet(values, run.today);
  return { report: buildReport(assessed), disagreements: disagreements(assessed) };
}

/**
 * Writes register.xlsx atomically: into a temporary file beside it, then a rename, so a run stopped
 * mid-save leaves the previous register.xlsx whole, never a broken one.
 */
async function saveRegister(run: Run): Promise<string> {
  const file = join(run.out, 'register.xlsx');
  const temporary = join(run.out, `.register.xlsx.${process.pid}.tmp`);
  let warnings: string[];
  try {
    warnings = await run.rt.quietly(() => saveXlsx(run.rt.spreadsheet, temporary));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return warnings.length === 0
    ? shown(file)
    : `${shown(file)} (не переносится в .xlsx: ${warnings.length} — защиты листов и т. п.)`;
}

function printReport(run: Run, report: Report, disagreeing: readonly SheetDisagreement[], written: string[]): void {
  const counts = reportCounts(report);
  const out: string[] = [];
  out.push('', 'Действия координатора (обращений к сервисам Apps Script за действие):');
  for (const item of run.steps) {
    const calls = item.calls
      ? ` — обращений: ${item.calls.roundTrips}${item.calls.total !== item.calls.roundTrips ? ` (всего вызовов ${item.calls.total})` : ''}`
      : '';
    out.push(`  • ${item.title}${calls}`);
    for (const line of item.lines) out.push(`      ${line}`);
  }
  out.push('', `Реестр на ${formatRuDate(report.today)} (report.json):`);
  out.push(
    `  строк: ${counts.rows}; с ошибками заполнения: ${counts.rowsWithErrors} (ошибок: ${counts.errors}); предупреждений: ${counts.warnings}`,
  );
  out.push(
    `  состояния: ${Object.entries(counts.byState)
      .sort((a, b) => b[1] - a[1])
      .map(([state, count]) => `${state} — ${count}`)
      .join('; ')}`,
  );
  out.push(
    `  событий для письма в ЦУР: ${counts.pendingEvents}, из них с нарушенным сроком сообщения в ЦУР: ${counts.overdueEvents}` +
      (report.summary.excludedRows.length
        ? `; не входят в письмо до исправления ошибок строки: ${report.summary.excludedRows.join(', ')}`
        : ''),
  );
  out.push(`  получатели сводки: ${report.summary.recipients.join(', ') || 'не указаны'}`);
  const formulas = report.rows.flatMap((row) =>
    row.problems.filter((problem) => problem.message.includes('в ячейке формула')).map((problem) => ({ row, problem })),
  );
  if (formulas.length > 0) {
    out.push(`  формулы в колонках реестра: ${formulas.length}`);
    for (const { row, problem } of formulas.slice(0, 5))
      out.push(
        `    строка ${row.row}: ${problem.severity === 'error' ? 'ошибка' : 'внимание'} — ${shorten(problem.message, 200)}`,
      );
    if (formulas.length > 5) out.push(`    … и ещё ${formulas.length - 5}`);
  }
  if (disagreeing.length > 0) {
    out.push(
      `  ВНИМАНИЕ: в ${new Set(disagreeing.map((item) => item.row)).size} строках надстройка записала в таблицу не то, что следует из их ячеек:`,
    );
    for (const item of disagreeing.slice(0, 5)) {
      out.push(`    строка ${item.row}, «${item.column}»: в таблице «${item.inSheet}», по расчёту «${item.computed}»`);
    }
    if (disagreeing.length > 5) out.push(`    … и ещё ${disagreeing.length - 5}`);
  }
  out.push('', 'Записано:');
  for (const line of written) out.push(`  ${line}`);
  if (run.failures.length > 0) {
    out.push('', 'Ошибки надстройки при запуске:');
    for (const failure of run.failures) out.push(`  ${failure}`);
  }
  console.log(out.join('\n'));
}

async function serve(run: Run): Promise<void> {
  const { rt, options } = run;
  const call = (name: string, args: unknown[]): unknown => rt.scriptRun(name, ...args);
  // The page the add-on itself shows from its menu, when it has the item; build/Sidebar.html otherwise.
  let html: (() => string) | undefined;
  if (typeof rt.bundle.menuOpenSidebar === 'function') {
    const before = rt.ui.panels.length;
    try {
      const { calls } = rt.measure(() => rt.menu('menuOpenSidebar'));
      const panel = rt.ui.panels.slice(before).find((candidate) => candidate.kind === 'sidebar');
      if (panel) {
        const page = panel.html;
        html = () => page;
        console.log(`\n«${panel.title}» (menuOpenSidebar) — обращений: ${calls.roundTrips}`);
      }
    } catch (error) {
      console.log(`\nmenuOpenSidebar: ошибка: ${errorText(error)} — показываю build/Sidebar.html`);
    }
  }
  const serverOptions = { call, ...(html ? { html } : {}) };
  let server: SidebarServer;
  try {
    server = await startSidebarServer({ ...serverOptions, port: options.port });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE') throw error;
    server = await startSidebarServer({ ...serverOptions, port: 0 });
    console.log(`Порт ${options.port} занят — взят свободный.`);
  }
  console.log(`\nБоковая панель: ${server.url}\nОстановить: Ctrl+C (изменения будут сохранены в register.xlsx).`);
  // Ctrl-C reaches every process of the group (npm, sh, node), and npm relays it once more: the handler
  // stays installed until the save is done, so a repeated signal cannot kill the process mid-save.
  let stopping = false;
  let stopped = (): void => undefined;
  const onSignal = (): void => {
    if (stopping) {
      console.log('Сохраняю…');
      return;
    }
    stopping = true;
    stopped();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  await new Promise<void>((done) => (stopped = done));
  console.log('\nСохраняю…');
  await server.close();
  const changes = server.calls.filter((item) => item.name === 'sidebarSubmit').length;
  console.log(`Запросов «Сохранить» из боковой панели: ${changes}.`);
  console.log(`Записано: ${await saveRegister(run)}`);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

async function main(argv: readonly string[]): Promise<number> {
  let options: StartOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (!existsSync(join(REPO_ROOT, 'build', 'Code.js'))) {
    console.error('Нет сборки build/Code.js: выполните npm run build (npm start собирает сам).');
    return 1;
  }
  const realToday = isoDateAt(new Date(), TIME_ZONE);
  const today = options.today ?? (options.register === null ? SAMPLE_TODAY : realToday);

  let book: FakeSpreadsheet;
  let source: string;
  if (options.register === null) {
    book = sampleSpreadsheet();
    source = 'встроенный пример (dev/sample/register.ts)';
  } else {
    if (!existsSync(options.register)) {
      console.error(`Файл не найден: ${options.register}`);
      return 1;
    }
    const load = /\.csv$/i.test(options.register) ? loadCsv : loadXlsx;
    book = await load(options.register, {
      owner: SAMPLE_COORDINATOR,
      timeZone: TIME_ZONE,
      now: new Date(`${today}T${RUN_HOUR}+03:00`),
    });
    source = `файл ${options.register}`;
  }

  const started = Date.now();
  const base = new Date(`${today}T${RUN_HOUR}+03:00`).getTime();
  const rt = createRuntime({
    spreadsheet: book,
    owner: SAMPLE_COORDINATOR,
    user: SAMPLE_COORDINATOR,
    timeZone: TIME_ZONE,
    now: () => new Date(base + (Date.now() - started)),
  });
  rt.loadBundle();
  const out = resolve(options.out);
  mkdirSync(out, { recursive: true });
  const run: Run = { options, today, rt, steps: [], failures: [], out };

  const todayNote =
    options.today !== null
      ? '(--today)'
      : options.register === null
        ? '(расчётная дата примера; другую задаёт --today ГГГГ-ММ-ДД)'
        : '(текущая дата, Москва)';
  console.log('Реестр официальных страниц — надстройка, запущенная локально (build/Code.js в имитации Apps Script)');
  console.log(`Сегодня: ${formatRuDate(today)} ${todayNote}`);
  console.log(`Реестр: ${source}`);
  console.log(`Пользователь: ${SAMPLE_COORDINATOR} — координатор, владелец таблицы`);

  installChartRenderer(rt, today);
  const { letter, summaryNote } = coordinatorRun(run);
  const summary = await writeSummaryEml(run, letter, summaryNote);
  const { report, disagreements: disagreeing } = reportFromSheets(run);
  report.mail = mailReport(rt.mail, currentSettings(run), today);
  if (disagreeing.length > 0)
    run.failures.push(`расхождения «Состояние»/«Срок» в таблице с расчётом: ${disagreeing.length}`);
  const written: string[] = [];
  written.push(writeOverview(rt, today, out));
  written.push(await saveRegister(run));
  written.push(summary);
  written.push(await writeControlEml(rt, out));
  written.push(writeDialogs(rt, out));
  const reportFile = join(out, 'report.json');
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  written.push(shown(reportFile));
  printReport(run, report, disagreeing, written);

  if (options.serve) await serve(run);
  return run.failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`Запуск прерван: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
