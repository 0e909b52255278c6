import { COLUMN_BY_KEY } from '../../src/domain/columns';
import type { PageInput, Problem } from '../../src/domain/types';
import { validatePageInput } from '../../src/domain/schemas';
import { FIELDS, FIELD_KEYS, fieldIds, isCheckboxKey, isFieldKey } from '../../src/ui/form/fields';
import {
  emptyInput,
  fieldMessageText,
  fingerprint,
  firstErrorField,
  isExemption,
  plural,
  problemsOf,
  requiredFields,
  visibleMessages,
  type Validate,
} from '../../src/ui/form/model';
import { longRuDate, readTypedDate, shownDate } from '../../src/ui/form/ruDate';

const error = (column: Problem['column'], message: string): Problem => ({ column, severity: 'error', message });
const warning = (column: Problem['column'], message: string): Problem => ({ column, severity: 'warning', message });

describe('form fields', () => {
  it('covers every key of PageInput except the ID, once, with the register header as label', () => {
    const inputKeys = Object.keys(emptyInput())
      .filter((key) => key !== 'id')
      .sort();
    expect([...FIELD_KEYS].sort()).toEqual(inputKeys);
    expect(new Set(FIELD_KEYS).size).toBe(FIELD_KEYS.length);
    for (const spec of FIELDS) {
      expect(spec.label).toBe(COLUMN_BY_KEY[spec.key].header);
      expect(spec.hint).toBe(COLUMN_BY_KEY[spec.key].help);
    }
  });

  it('uses checkboxes exactly for the boolean inputs', () => {
    const input = emptyInput();
    for (const spec of FIELDS) {
      expect({ key: spec.key, checkbox: spec.control === 'checkbox' }).toEqual({
        key: spec.key,
        checkbox: typeof input[spec.key] === 'boolean',
      });
      expect(isCheckboxKey(spec.key)).toBe(spec.control === 'checkbox');
    }
  });

  it('names the ids of control, hint and message after the key', () => {
    expect(fieldIds('link')).toEqual({ control: 'f-link', hint: 'f-link-hint', message: 'f-link-msg' });
    expect(isFieldKey('link')).toBe(true);
    expect(isFieldKey('id')).toBe(false);
    expect(isFieldKey(null)).toBe(false);
  });
});

