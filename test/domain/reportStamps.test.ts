import { deptReportStamps, unreportedDates } from '../../src/domain/reportStamps';
import type { ColumnKey, Problem } from '../../src/domain/types';
import { assess, page } from './assessedRows';

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

describe('events no report covers (a sidebar save reports them)', () => {
  it('are those with neither a department stamp that counts nor a ЦУР stamp', () => {
    const [unreported, reported, byTsur, stale] = assess(
      [
        { createdOn: '2025-01-10', deletedOn: '2026-03-02', deptReportedCreation: '2025-01-10' },
        { createdOn: '2026-03-02', deptReportedCreation: '2026-03-03' },
        { createdOn: '2026-03-02', tsurReportedCreation: '2026-03-04' },
        { createdOn: '2026-03-02', deptReportedCreation: '2026-02-01' },
      ],
      TODAY,
    );
    expect([...unreportedDates(unreported!.events)]).toEqual(['deletedOn']);
    expect([...unreportedDates(reported!.events)]).toEqual([]);
    expect([...unreportedDates(byTsur!.events)]).toEqual([]);
    // A stamp older than its event reports an earlier one: this event is still unreported.
    expect([...unreportedDates(stale!.events)]).toEqual(['createdOn']);
  });
});
