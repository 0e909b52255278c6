import { COLUMNS, columnKeyForHeader, headerNames, mapHeaders } from '../../src/domain/columns';

describe('the columns people write and the add-on’s own', () => {
  it('recognises the add-on’s service and computed columns by their canonical header only', () => {
    for (const name of ['Код', 'Идентификатор', 'Статус', 'Крайний срок', 'Срок сообщения']) {
      expect(columnKeyForHeader(name)).toBeNull();
    }
    expect(columnKeyForHeader(' id ')).toBe('id');
    expect(columnKeyForHeader('срок')).toBe('deadline');
    expect(columnKeyForHeader('СОСТОЯНИЕ:')).toBe('state');
    for (const column of COLUMNS.filter((candidate) => candidate.role !== 'input')) {
      expect(headerNames(column)).toEqual([column.header]);
      expect(column.aliases).toEqual([]);
    }
  });

  it('still reads everyday names of the columns people fill', () => {
    expect(columnKeyForHeader('Соцсеть')).toBe('network');
    expect(columnKeyForHeader('Наименование организации')).toBe('organization');
  });

  it('leaves a department’s «Код» and «Статус» unmapped, so setup appends «ID» and «Состояние»', () => {
    const { positions } = mapHeaders(['Код', 'Организация', 'Статус', 'Крайний срок']);
    expect(positions).toEqual({ organization: 1 });
  });
});
