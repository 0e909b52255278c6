import fc from 'fast-check';
import { createCalendar } from '../../src/domain/calendar';
import { STATES, assessObligations, rowState, staleStampProblems, staleStamps } from '../../src/domain/obligations';
import type { EventAssessment, Page } from '../../src/domain/types';
import { page } from './assessedRows';

const calendar = createCalendar();

function stateOf(fields: Partial<Page>, today: string, hasErrors = false): string {
  const subject = page(fields);
  return rowState({ page: subject, events: assessObligations(subject, calendar, today).events, hasErrors });
}

function firstEvent(fields: Partial<Page>, today: string): EventAssessment | undefined {
  return assessObligations(page(fields), calendar, today).events[0];
}

// Created on Friday 26.04.2024: 27.04 is a working Saturday, 29.04–01.05 are off,
// so the department's deadline is 02.05.2024 and ЦУР's 03.05.2024.
const CREATED = { createdOn: '2024-04-26' };

describe('assessObligations', () => {
  it('a row with no dates has no events', () => {
    expect(assessObligations(page({}), calendar, '2024-05-01')).toEqual({ events: [], deadline: null });
    expect(assessObligations(page({ exemptionBasis: 'Письмо ЦУР от 01.02.2024' }), calendar, '2024-05-01')).toEqual({
      events: [],
      deadline: null,
    });
  });

  it('a fresh creation: both obligations pending, the nearest deadline is the department one', () => {
    const { events, deadline } = assessObligations(page(CREATED), calendar, '2024-04-26');
    expect(events).toEqual<EventAssessment[]>([
      {
        kind: 'creation',
        date: '2024-04-26',
        deptDeadline: '2024-05-02',
        tsurDeadline: '2024-05-03',
        reportedToDept: null,
        reportedToTsur: null,
        deptStatus: 'pending',
        tsurStatus: 'pending',
        overdue: false,
        provisional: false,
        beforeDecree: false,
      },
    ]);
    expect(deadline).toBe('2024-05-02');
  });

  it.each([
    ['2024-04-30', 'pending', 'pending', false],
    ['2024-05-02', 'dueToday', 'pending', false],
    ['2024-05-03', 'overdue', 'dueToday', true],
    ['2024-05-06', 'overdue', 'overdue', true],
  ] as const)('unreported on %s: department %s, ЦУР %s', (today, dept, tsur, overdue) => {
    const event = firstEvent(CREATED, today);
    expect(event).toMatchObject({ deptStatus: dept, tsurStatus: tsur, overdue });
  });

  it('a report on the deadline day is in time, a day later is late', () => {
    const onTime = assessObligations(
      page({ ...CREATED, deptReportedCreation: '2024-05-02', tsurReportedCreation: '2024-05-03' }),
      calendar,
      '2024-06-01',
    );
    expect(onTime.events[0]).toMatchObject({ deptStatus: 'reportedInTime', tsurStatus: 'reportedInTime' });
    expect(onTime.deadline).toBeNull();

    const late = assessObligations(
      page({ ...CREATED, deptReportedCreation: '2024-05-03', tsurReportedCreation: '2024-05-06' }),
      calendar,
      '2024-06-01',
    );
    expect(late.events[0]).toMatchObject({ deptStatus: 'reportedLate', tsurStatus: 'reportedLate', overdue: false });
  });

  it('a report made the same day as the event is in time', () => {
    const event = firstEvent({ ...CREATED, deptReportedCreation: '2024-04-26' }, '2024-04-26');
    expect(event?.deptStatus).toBe('reportedInTime');
    expect(event?.tsurStatus).toBe('pending');
  });

  it('the deadline is the earliest still open: the ЦУР one once the department has reported', () => {
    const { deadline } = assessObligations(
      page({ ...CREATED, deptReportedCreation: '2024-04-27' }),
      calendar,
      '2024-05-02',
    );
    expect(deadline).toBe('2024-05-03');
  });

  it('an open deadline stays the row deadline after it has passed', () => {
    const { deadline, events } = assessObligations(page(CREATED), calendar, '2024-06-01');
    expect(deadline).toBe('2024-05-02');
    expect(events[0]?.overdue).toBe(true);
  });

  describe('the department counts as reported when ЦУР was told', () => {
    it('in time: ЦУР stamp by the department deadline', () => {
      const event = firstEvent({ ...CREATED, tsurReportedCreation: '2024-05-02' }, '2024-06-01');
      expect(event).toMatchObject({
        reportedToDept: '2024-05-02',
        reportedToTsur: '2024-05-02',
        deptStatus: 'reportedInTime',
        tsurStatus: 'reportedInTime',
        overdue: false,
      });
    });

    it('late for the department, in time for ЦУР: ЦУР stamp on the ЦУР deadline', () => {
      const event = firstEvent({ ...CREATED, tsurReportedCreation: '2024-05-03' }, '2024-06-01');
      expect(event).toMatchObject({ deptStatus: 'reportedLate', tsurStatus: 'reportedInTime' });
    });

    it('a department stamp later than the ЦУР stamp is read as the ЦУР date', () => {
      const event = firstEvent(
        { ...CREATED, deptReportedCreation: '2024-05-10', tsurReportedCreation: '2024-05-02' },
        '2024-06-01',
      );
      expect(event).toMatchObject({ reportedToDept: '2024-05-02', deptStatus: 'reportedInTime' });
    });
  });

  it('creation and deletion are two events with their own stamps', () => {
    const { events, deadline } = assessObligations(
      page({
        createdOn: '2025-02-21',
        deptReportedCreation: '2025-02-21',
        tsurReportedCreation: '2025-02-25',
        deletedOn: '2025-06-11',
        deptReportedDeletion: '2025-06-16',
      }),
      calendar,
      '2025-06-17',
    );
    expect(events.map((event) => [event.kind, event.deptDeadline, event.tsurDeadline])).toEqual([
      ['creation', '2025-02-25', '2025-02-26'], // 24.02.2025 was a working Monday
      ['deletion', '2025-06-17', '2025-06-18'], // 12.06 holiday, 13.06 off
    ]);
    expect(events[0]).toMatchObject({ deptStatus: 'reportedInTime', tsurStatus: 'reportedInTime' });
    expect(events[1]).toMatchObject({ deptStatus: 'reportedInTime', tsurStatus: 'pending' });
    expect(deadline).toBe('2025-06-18');
  });

  it('an event on a weekend or a holiday counts from the next working day', () => {
    const saturday = firstEvent({ createdOn: '2024-06-15' }, '2024-06-15');
    expect([saturday?.deptDeadline, saturday?.tsurDeadline]).toEqual(['2024-06-18', '2024-06-19']);
    const newYear = firstEvent({ createdOn: '2025-12-29' }, '2025-12-29');
    expect([newYear?.deptDeadline, newYear?.tsurDeadline]).toEqual(['2026-01-12', '2026-01-13']);
  });

  it('flags deadlines counted through a year without an approved list', () => {
    const assess = (createdOn: string): boolean | undefined => firstEvent({ createdOn }, createdOn)?.provisional;
    expect(assess('2027-12-01')).toBe(false);
    expect(assess('2027-12-30')).toBe(true); // deadlines in January 2028
    expect(assess('2028-03-01')).toBe(true);
    expect(assess('2022-12-29')).toBe(true); // 30.12.2022 is counted, 2022 has no list
    const with2028 = createCalendar({ entries: [], approvedYears: [2028] });
    expect(assessObligations(page({ createdOn: '2027-12-30' }), with2028, '2027-12-30').events[0]?.provisional).toBe(
      false,
    );
  });

  it('an exemption with dates is still assessed', () => {
    const { events } = assessObligations(page({ ...CREATED, exemptionBasis: 'Письмо' }), calendar, '2024-04-26');
    expect(events).toHaveLength(1);
  });

  it('properties: overdue flag, open deadline and statuses agree', () => {
    const dayArb = fc
      .integer({ min: Date.UTC(2023, 0, 1) / 86_400_000, max: Date.UTC(2027, 11, 31) / 86_400_000 })
      .map((days) => new Date(days * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(dayArb, fc.option(dayArb), fc.option(dayArb), dayArb, (createdOn, dept, tsur, today) => {
        const { events, deadline } = assessObligations(
          page({ createdOn, deptReportedCreation: dept, tsurReportedCreation: tsur }),
          calendar,
          today,
          '2000-01-01',
        );
        const [event] = events;
        if (event === undefined) throw new Error('no event');
        expect(event.overdue).toBe(event.deptStatus === 'overdue' || event.tsurStatus === 'overdue');
        expect(event.deptDeadline < event.tsurDeadline).toBe(true);
        // A stamp counts when it is on the event's day or later (an earlier one is of an earlier event).
        const counts = (stamp: string | null): boolean => stamp !== null && stamp >= createdOn;
        const deptOpen = event.reportedToDept === null;
        expect(deptOpen).toBe(!counts(dept) && !counts(tsur));
        const tsurOpen = !counts(tsur);
        expect(event.reportedToTsur).toBe(tsurOpen ? null : tsur);
        expect(deadline).toBe(deptOpen ? event.deptDeadline : tsurOpen ? event.tsurDeadline : null);
      }),
    );
  });
});

describe('stamps earlier than their event (a page deleted, restored, and deleted again)', () => {
  // Deleted again on Friday 26.04.2024; the stamps are of the first deletion, in March.
  const AGAIN: Partial<Page> = {
    createdOn: '2023-09-01',
    deptReportedCreation: '2023-09-01',
    tsurReportedCreation: '2023-09-04',
    deletedOn: '2024-04-26',
    deptReportedDeletion: '2024-03-11',
    tsurReportedDeletion: '2024-03-12',
  };

  it('do not count: the deletion is not reported to the department nor to ЦУР', () => {
    const { events, deadline } = assessObligations(page(AGAIN), calendar, '2024-05-06');
    expect(events[0]).toMatchObject({ kind: 'creation', deptStatus: 'reportedInTime', tsurStatus: 'reportedInTime' });
    expect(events[1]).toMatchObject({
      kind: 'deletion',
      reportedToDept: null,
      reportedToTsur: null,
      deptStatus: 'overdue',
      tsurStatus: 'overdue',
      overdue: true,
    });
    expect(deadline).toBe('2024-05-02');
    // Nothing reached the coordinator: the delay is the department's (the ЦУР deadline is lost with it).
    expect(stateOf(AGAIN, '2024-05-06')).toBe(STATES.overdueDept);
  });

  it('a stamp on the event day or later counts as before', () => {
    const event = firstEvent(
      { ...CREATED, deptReportedCreation: '2024-04-26', tsurReportedCreation: '2024-04-25' },
      '2024-05-06',
    );
    expect(event).toMatchObject({ reportedToDept: '2024-04-26', reportedToTsur: null, tsurStatus: 'overdue' });
  });

  it('are named by a warning on their column', () => {
    expect(staleStamps(page(AGAIN)).map((stale) => stale.column)).toEqual([
      'deptReportedDeletion',
      'tsurReportedDeletion',
    ]);
    expect(staleStampProblems(page(AGAIN))).toEqual([
      {
        column: 'deptReportedDeletion',
        severity: 'warning',
        message:
          '«Сообщено в отдел (удаление)»: отметка 11.03.2024 раньше даты удаления 26.04.2024: она относится к прежнему ' +
          'событию и не учитывается. Поставьте дату, когда сообщено об этом событии.',
      },
      expect.objectContaining({ column: 'tsurReportedDeletion', severity: 'warning' }),
    ]);
    expect(staleStampProblems(page(CREATED))).toEqual([]);
  });
});

describe('rowState', () => {
  it('exports the «Состояние» texts', () => {
    expect(Object.values(STATES)).toEqual([
      'Ошибки заполнения',
      'Освобождение (п. 4)',
      'Просрочено: ЦУР',
      'Просрочено: отдел',
      'Срок сегодня',
      'В срок',
      'Сообщено с опозданием',
      'Просрочено: ЦУР (отдел сообщил поздно)',
      'Сообщено с опозданием (отдел сообщил поздно)',
      'Создана до вступления в силу',
      'Удалена до вступления в силу',
      'Удалена',
      'Сообщено',
      'Нет данных',
    ]);
  });

  const REPORTED_CREATION = { ...CREATED, deptReportedCreation: '2024-04-26', tsurReportedCreation: '2024-04-27' };
  // Deleted on Wednesday 15.05.2024: deadlines 17.05 (department) and 20.05 (ЦУР).
  const DELETED = { ...REPORTED_CREATION, deletedOn: '2024-05-15' };

  it.each([
    ['no dates, no exemption', STATES.noData, {}, '2024-05-06'],
    ['a blank exemption is no exemption', STATES.noData, { exemptionBasis: '  ' }, '2024-05-06'],
    ['exemption, no dates', STATES.exemption, { exemptionBasis: 'Письмо ЦУР № 12' }, '2024-05-06'],
    [
      'both obligations overdue, nothing reached the coordinator: the department’s delay',
      STATES.overdueDept,
      CREATED,
      '2024-05-06',
    ],
    [
      'ЦУР overdue after the department reported late',
      STATES.overdueTsurDeptLate,
      { ...CREATED, deptReportedCreation: '2024-05-03' },
      '2024-05-06',
    ],
    [
      'created before the decree came into force, not reported',
      STATES.beforeDecree,
      { createdOn: '2019-03-01' },
      '2026-12-01',
    ],
    [
      'created before the decree, reported once',
      STATES.reported,
      { createdOn: '2019-03-01', tsurReportedCreation: '2026-12-01' },
      '2026-12-07',
    ],
    [
      'created and deleted before the decree',
      STATES.deletedBeforeDecree,
      { createdOn: '2019-03-01', deletedOn: '2021-06-01', tsurReportedCreation: '2026-12-01' },
      '2026-12-07',
    ],
    ['department overdue, ЦУР due today', STATES.overdueDept, CREATED, '2024-05-03'],
    [
      'ЦУР overdue after the department reported',
      STATES.overdueTsur,
      { ...CREATED, deptReportedCreation: '2024-04-27' },
      '2024-05-06',
    ],
    ['department due today', STATES.dueToday, CREATED, '2024-05-02'],
    ['ЦУР due today', STATES.dueToday, { ...CREATED, deptReportedCreation: '2024-04-27' }, '2024-05-03'],
    ['nothing due yet', STATES.onTime, CREATED, '2024-04-27'],
    [
      'all reported, each on its deadline day',
      STATES.reported,
      { ...CREATED, deptReportedCreation: '2024-05-02', tsurReportedCreation: '2024-05-03' },
      '2024-06-01',
    ],
    [
      'ЦУР told in time implies the department',
      STATES.reported,
      { ...CREATED, tsurReportedCreation: '2024-04-27' },
      '2024-06-01',
    ],
    [
      'ЦУР told on its deadline, so the department was late',
      STATES.reportedLateDept,
      { ...CREATED, tsurReportedCreation: '2024-05-03' },
      '2024-06-01',
    ],
    [
      'ЦУР told late',
      STATES.reportedLate,
      { ...CREATED, deptReportedCreation: '2024-04-27', tsurReportedCreation: '2024-05-06' },
      '2024-06-01',
    ],
    [
      'deleted, everything reported in time',
      STATES.deleted,
      { ...DELETED, deptReportedDeletion: '2024-05-17', tsurReportedDeletion: '2024-05-20' },
      '2024-06-01',
    ],
    [
      'deleted, the deletion reported late to the department',
      STATES.reportedLateDept,
      { ...DELETED, deptReportedDeletion: '2024-05-20', tsurReportedDeletion: '2024-05-20' },
      '2024-06-01',
    ],
    ['deleted, deletion open and not yet due', STATES.onTime, DELETED, '2024-05-16'],
    [
      'creation reported late, deletion still open: the open one decides',
      STATES.onTime,
      { ...CREATED, deptReportedCreation: '2024-05-06', tsurReportedCreation: '2024-05-06', deletedOn: '2024-05-31' },
      '2024-05-31',
    ],
    [
      'deletion overdue at ЦУР although the creation was fine',
      STATES.overdueTsur,
      { ...DELETED, deptReportedDeletion: '2024-05-15' },
      '2024-06-01',
    ],
  ] as const)('%s → %s', (_name, expected, fields, today) => {
    expect(stateOf(fields, today)).toBe(expected);
  });

  it('an event before the entry into force has no deadline and is never overdue', () => {
    const event = assessObligations(page({ createdOn: '2019-03-01' }), calendar, '2026-12-01').events[0];
    expect(event).toMatchObject({
      beforeDecree: true,
      overdue: false,
      deptStatus: 'beforeDecree',
      tsurStatus: 'beforeDecree',
    });
    expect(assessObligations(page({ createdOn: '2019-03-01' }), calendar, '2026-12-01').deadline).toBeNull();
    // The day itself is under the decree: an event on the entry into force counts from the next day.
    const onTheDay = assessObligations(page({ createdOn: '2023-09-05' }), calendar, '2026-12-01', '2023-09-05');
    expect(onTheDay.events[0]).toMatchObject({ beforeDecree: false, overdue: true });
    const dayBefore = assessObligations(page({ createdOn: '2023-09-04' }), calendar, '2026-12-01', '2023-09-05');
    expect(dayBefore.events[0]).toMatchObject({ beforeDecree: true, overdue: false });
  });

  it('filling errors win over everything', () => {
    expect(stateOf(CREATED, '2024-05-06', true)).toBe(STATES.errors);
    expect(stateOf({ exemptionBasis: 'Письмо' }, '2024-05-06', true)).toBe(STATES.errors);
    expect(stateOf({}, '2024-05-06', true)).toBe(STATES.errors);
  });
});
