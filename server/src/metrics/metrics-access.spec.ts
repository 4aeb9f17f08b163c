import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../config/config.js';
import { hasMetricsToken, metricsOnMainPort } from './metrics-access.js';

const TOKEN = 'metrics-scraper-token-0123456789';

describe('who may read /metrics', () => {
  it('is served on the application port outside production, or behind a token', () => {
    expect(metricsOnMainPort({ NODE_ENV: 'development' })).toBe(true);
    expect(metricsOnMainPort({ NODE_ENV: 'test' })).toBe(true);
    expect(metricsOnMainPort({ NODE_ENV: 'production' })).toBe(false);
    expect(metricsOnMainPort({ NODE_ENV: 'production', METRICS_TOKEN: TOKEN })).toBe(true);
    // A port of its own takes it off the application port, token or not.
    expect(metricsOnMainPort({ NODE_ENV: 'development', METRICS_PORT: 9464 })).toBe(false);
    expect(metricsOnMainPort({ NODE_ENV: 'production', METRICS_PORT: 9464, METRICS_TOKEN: TOKEN })).toBe(
      false,
    );
  });

  it('takes only the configured bearer token, when there is one', () => {
    const config = { NODE_ENV: 'production' as const, METRICS_TOKEN: TOKEN };
    expect(hasMetricsToken(config, `Bearer ${TOKEN}`)).toBe(true);
    expect(hasMetricsToken(config, `bearer ${TOKEN}`)).toBe(true);
    expect(hasMetricsToken(config, undefined)).toBe(false);
    expect(hasMetricsToken(config, TOKEN)).toBe(false);
    expect(hasMetricsToken(config, `Bearer ${TOKEN.slice(1)}`)).toBe(false);
    expect(hasMetricsToken({ NODE_ENV: 'development' }, undefined)).toBe(true);
  });

  it('refuses a short token and a metrics port that is the application port', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '3000', METRICS_PORT: '3000' })).toThrow(
      /METRICS_PORT: must differ from PORT/,
    );
    expect(loadConfig({ PORT: '3000', METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
  });
});
