import { describe, expect, it } from '@jest/globals';
import { fileNameProblem, sniffMime } from './file-type.js';

describe('file type by content', () => {
  it('recognises JPEG, PNG, WebP and PDF by their magic bytes', () => {
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMime(Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffMime(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffMime(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffMime(Buffer.from('RIFF\x24\x00\x00\x00WAVE', 'latin1'))).toBeNull();
    expect(sniffMime(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffMime(Buffer.alloc(0))).toBeNull();
  });
});

describe('uploaded file names', () => {
  it.each(['现场照片.jpg', 'IMG_0001.JPG', 'report v2.pdf', 'a.b.c.png'])('accepts %s', (n) => {
    expect(fileNameProblem(n)).toBeNull();
  });
  it.each([
    ['../../etc/passwd', 'separators'],
    ['..\\..\\boot.ini', 'separators'],
    ['/etc/passwd', 'separators'],
    ['..', '".."'],
    ['photo..jpg', '".."'],
    ['a\u0000.jpg', 'control'],
    ['', 'empty'],
  ])('refuses %j (%s)', (n, why) => {
    expect(fileNameProblem(n)).toContain(why);
  });
});
