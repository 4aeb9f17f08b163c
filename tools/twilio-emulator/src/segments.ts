/**
 * How many SMS segments a body takes, as Twilio counts them (`num_segments`).
 *
 * GSM-7 when every character is in the GSM 03.38 default alphabet or its extension table (an
 * extension character costs two septets, escape + character): 160 septets in one segment, 153 per
 * segment when concatenated (the UDH takes the rest), and an escape pair is never split across
 * segments. Otherwise UCS-2 (any Chinese character forces it): 70 UTF-16 code units in one
 * segment, 67 per segment when concatenated, and a surrogate pair is never split.
 */

// GSM 03.38 basic character set (the 128 code points, as Unicode).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Extension table, reached through the escape character: two septets each.
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentInfo {
  encoding: SmsEncoding;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole body. */
  units: number;
}

export function isGsm7(body: string): boolean {
  for (const ch of body) {
    if (!basic.has(ch) && !extended.has(ch)) return false;
  }
  return true;
}

export function smsSegments(body: string): SegmentInfo {
  if (body.length === 0) return { encoding: 'GSM-7', segments: 1, units: 0 };
  if (isGsm7(body)) {
    const sizes = [...body].map((ch) => (extended.has(ch) ? 2 : 1));
    return { encoding: 'GSM-7', ...pack(sizes, 160, 153) };
  }
  // Iterating a string yields code points: a surrogate pair is one item of two code units.
  const sizes = [...body].map((ch) => ch.length);
  return { encoding: 'UCS-2', ...pack(sizes, 70, 67) };
}

export function countSegments(body: string): number {
  return smsSegments(body).segments;
}

/** Packs indivisible items of the given sizes into segments. */
function pack(sizes: number[], single: number, multi: number): { segments: number; units: number } {
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units <= single) return { segments: 1, units };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > multi) {
      segments++;
      used = 0;
    }
    used += size;
  }
  return { segments, units };
}
