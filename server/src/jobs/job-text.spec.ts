import { describe, expect, it } from '@jest/globals';
import { JOB_TEXT, QUEUE_TEXT } from '@muster/contracts';
import { JobName, QueueName } from './job.types.js';

/** The queue page and the records name the system's work by what it does, never by its id. */
describe('job and queue words', () => {
  it('has words for every queue and every job', () => {
    expect(Object.values(QueueName).filter((q) => !QUEUE_TEXT[q])).toEqual([]);
    expect(Object.values(JobName).filter((j) => !JOB_TEXT[j])).toEqual([]);
  });
});
