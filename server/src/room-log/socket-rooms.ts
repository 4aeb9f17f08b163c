/** The Socket.IO room of an incident: everyone who joined it. */
export const incidentRoom = (incidentId: string) => `incident:${incidentId}`;
/** Zone roles watching every incident (the commander's overview map). */
export const OVERVIEW_ROOM = 'overview';
