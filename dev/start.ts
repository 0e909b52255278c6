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
import { unescapeHtml } from '../src/domain/htmlEscape';
import { writeDialogs } from './dialogs';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { normalizeHeader, SHEET_NAMES } from '../src/domain/columns';
import { isoDateAt, formatRuDate, MOSCOW_TIME_ZONE } from '../src/domain/isoDate';
import { STATES } from '../src/domain/obligations';
import { OVERDUE_STATE_PREFIX } from '../src/domain/overview';
import { SETTING_BY_KEY, parseSettings, type SettingKey } from '../src/domain/settings';
import type { IsoDate } from '../src/domain/types';
import { CliError, parseCli, USAGE, type StartOptions } from './cli';
import { buildEml, type EmlMessage } from './eml';
import {
  assessSpreadsheet,
  buildReport,
  disagreements,
  mailReport,
  pendingSelection,
  reportCounts,
  type MailKind,
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
import { shownPath } from './shownPath';
import { startSidebarServer, type SidebarServer } from './sidebarServer';
import { loadCsv, loadXlsx, saveXlsx } from './spreadsheetFiles';
import { errorText } from '../src/shared/errorText';
import { installChartRenderer, writeControlEml, writeOverview, type OverviewWritten } from './startOverview';

const TIME_ZONE = MOSCOW_TIME_ZONE;
/** The hour of the working day the run takes place at (the daily check's default hour). */
const RUN_HOUR = '09:00:00';

/** What one step did (sentences for the coordinator) and, for --verbose, the global and its service calls. */
interface StepLine {
  title: string;
  /** The bundle's global the step calls ('' for what the coordinator does by hand). */
  global: string;
  lines: string[];
  calls: { roundTrips: number; total: number } | null;
}

/** Console width the report is wrapped to (words are never cut, a long word keeps its line). */
const WIDTH = 100;

/** The text in full, wrapped at word boundaries, every line indented; the text's own line breaks are kept. */
function wrap(text: string, indent: string, first = indent): string[] {
  const lines: string[] = [];
  // «п. 4», «№ 1199» and «… — 4» stay on one line.
  const glued = text
    .trim()
    .replace(/(^|[\s(])(п\.|№|ст\.|ч\.) (?=\d)/g, '$1$2\u00a0')
    .replace(/ — (?=\d)/g, '\u00a0— ');
  for (const paragraph of glued.split(/\n+/)) {
    let line = lines.length === 0 ? first : indent;
    let empty = true;
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      if (!empty && line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = indent;
        empty = true;
      }
      line += empty ? word : ` ${word}`;
      empty = false;
    }
    lines.push(line);
  }
  return lines.map((line) => line.replace(/\u00a0/g, ' '));
}

/** A sentence ends with a full stop (or the mark it already has). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** «строка 9», «строки 14, 36». */
function rowsText(rows: readonly number[]): string {
  return `${rows.length === 1 ? 'строка' : 'строки'} ${rows.join(', ')}`;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Russian plural: plural(4, 'строка', 'строки', 'строк') → «строки». */
function plural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  return units >= 2 && units <= 4 ? few : many;
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
 * showed (in full), and turns an exception into a line of the report (the run goes on).
 */
function step(run: Run, title: string, global: string, action: () => string[] | void): void {
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
    const message = `Надстройка сообщила об ошибке: ${errorText(error)}`;
    lines.push(message);
    run.failures.push(`${title}: ${message}`);
  }
  for (const alert of rt.ui.alerts.slice(alerts)) lines.push(`Сообщение «${alert.title}»:\n${alert.prompt}`);
  for (const panel of rt.ui.panels.slice(panels)) {
    const text = panel.kind === 'sidebar' ? null : messageText(panel.html);
    if (text === null)
      lines.push(`${panel.kind === 'sidebar' ? 'Открылась боковая панель' : 'Открылось окно'} «${panel.title}».`);
    else lines.push(`Окно «${panel.title}»:\n${text}`);
  }
  for (const toast of rt.spreadsheet.toasts.slice(toasts)) lines.push(`Всплывающее сообщение: ${toast.message}`);
  run.steps.push({ title, global, lines, calls });
}

/**
 * The text of a dialog that is a message (setup's result, the daily check's): its <main> as lines, one a
 * heading, paragraph or list item. Null for a dialog that is a tool (a table, a letter, a text to copy):
 * the console reports its figures itself.
 */
function messageText(html: string): string | null {
  const main = /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
  if (main === undefined || /<(table|iframe|textarea)\b/.test(main)) return null;
  const text = main
    .replace(/<h1[\s\S]*?<\/h1>/g, '')
    .replace(/<\/(h2|h3|p|li)>/g, '\n')
    .replace(/<li[^>]*>/g, '• ')
    .replace(/<[^>]+>/g, '');
  return unescapeHtml(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function missing(run: Run, title: string, names: readonly string[]): boolean {
  const absent = names.filter((name) => typeof run.rt.bundle[name] !== 'function');
  if (absent.length === 0) return false;
  run.steps.push({
    title,
    global: absent.map((name) => `${name}()`).join(', '),
    lines: ['Пропущено: в этой сборке надстройки такого действия ещё нет.'],
    calls: null,
  });
  return true;
}

/** Writes a value into column B of the «Настройки» row labelled for `key`, as the coordinator types it (onEdit runs). */
function enterSetting(run: Run, key: SettingKey, value: string): string {
  const { rt } = run;
  const sheet = rt.quietly(() => rt.spreadsheet.getSheetByName(SHEET_NAMES.settings));
  if (sheet === null) return `Лист «${SHEET_NAMES.settings}» не найден.`;
  const labels = rt.quietly(() => sheet.getRange(1, 1, Math.max(1, sheet.getLastRow()), 1).getValues());
  const wanted = normalizeHeader(SETTING_BY_KEY[key].label);
  const index = labels.findIndex((row) => normalizeHeader(String(row[0] ?? '')) === wanted);
  if (index === -1) return `В «${SHEET_NAMES.settings}» нет строки «${SETTING_BY_KEY[key].label}».`;
  rt.simulateEdit(sheet.getRange(index + 1, 2), { value, user: rt.ctx.defaultUser });
  return `«${SETTING_BY_KEY[key].label}»: ${value}.`;
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
    if (!sample) lines.push('Получателей сводки в файле не было — вписаны адреса-заглушки примера.');
  } else lines.push(`Получатели сводки — из файла: ${settings.tsurRecipients.join(', ')}.`);
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

/** What each kind of letter is, for the coordinator. */
const MAIL_KIND_NAMES: Record<MailKind, string> = {
  digest: 'сводка сроков координаторам',
  reminder: 'напоминания ответственным',
  tsur: 'письмо в ЦУР',
  control: 'письмо для контроля (п. 6) заместителю главы',
  failure: 'письмо о сбое',
};

/** «Отправлено писем: 15 (…), адресатов: 16.» for the letters sent since `from`. */
function mailLine(run: Run, from: number): string {
  const sent = run.rt.mail.slice(from);
  if (sent.length === 0) return 'Писем не отправлено.';
  const to = new Set(sent.flatMap((mail) => mail.to.split(',').map((address) => address.trim())));
  const byKind = new Map<MailKind, number>();
  for (const mail of mailReport(sent, currentSettings(run), run.today))
    byKind.set(mail.kind, (byKind.get(mail.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([kind, count]) => `${MAIL_KIND_NAMES[kind]} — ${count}`).join(', ');
  return `Отправлено писем: ${sent.length} (${kinds}), адресатов: ${to.size}.`;
}

/** What the daily check's outcome means. */
const DAILY_STATUS: Record<string, string> = {
  done: 'Проверка выполнена.',
  alreadyRan: 'Сегодня проверка уже выполнялась — второй раз она ничего не делает.',
  nonWorkingDay: 'Сегодня нерабочий день — проверка ничего не делает.',
  failed: 'Проверка завершилась с ошибкой.',
  refused: 'Проверка отказалась работать.',
  stale: 'Проверка пропущена: триггер устарел.',
};

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
    return `summary.eml не записан: ${note}${removed ? ' (старый файл удалён)' : ''}.`;
  }
  const eml = await buildEml(letter, { from: run.rt.ctx.defaultUser, date: run.rt.ctx.now() });
  writeFileSync(file, eml);
  return `${shownPath(file)} — ${note}. Открывается почтовой программой (Thunderbird, Outlook) или браузером.`;
}

function coordinatorRun(run: Run): { letter: EmlMessage | null; summaryNote: string; draft: SummaryDraftLike | null } {
  const { rt, options } = run;
  let summaryNote = 'сводка не формировалась';

  step(run, 'Координатор открывает таблицу', 'onOpen', () => {
    rt.simulateOpen(rt.ctx.defaultUser);
    const menu = rt.ui.menus.map(
      (m) => `«${m.caption}» (пунктов: ${m.items.filter((item) => item !== 'separator').length})`,
    );
    return menu.length ? [`Появилось меню ${menu.join(', ')}.`] : ['Меню не появилось.'];
  });

  if (!missing(run, '«Настроить реестр»', ['menuSetup'])) {
    step(run, '«Настроить реестр»', 'menuSetup', () => {
      rt.menu('menuSetup');
    });
    step(run, 'Координатор заполняет лист «Настройки»', '', () => fillSettings(run));
  }

  if (!missing(run, '«Проверить реестр»', ['menuCheckRegister'])) {
    step(run, '«Проверить реестр»', 'menuCheckRegister', () => {
      rt.menu('menuCheckRegister');
    });
  }

  if (!missing(run, 'Ежедневная проверка', ['dailyCheck'])) {
    if (typeof rt.bundle.menuDailyCheckOn === 'function') {
      step(run, '«Ежедневная проверка: включить»', 'menuDailyCheckOn', () => {
        rt.menu('menuDailyCheckOn');
      });
    }
    step(run, 'Ежедневная проверка срабатывает по расписанию', 'dailyCheck', () => {
      const before = rt.mail.length;
      const outcome = rt.fireTimeDriven('dailyCheck', { requireTrigger: false }) as
        { status?: string; failures?: string[] } | undefined;
      const status = outcome?.status ?? '';
      return [
        DAILY_STATUS[status] ?? `Проверка вернула неизвестный итог «${status}».`,
        ...(outcome?.failures ?? []).map(sentence),
        mailLine(run, before),
      ];
    });
  }

  if (!missing(run, '«Сводка для ЦУР…»', ['menuTsurSummary'])) {
    step(run, '«Сводка для ЦУР…» — предпросмотр', 'menuTsurSummary', () => {
      rt.menu('menuTsurSummary');
    });
  }

  let letter: EmlMessage | null = null;
  let draft: SummaryDraftLike | null = null;
  let drafted: SummaryDraftLike | null = null;
  if (!missing(run, 'Письмо в ЦУР', ['summaryLetter'])) {
    step(run, 'Письмо в ЦУР, каким его отправит кнопка «Отправить»', 'summaryLetter', () => {
      draft = rt.menu('summaryLetter') as SummaryDraftLike;
      if (!draft.ok) return [`Отправлять нечего: ${sentence(draft.reason ?? '')}`];
      return [`Письмо подготовлено, получатели: ${draft.message?.to.split(',').join(', ') ?? ''}.`];
    });
    const ready = draft as SummaryDraftLike | null;
    drafted = ready;
    if (ready?.ok && ready.message) {
      letter = ready.message;
      summaryNote = 'письмо в ЦУР, каким оно будет отправлено; оно не отправлено — для отправки запустите с --send';
      if (options.send && !missing(run, '«Отправить»', ['summarySend'])) {
        step(run, '«Отправить» в окне предпросмотра сводки', 'summarySend', () => {
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
            summaryNote = 'письмо в ЦУР, каким оно будет отправлено (отправка не удалась)';
          }
          return [sentence(result?.message ?? 'Надстройка не ответила.')];
        });
      }
    } else if (ready !== null) {
      summaryNote = 'несообщённых в ЦУР событий нет — сводка не нужна';
    }
  }
  return { letter, summaryNote, draft: drafted };
}

/** What the add-on itself computes from the spreadsheet now: every sheet read back, through the domain. */
function reportFromSheets(run: Run): {
  report: Report;
  disagreements: SheetDisagreement[];
  overdueLetterRows: number[];
} {
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
  const overdue = pendingSelection(assessed).events.filter((event) => event.overdue);
  return {
    report: buildReport(assessed),
    disagreements: disagreements(assessed),
    overdueLetterRows: [...new Set(overdue.map((event) => event.row))].sort((a, b) => a - b),
  };
}

/**
 * Writes register.xlsx atomically: into a temporary file beside it, then a rename, so a run stopped
 * mid-save leaves the previous register.xlsx whole, never a broken one. It opens on the register's sheet.
 */
async function saveRegister(run: Run): Promise<{ file: string; sheet: string; warnings: string[] }> {
  const file = join(run.out, 'register.xlsx');
  const temporary = join(run.out, `.register.xlsx.${process.pid}.tmp`);
  const registerSheet =
    run.rt.quietly(() => run.rt.services.PropertiesService.getDocumentProperties().getProperty('registerSheetName')) ??
    SHEET_NAMES.register;
  let warnings: string[];
  try {
    warnings = await run.rt.quietly(() => saveXlsx(run.rt.spreadsheet, temporary, { activeSheet: registerSheet }));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { file: shownPath(file), sheet: registerSheet, warnings };
}

/** What .xlsx could not hold, in a sentence (the details with --verbose). */
function xlsxLosses(warnings: readonly string[]): string {
  const count = (pattern: RegExp): number => warnings.filter((warning) => pattern.test(warning)).length;
  const parts = [
    [count(/protection/), 'защиту листов и колонок (листов: N)'],
    [count(/data validation/), 'часть правил проверки данных (N)'],
    [count(/conditional format/), 'часть правил условного форматирования (N)'],
  ] as const;
  const lost = parts.filter(([n]) => n > 0).map(([n, text]) => text.replace('N', String(n)));
  return lost.length === 0 ? '' : ` Формат .xlsx не хранит ${lost.join(', ')} — в Google Таблице всё это есть.`;
}

/** One numbered step: what the coordinator did and what the add-on answered; with --verbose, the global and its calls. */
function stepLines(item: StepLine, number: number, verbose: boolean): string[] {
  let title = `${number}. ${item.title}`;
  if (verbose && item.global !== '') {
    const calls = item.calls
      ? `: обращений к сервисам ${item.calls.roundTrips}` +
        (item.calls.total !== item.calls.roundTrips ? `, всего вызовов ${item.calls.total}` : '')
      : '';
    title += ` [${item.global}${calls}]`;
  }
  const out = [`  ${title}`];
  for (const line of item.lines) out.push(...wrap(line, '       ', '     '));
  return out;
}

interface Written {
  register: { file: string; sheet: string; warnings: string[] };
  overview: OverviewWritten;
  summary: string;
  control: string;
  /** out/dialogs/: every window the add-on showed, as a page. */
  dialogs: string;
  report: string;
}

function printReport(
  run: Run,
  report: Report,
  overdueLetterRows: readonly number[],
  disagreeing: readonly SheetDisagreement[],
  written: Written,
): void {
  const verbose = run.options.verbose;
  const counts = reportCounts(report);
  const out: string[] = [];
  out.push('', 'Что сделано (как это сделал бы координатор в таблице):');
  run.steps.forEach((item, index) => out.push(...stepLines(item, index + 1, verbose)));

  out.push('', `Реестр на ${formatRuDate(report.today)} (те же цифры — в ${written.report}):`);
  const say = (text: string): void => void out.push(...wrap(text, '    ', '  • '));
  say(
    `Строк в реестре: ${counts.rows}. С ошибками заполнения: ${counts.rowsWithErrors} (ошибок: ${counts.errors}); ` +
      `предупреждений: ${counts.warnings}.`,
  );
  if (written.overview.figures !== null) {
    const { activeTotal, gaps } = written.overview.figures;
    say(
      `Действующих официальных страниц: ${activeTotal}. Организаций без действующей страницы и без освобождения (п. 4): ${gaps}.`,
    );
  }
  say(
    `Состояния строк: ${Object.entries(counts.byState)
      .sort((a, b) => b[1] - a[1])
      .map(([state, count]) => `«${state}» — ${count}`)
      .join(', ')}.`,
  );
  const overdueRows = report.rows.filter((row) => row.state.startsWith(OVERDUE_STATE_PREFIX));
  if (overdueRows.length === 0) say('Строк с нарушенным сроком нет.');
  else {
    const byState = new Map<string, number[]>();
    for (const row of overdueRows) byState.set(row.state, [...(byState.get(row.state) ?? []), row.row]);
    say(
      `Строк с нарушенным сроком: ${overdueRows.length} — ` +
        [...byState].map(([state, rows]) => `«${state}»: ${rowsText(rows)}`).join('; ') +
        '.',
    );
  }
  if (counts.pendingEvents === 0) say('Несообщённых в ЦУР событий нет: письмо в ЦУР не нужно.');
  else {
    const late =
      counts.overdueEvents === 0
        ? 'срок сообщения в ЦУР ни у одного не прошёл'
        : `у ${counts.overdueEvents} из них срок сообщения в ЦУР уже прошёл (${rowsText(overdueLetterRows)})`;
    say(
      `В письмо в ЦУР войдут ${counts.pendingEvents} ${plural(counts.pendingEvents, 'событие', 'события', 'событий')}; ${late}.`,
    );
    // The two figures count different things (rows with any missed deadline; letter events past the ЦУР
    // deadline): name the overdue rows the letter does not count as late, and why.
    const notLate = overdueRows.filter((row) => !overdueLetterRows.includes(row.row));
    const deptOnly = notLate.filter((row) => row.state === STATES.overdueDept).map((row) => row.row);
    const other = notLate.filter((row) => row.state !== STATES.overdueDept).map((row) => row.row);
    const one = (rows: readonly number[]): boolean => rows.length === 1;
    if (deptOnly.length > 0)
      say(
        `${capital(rowsText(deptOnly))}: подразделение не сообщило в отдел в срок, а срок сообщения в ЦУР ` +
          `ещё не прошёл, поэтому письмо в ЦУР не считает ${one(deptOnly) ? 'её событие просроченным' : 'их события просроченными'}.`,
      );
    if (other.length > 0)
      say(
        `${capital(rowsText(other))}: срок нарушен, но в письме в ЦУР ${one(other) ? 'её событие' : 'их события'} ` +
          'не просрочены или не входят в него.',
      );
  }
  if (report.summary.excludedRows.length > 0)
    say(
      `${capital(rowsText(report.summary.excludedRows))} не войдут в письмо, пока в них не исправят ошибки ` +
        '(их перечисляет окно «Сводка для ЦУР»).',
    );
  say(`Получатели письма в ЦУР: ${report.summary.recipients.join(', ') || 'не указаны (лист «Настройки»)'}.`);
  const formulas = report.rows.flatMap((row) =>
    row.problems.filter((problem) => problem.message.includes('в ячейке формула')).map((problem) => ({ row, problem })),
  );
  if (formulas.length > 0) {
    say(`Формулы в колонках реестра: ${formulas.length}.`);
    for (const { row, problem } of formulas.slice(0, 5))
      out.push(
        ...wrap(
          `строка ${row.row}: ${problem.severity === 'error' ? 'ошибка' : 'внимание'} — ${problem.message}`,
          '        ',
          '      ',
        ),
      );
    if (formulas.length > 5)
      out.push(`      Остальные ${formulas.length - 5} — в окне «Проверка реестра» и в ${written.report}.`);
  }
  if (disagreeing.length > 0) {
    say(
      `ВНИМАНИЕ: в ${new Set(disagreeing.map((item) => item.row)).size} строках надстройка записала в таблицу не то, что следует из их ячеек:`,
    );
    for (const item of disagreeing.slice(0, 5)) {
      out.push(
        `      строка ${item.row}, «${item.column}»: в таблице «${item.inSheet}», по расчёту «${item.computed}»`,
      );
    }
    if (disagreeing.length > 5)
      out.push(`      Остальные ${disagreeing.length - 5} — в ${written.report} (rows[].state, rows[].deadline).`);
  }

  out.push('', 'Что открыть:');
  const file = (text: string): void => void out.push(...wrap(text, '    ', '  • '));
  file(
    `${written.register.file} — таблица после работы надстройки; откройте в LibreOffice или Excel, она откроется ` +
      `на листе «${written.register.sheet}».` +
      xlsxLosses(written.register.warnings),
  );
  if (verbose) for (const warning of written.register.warnings) out.push(`      ${warning}`);
  file(written.overview.line);
  if (verbose && written.overview.detail !== '') out.push(`      ${written.overview.detail}`);
  file(written.summary);
  file(written.control);
  file(written.dialogs);
  file(
    `${written.report} — все строки с состояниями, сроками и замечаниями и список писем: для автоматических проверок.`,
  );
  if (run.failures.length > 0) {
    out.push('', 'Ошибки надстройки при запуске:');
    for (const failure of run.failures) out.push(...wrap(failure, '    ', '  • '));
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
        if (options.verbose)
          console.log(`\n«${panel.title}» [menuOpenSidebar: обращений к сервисам ${calls.roundTrips}]`);
      }
    } catch (error) {
      console.log(
        `\nБоковая панель не открылась из меню (${errorText(error)}${options.verbose ? ' в menuOpenSidebar' : ''}), ` +
          'показываю её собранную страницу build/Sidebar.html.',
      );
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
  console.log(
    `\nБоковая панель: ${server.url}\nОткройте этот адрес в браузере, чтобы добавить или изменить страницу, как это делают ` +
      'в таблице.\nОстановить: Ctrl+C (изменения будут сохранены в register.xlsx).',
  );
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
  const saved = await saveRegister(run);
  console.log(
    `Записано: ${saved.file} — ${changes === 0 ? 'из боковой панели ничего не сохраняли' : 'таблица с изменениями из боковой панели'}.`,
  );
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
    source = `встроенный пример реестра${options.verbose ? ' (dev/sample/register.ts)' : ''}`;
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
      ? '(задано параметром --today)'
      : options.register === null
        ? '(расчётная дата примера; другую задаёт --today ГГГГ-ММ-ДД)'
        : '(текущая дата, Москва)';
  console.log('Реестр официальных страниц: надстройка работает на этом компьютере, без Google,');
  console.log(`в имитации Google Таблиц${options.verbose ? ' (build/Code.js в имитации сервисов Apps Script)' : ''}.`);
  console.log(`Сегодня: ${formatRuDate(today)} ${todayNote}.`);
  console.log(`Реестр: ${source}.`);
  console.log(`Вы работаете как ${SAMPLE_COORDINATOR} — координатор, владелец таблицы.`);

  installChartRenderer(rt, today);
  const { letter, summaryNote, draft } = coordinatorRun(run);
  const summary = await writeSummaryEml(run, letter, summaryNote);
  const { report, disagreements: disagreeing, overdueLetterRows } = reportFromSheets(run);
  report.mail = mailReport(rt.mail, currentSettings(run), today);
  if (disagreeing.length > 0)
    run.failures.push(`Расхождения «Состояние» или «Срок» в таблице с расчётом: ${disagreeing.length}.`);
  // The console prints the letter's figures once, from report.json; the letter the add-on built must agree.
  if (draft?.ok && !options.send) {
    const drafted = { events: draft.eventIds?.length ?? 0, overdue: draft.overdue ?? 0 };
    if (drafted.events !== report.summary.pendingEvents || drafted.overdue !== report.summary.overdueEvents)
      run.failures.push(
        `Письмо в ЦУР насчитало событий ${drafted.events}, с нарушенным сроком ${drafted.overdue}, ` +
          `а расчёт по таблице — ${report.summary.pendingEvents} и ${report.summary.overdueEvents}.`,
      );
  }
  const overview = writeOverview(rt, today, out);
  const register = await saveRegister(run);
  const control = await writeControlEml(rt, out);
  const dialogs = writeDialogs(rt, out);
  const reportFile = join(out, 'report.json');
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  printReport(run, report, overdueLetterRows, disagreeing, {
    register,
    overview,
    summary,
    control,
    dialogs,
    report: shownPath(reportFile),
  });

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
