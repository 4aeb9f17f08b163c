import { describe, expect, it } from '@jest/globals';
import { checkedKey, newStorageKey, thumbnailKeyOf } from './file.store.js';

describe('storage keys', () => {
  it('are year/month/uuid.ext in UTC, with the thumbnail beside the image', () => {
    const key = newStorageKey('jpg', new Date('2026-02-01T02:00:00+08:00'));
    expect(key).toMatch(/^2026\/01\/[0-9a-f-]{36}\.jpg$/);
    expect(thumbnailKeyOf(key)).toBe(key.replace(/\.jpg$/, '.thumb.webp'));
    expect(newStorageKey('pdf')).not.toBe(newStorageKey('pdf'));
  });

  it.each([
    '../../etc/passwd',
    '2026/01/../../x.jpg',
    '/2026/01/00000000-0000-0000-0000-000000000000.jpg',
    '2026/01/00000000-0000-0000-0000-000000000000.jpg/..',
    '2026\\01\\00000000-0000-0000-0000-000000000000.jpg',
    '2026/01/00000000-0000-0000-0000-000000000000.exe',
    '2026/01/现场照片.jpg',
    '',
  ])('refuses %j', (key) => {
    expect(() => checkedKey(key)).toThrow('not a storage key');
  });

  it('refuses an extension that is not a stored type', () => {
    expect(() => newStorageKey('html')).toThrow('not a storage key');
  });
});
