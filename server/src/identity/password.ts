import argon2 from 'argon2';

// argon2id with the library's defaults (64 MiB, t=3): OWASP's recommended parameters.
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

/**
 * Verified against when the email is unknown, so that a wrong email and a wrong password take
 * the same time and the response time does not reveal which accounts exist.
 */
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  return prepareDummyHash()
    .then((h) => verifyPassword(h, password))
    .then(() => false);
}

/** Called at boot, so that not even the first unknown email costs a hash more than a known one. */
export function prepareDummyHash(): Promise<string> {
  return (dummyHash ??= hashPassword('not-a-real-password'));
}
