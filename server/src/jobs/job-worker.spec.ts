import { describe, expect, it } from '@jest/globals';
import { UnrecoverableError } from 'bullmq';
import { QueryFailedError } from 'typeorm';
import { ConflictError, NotFoundError } from '../common/domain-errors.js';
import { checkHandlers, jobFailure } from './job-worker.service.js';
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

describe('send limiter', () => {
  it('spreads the rate over tenths of a second', async () => {
    const { sendLimiter } = await import('./job-worker.service.js');
    expect(sendLimiter(5)).toEqual({ max: 1, duration: 200 });
    expect(sendLimiter(10)).toEqual({ max: 1, duration: 100 });
    expect(sendLimiter(100)).toEqual({ max: 10, duration: 100 });
    expect(sendLimiter(2000)).toEqual({ max: 200, duration: 100 });
  });
});

describe('a job failure: permanent or transient', () => {
  it('fails a job at once on a domain error, keeping its reason', () => {
    const failed = jobFailure(new NotFoundError('Call-out not found'));
    expect(failed).toBeInstanceOf(UnrecoverableError);
    expect((failed as Error).message).toBe('NotFoundError: Call-out not found');
    expect(jobFailure(new ConflictError('already released'))).toBeInstanceOf(UnrecoverableError);
  });

  it('retries a lost database connection or any other infrastructure failure', () => {
    const lost = new Error('Connection terminated unexpectedly');
    expect(jobFailure(lost)).toBe(lost);
    const refused = new QueryFailedError(
      'SELECT 1',
      [],
      new Error('terminating connection due to administrator command'),
    );
    expect(jobFailure(refused)).toBe(refused);
  });
});
