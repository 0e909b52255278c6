import { emptyInput } from '../../src/ui/form/model';
import { callServer } from '../../src/ui/form/server';
import { errorText } from '../../src/shared/errorText';
import { describeEvent, describeFoundPage, describeSuccess } from '../../src/ui/form/describe';
import type { FoundPage, SubmitSuccess } from '../../src/shared/sidebar';

type Handlers = { success?: (value: unknown) => void; failure?: (error: unknown) => void };

/** A stand-in for google.script.run that answers from `answer`. */
function installRun(answer: (name: string, args: unknown[]) => { value?: unknown; error?: unknown }): string[] {
  const calls: string[] = [];
  const runner = (handlers: Handlers): unknown =>
    new Proxy(
      {},
      {
        get(_target, property: string) {
          if (property === 'withSuccessHandler')
            return (fn: Handlers['success']) => runner({ ...handlers, success: fn });
          if (property === 'withFailureHandler')
            return (fn: Handlers['failure']) => runner({ ...handlers, failure: fn });
          return (...args: unknown[]) => {
            calls.push(`${property}(${JSON.stringify(args)})`);
            const result = answer(property, args);
            setTimeout(
              () => ('error' in result ? handlers.failure?.(result.error) : handlers.success?.(result.value)),
              0,
            );
          };
        },
      },
    );
  (globalThis as Record<string, unknown>).google = { script: { run: runner({}) } };
  return calls;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).google;
});

const page: FoundPage = {
  id: 'P-7',
  row: 7,
  state: 'В срок',
  deadline: '2024-05-03',
  input: { ...emptyInput(), id: 'P-7', organization: 'Комитет', network: 'ВКонтакте', link: 'https://vk.com/k' },
  unreadable: {},
  unreported: [],
};

describe('callServer', () => {
  it('resolves with the server function value and passes the arguments', async () => {
    const calls = installRun(() => ({ value: { pages: [], truncated: false, message: null } }));
    await expect(callServer('sidebarFind', 'vk.com/k')).resolves.toEqual({
      pages: [],
      truncated: false,
      message: null,
    });
    expect(calls).toEqual(['sidebarFind(["vk.com/k"])']);
  });

  it('rejects with the server error text', async () => {
    installRun(() => ({ error: new Error('Реестр не найден') }));
    await expect(callServer('sidebarInit')).rejects.toThrow('Реестр не найден');
  });

  it('rejects clearly outside Google Sheets', async () => {
    await expect(callServer('sidebarInit')).rejects.toThrow(/вне Google Таблиц/);
  });

  it('turns any thrown value into text', () => {
    expect(errorText(new Error('x'))).toBe('x');
    expect(errorText('y')).toBe('y');
    expect(errorText({ message: 'z' })).toBe('z');
    expect(errorText(undefined)).toBe('неизвестная ошибка');
  });
});

describe('result texts', () => {
  it('describes a found page with its row, and an exemption without a link', () => {
    expect(describeFoundPage(page)).toBe('Комитет · ВКонтакте: https://vk.com/k · строка 7');
    expect(
      describeFoundPage({ ...page, input: { ...page.input, link: '', network: '', exemptionBasis: 'Письмо' } }),
    ).toBe('Комитет · освобождение (п. 4) · строка 7');
    expect(describeFoundPage({ ...page, input: { ...page.input, deletedOn: '2024-05-02' } })).toContain(
      'удалена 02.05.2024',
    );
  });

  it('describes a success with row, ID, state and deadlines in Russian dates', () => {
    const success: SubmitSuccess = {
      ok: true,
      created: true,
      row: 12,
      id: 'P-12',
      deadline: '2024-05-02',
      state: 'В срок',
      events: [
        {
          kind: 'creation',
          date: '2024-04-26',
          deptDeadline: '2024-05-02',
          tsurDeadline: '2024-05-03',
          reportedToDept: '2024-04-27',
          reportedToTsur: null,
          deptStatus: 'reportedInTime',
          tsurStatus: 'pending',
          overdue: false,
          provisional: false,
          beforeDecree: false,
        },
      ],
      warnings: [{ column: 'esiaVerified', severity: 'warning', message: 'Нет ЕСИА.' }],
      page: { ...page, row: 12, id: 'P-12', input: { ...page.input, link: 'https://vk.com/k' } },
      repeated: false,
      reported: [{ kind: 'creation', date: '2024-04-26' }],
      today: '2024-04-27',
      unchanged: false,
    };
    const text = describeSuccess(success, 'vk.com/k');
    expect(text.title).toBe('Страница добавлена в реестр: строка 12.');
    expect(text.lines).toEqual([
      'Сообщено в отдел массовых коммуникаций сегодня, 27.04.2024: создание страницы 26.04.2024. Отдельно сообщать не нужно.',
      'Ссылка сохранена как https://vk.com/k',
      'Состояние: В срок, ближайший срок 02.05.2024.',
      'Координатор сообщит в ЦУР о создании до 03.05.2024.',
      'Предупреждение — см. поля, отмеченные ⚠.',
      'ID: P-12',
    ]);
    // Nothing in the result asks the clerk to report anything: the save was the report.
    expect(text.lines.join(' ')).not.toMatch(/сообщить|сообщите/i);
    expect(describeSuccess({ ...success, reported: [] }, 'https://vk.com/k').lines[0]).toBe(
      'Состояние: В срок, ближайший срок 02.05.2024.',
    );
    // The nearest deadline is said once: not beside the state when the ЦУР line gives the same day.
    expect(describeSuccess({ ...success, deadline: '2024-05-03' }, 'https://vk.com/k').lines.slice(1, 3)).toEqual([
      'Состояние: В срок.',
      'Координатор сообщит в ЦУР о создании до 03.05.2024.',
    ]);
    expect(describeSuccess({ ...success, created: false }).title).toBe('Изменения сохранены: строка 12.');
    expect(describeSuccess({ ...success, created: false, unchanged: true }).title).toBe(
      'Изменений нет: строка 12 не менялась.',
    );
    const exemption = { ...success.page, input: { ...success.page.input, link: '', exemptionBasis: 'Письмо № 5' } };
    expect(describeSuccess({ ...success, page: exemption }).title).toBe(
      'Освобождение (п. 4) внесено в реестр: строка 12.',
    );
    expect(describeSuccess({ ...success, repeated: true }).title).toMatch(/уже выполнена/);
  });

  it('marks provisional deadlines and describes a refusal with the duplicate', () => {
    const event = {
      kind: 'deletion' as const,
      date: '2028-01-10',
      deptDeadline: '2028-01-12',
      tsurDeadline: '2028-01-13',
      reportedToDept: null,
      reportedToTsur: null,
      deptStatus: 'pending' as const,
      tsurStatus: 'pending' as const,
      overdue: false,
      provisional: true,
      beforeDecree: false,
    };
    expect(describeEvent(event)).toEqual([
      'Координатор сообщит в ЦУР об удалении до 13.01.2028.',
      'Срок предварительный: производственный календарь на этот год не утверждён.',
    ]);
  });
});