describe('form model', () => {
  it('fingerprints inputs by content, not key order', () => {
    const a = { ...emptyInput(), organization: 'A' };
    const b: PageInput = Object.fromEntries(Object.entries(a).reverse()) as unknown as PageInput;
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, organization: 'B' }));
    expect(fingerprint(a)).not.toBe(fingerprint({ ...a, govMark: true }));
  });

  it('treats a filled exemption basis as an exemption, blanks as none', () => {
    expect(isExemption({ ...emptyInput(), exemptionBasis: 'Письмо № 5' })).toBe(true);
    expect(isExemption({ ...emptyInput(), exemptionBasis: '   ' })).toBe(false);
  });

  it('learns the required fields from the validator itself, for the input as it is', () => {
    const validate: Validate = (input) => {
      const problems: Problem[] = [warning('esiaVerified', 'Нет ЕСИА.'), error(null, 'Строка.')];
      if (!input.organization) problems.push(error('organization', 'Заполните.'));
      if (!isExemption(input) && !input.link) problems.push(error('link', 'Заполните ссылку.'));
      if (input.responsibleName && !input.responsiblePosition)
        problems.push(error('responsiblePosition', 'Должность?'));
      return { ok: false, problems };
    };
    const today = { today: '2024-05-01' };
    expect([...requiredFields(validate, today, emptyInput())].sort()).toEqual(['link', 'organization']);
    const exempt = { ...emptyInput(), organization: 'X', exemptionBasis: 'Письмо' };
    expect([...requiredFields(validate, today, exempt)]).toEqual(['organization']);
    expect([...requiredFields(validate, today, { ...exempt, responsibleName: 'Иванов' })].sort()).toEqual([
      'organization',
      'responsiblePosition',
    ]);
    expect(requiredFields(() => ({ ok: true, warnings: [] }), today, emptyInput()).size).toBe(0);
  });

  it('drops the field name in front of a message shown under that field', () => {
    expect(fieldMessageText('link', '«Ссылка на страницу»: не заполнено.')).toBe('Не заполнено.');
    expect(fieldMessageText('link', '«Организация»: не заполнено.')).toBe('«Организация»: не заполнено.');
    expect(
      visibleMessages([error('ogrn', '«ОГРН»: неверная контрольная цифра.')], new Set(), true).fields.ogrn?.text,
    ).toBe('Неверная контрольная цифра.');
  });

  it('says «Не заполнено.» under a required field: the п. 4 hint stands once above the form', () => {
    const result = validatePageInput(emptyInput(), { today: '2024-04-27' });
    const messages = visibleMessages(problemsOf(result), new Set(), true);
    const texts = Object.values(messages.fields).map((message) => message?.text ?? '');
    expect(texts.filter((text) => text === 'Не заполнено.').length).toBeGreaterThanOrEqual(5);
    expect(texts.join(' ')).not.toContain(COLUMN_BY_KEY.exemptionBasis.header);
  });

  it('shows messages only for touched fields until a submit is attempted', () => {
    const problems = [error('link', 'Неверная ссылка.'), error('createdOn', 'Дата в будущем.'), error(null, 'Строка.')];
    const some = visibleMessages(problems, new Set(['link']), false);
    expect(some.fields).toEqual({ link: { severity: 'error', text: 'Неверная ссылка.' } });
    expect(some.general).toEqual([]);
    expect(some.errorCount).toBe(1);
    const all = visibleMessages(problems, new Set(), true);
    expect(Object.keys(all.fields)).toEqual(['link', 'createdOn']);
    expect(all.general).toEqual([error(null, 'Строка.')]);
    expect(all.errorCount).toBe(2);
    expect(firstErrorField(all)).toBe('link');
  });

  it('puts errors before warnings and joins distinct messages of a field', () => {
    const problems = [
      warning('responsiblePosition', 'Не руководитель.'),
      error('responsiblePosition', 'Заполните должность.'),
      error('responsiblePosition', 'Заполните должность.'),
      warning('esiaVerified', 'Нет ЕСИА.'),
      warning('esiaVerified', 'Проверьте.'),
      error('id', 'Служебная колонка.'),
    ];
    const messages = visibleMessages(problems, new Set(), true);
    expect(messages.fields.responsiblePosition).toEqual({ severity: 'error', text: 'Заполните должность.' });
    expect(messages.fields.esiaVerified).toEqual({ severity: 'warning', text: 'Нет ЕСИА. Проверьте.' });
    expect(messages.general).toEqual([error('id', 'Служебная колонка.')]);
    expect(messages.errorCount).toBe(1);
    expect(firstErrorField(visibleMessages([warning('link', 'x')], new Set(), true))).toBeNull();
  });

  it('reads problems from both shapes of a validation result', () => {
    expect(problemsOf({ ok: true, warnings: [warning('link', 'w')] })).toEqual([warning('link', 'w')]);
    expect(problemsOf({ ok: false, problems: [error('link', 'e')] })).toEqual([error('link', 'e')]);
  });

  it('declines Russian nouns by number', () => {
    const forms = (n: number) => plural(n, 'поле', 'поля', 'полей');
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map(forms)).toEqual([
      'поле',
      'поля',
      'поля',
      'полей',
      'полей',
      'полей',
      'полей',
      'поле',
      'поля',
      'полей',
      'поле',
      'полей',
    ]);
  });
});

describe('dates typed in the Russian form', () => {
  it('reads ДД.ММ.ГГГГ, Д.М.ГГ, ДДММГГГГ, other separators and pasted ISO; nothing else', () => {
    expect(readTypedDate('27.11.2026')).toBe('2026-11-27');
    expect(readTypedDate('5.4.24')).toBe('2024-04-05');
    expect(readTypedDate('27112026')).toBe('2026-11-27');
    expect(readTypedDate('27/11/2026')).toBe('2026-11-27');
    expect(readTypedDate(' 2026-11-27 ')).toBe('2026-11-27');
    for (const text of ['', '31.02.2024', '11/27/2026', 'вчера', '2026', '123456789']) {
      expect(readTypedDate(text)).toBeNull();
    }
  });

  it('echoes the day in words and shows a day as ДД.ММ.ГГГГ', () => {
    expect(longRuDate('2026-11-27')).toBe('пятница, 27 ноября 2026');
    expect(longRuDate('2024-03-03')).toBe('воскресенье, 3 марта 2024');
    expect(shownDate('2026-11-27')).toBe('27.11.2026');
    expect(shownDate('удалена в марте')).toBe('удалена в марте');
  });
});
