import { describe, expect, it } from '@jest/globals';
import { processCount } from './cluster.js';
import { ConfigError } from './config/config.js';

describe('processCount', () => {
  it('is one unless the variable names a whole number of processes', () => {
    expect(processCount('WEB_CONCURRENCY', {})).toBe(1);
    expect(processCount('WEB_CONCURRENCY', { WEB_CONCURRENCY: '' })).toBe(1);
    expect(processCount('WEB_CONCURRENCY', { WEB_CONCURRENCY: ' 4 ' })).toBe(4);
    expect(processCount('WORKER_CONCURRENCY', { WORKER_CONCURRENCY: '64' })).toBe(64);
  });

  it.each(['0', '-2', '1.5', 'auto', '65'])(
    'refuses %s as a configuration error naming the variable',
    (value) => {
      expect(() => processCount('WORKER_CONCURRENCY', { WORKER_CONCURRENCY: value })).toThrow(ConfigError);
      expect(() => processCount('WORKER_CONCURRENCY', { WORKER_CONCURRENCY: value })).toThrow(
        /WORKER_CONCURRENCY: must be a whole number from 1 to 64/,
      );
    },
  );
});
