/**
 * The options of `npm start` (dev/start.ts). Messages are in Russian: this is what a newcomer runs first.
 */
import { isIsoDate } from '../src/domain/isoDate';
import type { IsoDate } from '../src/domain/types';

export interface StartOptions {
  /** A register to load instead of the built-in sample: .xlsx or .csv. */
  register: string | null;
  /** The day the run takes as today (Europe/Moscow); null: the sample's own day, or the real date for a file. */
  today: IsoDate | null;
  out: string;
  /** Also confirm the ЦУР summary: the letter goes to the fake MailApp and the stamps are written. */
  send: boolean;
  /** Exit after writing the files instead of serving the sidebar. */
  serve: boolean;
  port: number;
  /** Also print what a developer needs: the globals called and their service calls. */
  verbose: boolean;
  help: boolean;
}

export const DEFAULT_PORT = 8080;

export const USAGE = [
  'Использование: npm start -- [параметры]',
  '',
  '  --register ФАЙЛ   реестр из файла .xlsx или .csv вместо встроенного примера',
  '  --today ГГГГ-ММ-ДД дата, которую запуск считает сегодняшней (московское время);',
  '                    по умолчанию для примера — его расчётная дата, для файла — текущая дата',
  '  --out КАТАЛОГ     куда записать register.xlsx, summary.eml и report.json (по умолчанию out/)',
  '  --send            подтвердить отправку сводки в ЦУР: письмо уходит в имитацию MailApp,',
  '                    в реестре проставляются отметки «Сообщено в ЦУР»',
  '  --no-serve        завершить работу после записи файлов, не запуская боковую панель',
  `  --port ПОРТ       порт боковой панели (по умолчанию ${DEFAULT_PORT}; занят — берётся свободный)`,
  '  --verbose         подробно для разработчика: какие глобальные функции вызваны и сколько',
  '                    обращений к сервисам Apps Script сделало каждое действие',
  '  --help            эта справка',
].join('\n');

export class CliError extends Error {}

const VALUE_OPTIONS = ['register', 'today', 'out', 'port'] as const;
const FLAG_OPTIONS = ['send', 'no-serve', 'verbose', 'help'] as const;

type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Parses `--name value`, `--name=value` and flags; throws CliError with a Russian message. */
export function parseCli(argv: readonly string[]): StartOptions {
  const options: StartOptions = {
    register: null,
    today: null,
    out: 'out',
    send: false,
    serve: true,
    port: DEFAULT_PORT,
    verbose: false,
    help: false,
  };
  const seen = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--') continue;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(argument);
    if (!match) throw new CliError(`Непонятный аргумент «${argument}». Параметры начинаются с «--».`);
    const name = match[1] ?? '';
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (match[2] !== undefined) throw new CliError(`Параметр --${name} пишется без значения.`);
      if (name === 'send') options.send = true;
      else if (name === 'no-serve') options.serve = false;
      else if (name === 'verbose') options.verbose = true;
      else options.help = true;
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new CliError(`Неизвестный параметр --${name}.`);
    }
    let value = match[2];
    if (value === undefined) {
      const next = argv[index + 1];
      if (next === undefined || next.startsWith('--')) throw new CliError(`После --${name} нужно значение.`);
      value = next;
      index += 1;
    }
    if (seen.has(name)) throw new CliError(`Параметр --${name} указан дважды.`);
    seen.add(name);
    applyValue(options, name as ValueOption, value);
  }
  return options;
}

function applyValue(options: StartOptions, name: ValueOption, value: string): void {
  switch (name) {
    case 'register': {
      if (!/\.(xlsx|csv)$/i.test(value)) {
        throw new CliError(`--register: нужен файл .xlsx или .csv, а указан «${value}».`);
      }
      options.register = value;
      return;
    }
    case 'today': {
      if (!isIsoDate(value))
        throw new CliError(`--today: нужна дата в виде ГГГГ-ММ-ДД, например 2026-12-01, а указано «${value}».`);
      options.today = value;
      return;
    }
    case 'out': {
      if (value.trim() === '') throw new CliError('--out: укажите каталог.');
      options.out = value;
      return;
    }
    case 'port': {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port < 1 || port > 65535) {
        throw new CliError(`--port: нужен номер порта от 1 до 65535, а указано «${value}».`);
      }
      options.port = port;
      return;
    }
  }
}
