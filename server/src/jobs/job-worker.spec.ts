import { describe, expect, it } from '@jest/globals';
import { checkHandlers } from './job-worker.service.js';
import { JobName } from './job.types.js';

describe('one handler per job, checked at boot', () => {
  const all = Object.values(JobName).map((name, i) => ({ name, where: `H${i}.run` }));

  it('accepts exactly one handler for every job', () => {
    expect(checkHandlers(all)).toEqual([]);
  });

  it('names a job without a handler', () => {
    expect(checkHandlers(all.slice(1))).toEqual([`job ${all[0]!.name} has no handler`]);
  });

  it('names a job with two handlers and where they are', () => {
    const twice = [...all, { name: all[0]!.name, where: 'Other.run' }];
    expect(checkHandlers(twice)).toEqual([`job ${all[0]!.name} has 2 handlers: H0.run, Other.run`]);
  });

  it('names a handler of a job that does not exist', () => {
    expect(checkHandlers([...all, { name: 'nope', where: 'X.y' }])).toEqual(['X.y handles unknown job nope']);
  });
});
