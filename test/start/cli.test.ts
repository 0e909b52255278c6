import { CliError, DEFAULT_PORT, parseCli } from '../../dev/cli';

describe('dev/cli.ts', () => {
  it('defaults: the sample, out/, serve on 8080, no send', () => {
    expect(parseCli([])).toEqual({
      register: null,
      today: null,
      out: 'out',
      send: false,
      serve: true,
      port: DEFAULT_PORT,
      verbose: false,
      help: false,
    });
  });

  it('reads every option, in both spellings', () => {
    expect(
      parseCli([
        '--',
        '--register',
        'my.xlsx',
        '--today=2026-12-01',
        '--out',
        '/tmp/x',
        '--send',
        '--no-serve',
        '--port=9000',
        '--verbose',
      ]),
    ).toEqual({
      register: 'my.xlsx',
      today: '2026-12-01',
      out: '/tmp/x',
      send: true,
      serve: false,
      port: 9000,
      verbose: true,
      help: false,
    });
    expect(parseCli(['--help']).help).toBe(true);
    expect(parseCli(['--register', 'Реестр.CSV']).register).toBe('Реестр.CSV');
  });

  it.each([
    [['--today', '2026-02-30'], /--today: нужна дата/],
    [['--today', '01.12.2026'], /ГГГГ-ММ-ДД/],
    [['--register', 'file.ods'], /\.xlsx или \.csv/],
    [['--port', '0'], /--port/],
    [['--port', 'abc'], /--port/],
    [['--out'], /После --out нужно значение/],
    [['--out', '--send'], /После --out нужно значение/],
    [['--unknown'], /Неизвестный параметр --unknown/],
    [['positional'], /Непонятный аргумент/],
    [['--send=yes'], /без значения/],
    [['--verbose=1'], /без значения/],
    [['--out', 'a', '--out', 'b'], /дважды/],
  ])('refuses %j in Russian', (argv, message) => {
    expect(() => parseCli(argv)).toThrow(CliError);
    expect(() => parseCli(argv)).toThrow(message);
  });
});
