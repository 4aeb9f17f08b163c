/** The Socket.IO room of an incident: everyone who joined it. */
export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
/** Zone roles watching every incident (the commander's overview map). */
export const OVERVIEW_ROOM = 'overview';
/** Every socket of one user: their notifications, and closing them all when their tokens are revoked. */
export const userRoom = (userId: string) => `user:${userId}`;
