/**
 * The one door from the web console to the server's wire contracts. Every web module imports the
 * API shapes from here, so the console and the server cannot drift apart, and the path to the
 * server's sources is spelled once (plain relative path: it resolves the same in Vite, tsc and
 * Jest without any alias configuration).
 */
export * from '../../server/src/contracts/index.js';
// The queue views concern the admin pages only, so the shared contract index leaves them out.
export * from '../../server/src/contracts/queues.js';
