/**
 * Decree 493 grading, straight from the server's module (pure, no Node dependencies): the form
 * shows the same grade the server will give, with one rule in one place.
 */
export { gradeSeverity, higherSeverity, SEVERITY_RANK } from '@muster/contracts';
