/**
 * The one door from the web console to the wire contracts: every web module imports the API
 * shapes and the shared pure rules from here, so the console and the server cannot drift apart.
 */
export * from '@muster/contracts';
