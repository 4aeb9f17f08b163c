/**
 * The architecture's rules, checked by `npm run lint` (and so by CI). docs/architecture.md says
 * what each part is; these rules keep the parts apart. Run `npm run lint:deps` alone to see them.
 */
const HTTP_FRONT = '\\.(controller|gateway|http\\.module)\\.ts$';
/** Files that are the server's HTTP side as a whole, not a domain's. */
const SERVER_EDGE = [
  HTTP_FRONT,
  '^server/src/(app\\.module|app\\.setup|main|shutdown|web-dist)\\.ts$',
  '^server/src/(health|metrics)/',
];
const SPECS = '\\.spec\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-http-front',
      comment:
        'A domain core (services, repositories, jobs) never imports a controller, gateway or HTTP module: the worker boots the cores and must get no route, and a service must work without a request.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: [...SERVER_EDGE, SPECS] },
      to: { path: [HTTP_FRONT, '^server/src/(app\\.module|app\\.setup)\\.ts$'] },
    },
    {
      name: 'core-imports-no-express',
      comment:
        'Domain cores know nothing of Express or multer: requests and uploads are the HTTP front’s business (types alone are allowed, they vanish at build).',
      severity: 'error',
      from: {
        path: '^server/src/',
        pathNot: [
          ...SERVER_EDGE,
          '\\.dto\\.ts$',
          '^server/src/common/(tabular|uuid-param|validation|input-guard|http-exception\\.filter|request-context\\.interceptor)\\.ts$',
          SPECS,
        ],
      },
      to: {
        path: 'node_modules/(express|multer|@nestjs/platform-express)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-imports-no-dto',
      comment:
        'DTO files carry class-validator and Swagger decorators for the HTTP front; a core may use their types, never their code (view mappers live in <thing>.view.ts).',
      severity: 'error',
      from: { path: '^server/src/', pathNot: [...SERVER_EDGE, '\\.dto\\.ts$', SPECS] },
      to: { path: '\\.dto\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-imports-only-contracts',
      comment:
        'The web console talks to the server through the API and the contracts package only: importing server code would bundle it into the browser and tie the two releases together.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(server|worker|tools|test)/' },
    },
    {
      name: 'contracts-import-no-runtime',
      comment:
        'The contracts package is types and pure rules shared by every side: it imports nothing outside itself, so it runs unchanged in Node and in the browser.',
      severity: 'error',
      from: { path: '^contracts/src/', pathNot: SPECS },
      to: { pathNot: '^contracts/src/' },
    },
    {
      name: 'worker-reaches-no-http',
      comment: 'The worker serves nothing: no path from its entry point may lead to an HTTP front.',
      severity: 'error',
      from: { path: '^worker/src/main\\.ts$' },
      to: { path: HTTP_FRONT, reachable: true },
    },
    {
      name: 'no-foreign-entities',
      comment:
        'A domain reads another domain’s records through that domain’s exported, scoped finders, never its entities or tables: scope and invariants stay in one place.',
      severity: 'error',
      from: { path: '^server/src/([^/]+)/', pathNot: [SPECS, '^server/src/(database|demo)/'] },
      to: { path: '^server/src/([^/]+)/.+\\.entit(y|ies)\\.ts$', pathNot: '^server/src/$1/' },
    },
    {
      name: 'no-cycles-between-domains',
      comment:
        'Domains depend one way: a cycle between two domain folders means neither can change alone (checked on the graph collapsed to folders).',
      severity: 'error',
      from: { path: '^server/src/[^/]+$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
    combinedDependencies: true,
  },
};
