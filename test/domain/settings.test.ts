import { DEFAULT_SETTINGS, parseSettings, settingsSheetRows, SETTINGS_HEADERS } from '../../src/domain/settings';

describe('parseSettings', () => {
  it('gives the defaults for an empty sheet and reads back what settingsSheetRows writes', () => {
    expect(parseSettings([]).settings).toEqual(DEFAULT_SETTINGS);
    const parsed = parseSettings([[...SETTINGS_HEADERS], ...settingsSheetRows()]);
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows.networks).toBe(8);
  });

  it('reads labels case- and space-insensitively, in any order, lists split by , ; and new lines', () => {
    const { settings, problems } = parseSettings([
      ['  социальные   СЕТИ ', 'ВКонтакте; Одноклассники\nTelegram'],
      ['Координаторы (e-mail)', 'Boss@Shpak.ru, deputy@shpak.ru'],
      ['Час ежедневной проверки', 7],
      ['Напоминать ответственным', 'нет'],
      ['Отправлять сводку в ЦУР автоматически', true],
    ]);
    expect(problems).toEqual([]);
    expect(settings.networks).toEqual(['ВКонтакте', 'Одноклассники', 'Telegram']);
    expect(settings.coordinators).toEqual(['boss@shpak.ru', 'deputy@shpak.ru']);
    expect(settings.dailyCheckHour).toBe(7);
    expect(settings.remindResponsible).toBe(false);
    expect(settings.sendSummaryAutomatically).toBe(true);
  });

  it('reports bad values in Russian and falls back', () => {
    const { settings, problems } = parseSettings([
      ['Получатели сводки в ЦУР', 'cur@region.ru, не адрес'],
      ['Час ежедневной проверки', '25'],
      ['Напоминать ответственным', 'может быть'],
    ]);
    expect(settings.tsurRecipients).toEqual(['cur@region.ru']);
    expect(settings.dailyCheckHour).toBe(9);
    expect(settings.remindResponsible).toBe(true);
    expect(problems.map((problem) => [problem.key, problem.row])).toEqual([
      ['tsurRecipients', 1],
      ['dailyCheckHour', 2],
      ['remindResponsible', 3],
    ]);
    expect(problems[0]?.message).toContain('«не адрес»');
    expect(problems[1]?.message).toContain('от 0 до 23');
  });
});
