// Whether the links in call-out texts can be opened where they are read. Node built-ins only: this
// runs before `npm ci`.
import os from 'node:os';

/** Hosts that name the machine itself: a link to one opens only on that machine. */
function isLoopbackHost(hostname) {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '::' ||
    host === '0.0.0.0' ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/** This machine's IPv4 addresses on its networks, to suggest a PUBLIC_URL phones may reach. */
export function networkAddresses(interfaces = os.networkInterfaces()) {
  return Object.values(interfaces)
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

/**
 * The warning to print when call-outs would carry links to this machine only, or null. The
 * response link in every call-out SMS and (with a real Twilio account) the webhooks Twilio calls
 * are built from PUBLIC_URL, and a phone cannot open `localhost`: it would mean the phone itself.
 *
 * @param {{ publicUrl?: string, port: string | number, emulator: boolean, addresses?: string[] }} options
 *   publicUrl as set (unset: the server's default, http://localhost:PORT); emulator: the texts go
 *   to the local Twilio emulator rather than to real phones.
 * @returns {string[] | null} the lines of the warning
 */
export function localLinkWarning({ publicUrl, port, emulator, addresses = [] }) {
  const url = publicUrl || `http://localhost:${port}`;
  let hostname;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return null; // the server refuses a malformed PUBLIC_URL itself, naming it
  }
  if (!isLoopbackHost(hostname)) return null;
  const example = `PUBLIC_URL=http://${addresses[0] ?? '192.168.1.20'}:${port} npm start`;
  return [
    `WARNING: call-out SMS will carry links to ${url}${publicUrl ? '' : ' (PUBLIC_URL is not set)'},`,
    '  which a phone cannot open: on a phone, that address is the phone itself.',
    emulator
      ? '  The phone simulator on this machine opens them; real phones would not.'
      : '  Twilio cannot reach it either: its webhooks (delivery reports, calls) would fail.',
    '  Set PUBLIC_URL to the address phones reach this server at, for example',
    `    ${example}${addresses.length ? '   (this machine on its network)' : ''}`,
    '  or your HTTPS domain in production (README.md, "Call-outs without real phones").',
  ];
}
