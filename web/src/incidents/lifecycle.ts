/** The server's lifecycle rule (pure): the console offers only the status changes it will accept. */
export { checkTransition, isOpen } from '@muster/contracts';
