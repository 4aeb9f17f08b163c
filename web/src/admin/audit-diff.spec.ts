import { describe, expect, it } from '@jest/globals';
import { changedFields, formatJson } from './audit-diff';

describe('changedFields', () => {
  it('names the top-level fields whose values differ', () => {
    expect(
      changedFields(
        { name: 'A', active: true, role: 'commander' },
        { name: 'A', active: false, role: 'inspector' },
      ),
    ).toEqual(['active', 'role']);
  });

  it('compares nested values by content, not identity', () => {
    const before = { location: { lat: 33.99, lng: 116.83 }, tags: ['a'] };
    expect(changedFields(before, { location: { lat: 33.99, lng: 116.83 }, tags: ['a'] })).toEqual([]);
    expect(changedFields(before, { location: { lat: 33.98, lng: 116.83 }, tags: ['a'] })).toEqual([
      'location',
    ]);
  });

  it('lists every field of a created or deleted record', () => {
    expect(changedFields(null, { b: 1, a: 2 })).toEqual(['a', 'b']);
    expect(changedFields({ a: 1 }, null)).toEqual(['a']);
  });

  it('finds nothing to compare when neither side is a record', () => {
    expect(changedFields(null, null)).toEqual([]);
    expect(changedFields('x', 'y')).toEqual([]);
  });
});

describe('formatJson', () => {
  it('indents documents and leaves absent ones empty', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson(null)).toBe('');
  });
});
