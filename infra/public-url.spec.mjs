import { describe, expect, it } from '@jest/globals';
import { localLinkWarning, networkAddresses } from './public-url.mjs';

describe('localLinkWarning', () => {
  it.each([
    [undefined],
    ['http://localhost:3000'],
    ['http://LOCALHOST:3000/'],
    ['http://muster.localhost:3000'],
    ['http://127.0.0.1:3000'],
    ['http://127.1.2.3'],
    ['http://[::1]:3000'],
    ['http://0.0.0.0:3000'],
  ])('warns when call-out links would point at this machine only (%s)', (publicUrl) => {
    const lines = localLinkWarning({ publicUrl, port: 3000, emulator: false, addresses: ['10.0.0.7'] });
    expect(lines).not.toBeNull();
    const text = lines.join('\n');
    expect(text).toContain(publicUrl ?? 'http://localhost:3000');
    // What to set, and an address that would work.
    expect(text).toContain('PUBLIC_URL=http://10.0.0.7:3000 npm start');
  });

  it('says when PUBLIC_URL is unset, and that the server falls back to localhost', () => {
    const text = localLinkWarning({ publicUrl: '', port: 4000, emulator: false }).join('\n');
    expect(text).toContain('http://localhost:4000 (PUBLIC_URL is not set)');
  });

  it('tells a demo with the emulator that its phone simulator still works, and a real account that Twilio cannot call back', () => {
    const demo = localLinkWarning({ port: 3000, emulator: true }).join('\n');
    const real = localLinkWarning({ port: 3000, emulator: false }).join('\n');
    expect(demo).toMatch(/phone simulator/);
    expect(real).toMatch(/Twilio cannot reach it/);
  });

  it.each([
    ['http://192.168.1.20:3000'],
    ['https://muster.example.com'],
    ['http://10.0.0.7:3000'],
    ['http://127.example.com'],
  ])('is silent for an address phones can reach (%s)', (publicUrl) => {
    expect(localLinkWarning({ publicUrl, port: 3000, emulator: false })).toBeNull();
  });
});

describe('networkAddresses', () => {
  it("lists the machine's external IPv4 addresses only", () => {
    expect(
      networkAddresses({
        lo: [{ family: 'IPv4', address: '127.0.0.1', internal: true }],
        eth0: [
          { family: 'IPv4', address: '192.168.3.14', internal: false },
          { family: 'IPv6', address: 'fe80::1', internal: false },
        ],
      }),
    ).toEqual(['192.168.3.14']);
  });
});
