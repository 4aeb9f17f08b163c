import { describe, expect, it } from '@jest/globals';
import { layoutWeek, mondayOf, zoneTime } from './week';

describe('on-call week view', () => {
  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-28')).toBe('2026-11-23'); // a Saturday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday ends the week
  });

  it('clips a shift to each zone-time day it spans', () => {
    // 08:30 Shanghai = 00:30Z.
    const week = layoutWeek(
      '2026-11-23',
      [
        {
          contactId: 'a',
          source: 'rotation',
          startsAt: '2026-11-23T00:30:00.000Z',
          endsAt: '2026-11-24T00:30:00.000Z',
        },
        {
          contactId: 'b',
          source: 'override',
          startsAt: '2026-11-24T00:30:00.000Z',
          endsAt: '2026-11-24T04:00:00.000Z',
        },
      ],
      'Asia/Shanghai',
    );
    expect(week).toHaveLength(7);
    expect(week[0]!.startsAt).toBe('2026-11-22T16:00:00.000Z');
    expect(week[0]!.slots).toEqual([
      {
        contactId: 'a',
        source: 'rotation',
        startsAt: '2026-11-23T00:30:00.000Z',
        endsAt: '2026-11-23T16:00:00.000Z',
      },
    ]);
    expect(
      week[1]!.slots.map((s) => [
        s.contactId,
        zoneTime(s.startsAt, 'Asia/Shanghai'),
        zoneTime(s.endsAt, 'Asia/Shanghai'),
      ]),
    ).toEqual([
      ['a', '00:00', '08:30'],
      ['b', '08:30', '12:00'],
    ]);
    expect(week[2]!.slots).toEqual([]);
  });
});
