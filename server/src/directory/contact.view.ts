import type { ContactView } from '@muster/contracts';
import type { Contact } from './contact.entity.js';

export function mapContact(c: Contact): ContactView {
  return {
    id: c.id,
    enterpriseId: c.enterpriseId,
    name: c.name,
    organization: c.organization,
    post: c.post,
    phones: c.phones,
    skills: c.skills,
    certifications: c.certifications,
    language: c.language,
    userId: c.userId,
    notes: c.notes,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
