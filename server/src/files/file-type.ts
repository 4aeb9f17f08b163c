/** The types Muster accepts, recognised by their first bytes: a file's name proves nothing. */
export type AcceptedMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

export const EXTENSION: Record<AcceptedMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};

export function sniffMime(b: Buffer): AcceptedMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (
    b.length >= 8 &&
    b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'image/png';
  }
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

export function isImage(mime: AcceptedMime): boolean {
  return mime.startsWith('image/');
}

/**
 * Why an uploaded file name is refused, or null. Names are only displayed, never used as paths,
 * but a name that tries to climb directories or hide control characters is an attack or a
 * broken client either way, and is refused rather than silently "cleaned".
 */
export function fileNameProblem(name: string): string | null {
  if (!name || !name.trim()) return 'name is empty';
  if (name.length > 200) return 'name is longer than 200 characters';
  if (/[/\\]/.test(name)) return 'name must not contain path separators';
  if (name === '.' || name === '..' || name.includes('..')) return 'name must not contain ".."';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'name must not contain control characters';
  return null;
}
