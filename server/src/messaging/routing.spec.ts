import { describe, expect, it } from '@jest/globals';
import { numberKind, parseRoutes, providersFor, takesSms } from './routing.js';

describe('routing by number', () => {
  it('tells mainland mobiles, mainland landlines and other numbers apart', () => {
    expect(numberKind('+8613912345678')).toBe('cn_mobile');
    expect(numberKind('+865512345678')).toBe('cn_landline');
    expect(numberKind('+861012345678')).toBe('cn_mobile');
    expect(numberKind('+8601012345678')).toBe('foreign');
    expect(numberKind('+447700900123')).toBe('foreign');
    expect(takesSms('+865512345678')).toBe(false);
    expect(takesSms('+8613912345678')).toBe(true);
  });

  it('routes by the configured order, leaving out providers not configured', () => {
    const routes = parseRoutes('cn_mobile=tencent,twilio;cn_landline=tencent;foreign=twilio');
    const all = () => true;
    expect(providersFor(routes, '+8613912345678', 'sms', all)).toEqual(['tencent', 'twilio']);
    expect(providersFor(routes, '+8613912345678', 'sms', (n) => n === 'twilio')).toEqual(['twilio']);
    expect(providersFor(routes, '+865512345678', 'voice', all)).toEqual(['tencent']);
    expect(providersFor(routes, '+865512345678', 'sms', all)).toEqual([]);
    expect(providersFor(routes, '+447700900123', 'voice', all)).toEqual(['twilio']);
  });

  it('refuses an unknown kind of number or provider', () => {
    expect(() => parseRoutes('mobile=tencent')).toThrow('unknown kind');
    expect(() => parseRoutes('foreign=aliyun')).toThrow('unknown provider');
  });
});
