import type { Certification, ContactView } from '../contracts';
import type { ContactInput } from './api';

/** The contact form edits lists as text: "a; b" and one certification per line. */
export interface ContactDraft {
  name: string;
  organization: string;
  post: string;
  phones: string;
  skills: string;
  certifications: string;
  language: 'zh-CN' | 'en';
  notes: string;
}

export function toContactDraft(c: ContactView | null): ContactDraft {
  return {
    name: c?.name ?? '',
    organization: c?.organization ?? '',
    post: c?.post ?? '',
    phones: c?.phones.join('; ') ?? '',
    skills: c?.skills.join('; ') ?? '',
    certifications: (c?.certifications ?? []).map(certificationText).join('\n'),
    language: c?.language ?? 'zh-CN',
    notes: c?.notes ?? '',
  };
}

const split = (v: string) =>
  v
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

export function fromContactDraft(d: ContactDraft): ContactInput {
  return {
    name: d.name.trim(),
    organization: d.organization.trim(),
    post: d.post.trim(),
    phones: split(d.phones),
    skills: split(d.skills),
    certifications: d.certifications
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line): Certification => {
        const [name = '', number = '', expiresOn = '', operationType = '', issuedOn = '', reviewedOn = ''] =
          line.split('|').map((s) => s.trim());
        return {
          name,
          number: number || null,
          expiresOn: expiresOn || null,
          ...(operationType || issuedOn || reviewedOn
            ? {
                operationType: operationType || null,
                issuedOn: issuedOn || null,
                reviewedOn: reviewedOn || null,
              }
            : {}),
        };
      }),
    language: d.language,
    notes: d.notes.trim(),
  };
}

/** The worst state of a contact's certificates on `today` (YYYY-MM-DD): within 30 days is expiring. */
export function certificationAlert(
  c: Pick<ContactView, 'certifications'>,
  today: string,
): 'ok' | 'expiring' | 'expired' {
  const horizon = new Date(`${today}T00:00:00Z`);
  horizon.setUTCDate(horizon.getUTCDate() + 30);
  const limit = horizon.toISOString().slice(0, 10);
  let alert: 'ok' | 'expiring' | 'expired' = 'ok';
  for (const x of c.certifications) {
    if (!x.expiresOn) continue;
    if (x.expiresOn < today) return 'expired';
    if (x.expiresOn <= limit) alert = 'expiring';
  }
  return alert;
}

/** A certificate as one `name|number|expiry` entry; a special operation one adds `|type|issued|reviewed`. */
function certificationText(x: Certification): string {
  const base = [x.name, x.number ?? '', x.expiresOn ?? ''];
  const special = x.operationType || x.issuedOn || x.reviewedOn;
  return (special ? [...base, x.operationType ?? '', x.issuedOn ?? '', x.reviewedOn ?? ''] : base).join('|');
}
