import { deptReportStamps } from '../../src/domain/reportStamps';
import type { ColumnKey, Problem } from '../../src/domain/types';
import { page } from './assessedRows';

const TODAY = '2026-03-05';
const empty = () => true;

describe('«Сообщено в отдел (…)» stamps', () => {
  it('stamps today when a creation date is entered and no stamp is there yet', () => {
    const stamps = deptReportStamps({
      entered: new Set(['createdOn']),
      page: page({ createdOn: '2026-03-02' }),
      problems: [],
      stampIsEmpty: empty,
      today: TODAY,
    });
    expect(stamps).toEqual({ deptReportedCreation: TODAY });
  });

  it('stamps a deletion separately from the creation', () => {
    const stamps = deptReportStamps({
      entered: new Set(['deletedOn']),
      page: page({ createdOn: '2025-01-10', deletedOn: '2026-03-04' }),
      problems: [],
      stampIsEmpty: empty,
      today: TODAY,
    });
    expect(stamps).toEqual({ deptReportedDeletion: TODAY });
  });

  it('never replaces a stamp already there', () => {
    const stamps = deptReportStamps({
      entered: new Set(['createdOn']),
      page: page({ createdOn: '2026-03-02' }),
      problems: [],
      stampIsEmpty: (stamp: ColumnKey) => stamp !== 'deptReportedCreation',
      today: TODAY,
    });
    expect(stamps).toEqual({});
  });

  it('replaces a stamp earlier than the date entered: it reported an earlier event (deleted, restored, deleted again)', () => {
    const input = {
      entered: new Set(['deletedOn'] as const),
      problems: [],
      stampIsEmpty: (stamp: ColumnKey) => stamp !== 'deptReportedDeletion',
      today: TODAY,
    };
    const again = page({ createdOn: '2025-01-10', deletedOn: '2026-03-04', deptReportedDeletion: '2025-06-02' });
    expect(deptReportStamps({ ...input, page: again })).toEqual({ deptReportedDeletion: TODAY });
    // A stamp on the event's day or later is this event's own.
    const same = page({ createdOn: '2025-01-10', deletedOn: '2026-03-04', deptReportedDeletion: '2026-03-04' });
    expect(deptReportStamps({ ...input, page: same })).toEqual({});
  });

  it('does not stamp a date that was not entered now, nor one that reads with an error', () => {
    const futureDate: Problem = {
      column: 'createdOn',
      severity: 'error',
      message: '«Дата создания»: дата позже сегодняшней.',
    };
    expect(
      deptReportStamps({
        entered: new Set(),
        page: page({ createdOn: '2026-03-02' }),
        problems: [],
        stampIsEmpty: empty,
        today: TODAY,
      }),
    ).toEqual({});
    expect(
      deptReportStamps({
        entered: new Set(['createdOn']),
        page: page({ createdOn: '2026-04-01' }),
        problems: [futureDate],
        stampIsEmpty: empty,
        today: TODAY,
      }),
    ).toEqual({});
    expect(
      deptReportStamps({
        entered: new Set(['createdOn']),
        page: page({ createdOn: null }),
        problems: [],
        stampIsEmpty: empty,
        today: TODAY,
      }),
    ).toEqual({});
  });
});
