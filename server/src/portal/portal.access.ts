import { ARTICLE_REVIEWER_ROLES, type Role } from '@muster/contracts';

/** The zone's staff write notices and knowledge articles; enterprises and responders do not. */
export const ARTICLE_AUTHORS: Role[] = ['zone_admin', 'commander', 'inspector'];
/** Who approves, rejects and withdraws (the service also refuses an author their own copy). */
export const ARTICLE_REVIEWERS: Role[] = [...ARTICLE_REVIEWER_ROLES];
