import { randomUUID } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

/**
 * argon2id at the OWASP minimum (19 MiB, 2 passes, 1 lane): strong enough for a portal
 * whose accounts are issued by an administrator, cheap enough to keep tests quick.
 * `algorithm: 2` is `Algorithm.Argon2id`; the enum is an ambient const enum, which
 * `isolatedModules` cannot inline.
 */
const ARGON2ID_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export async function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/** False for a wrong password and for a malformed hash: a broken row must not lock the caller out with a 500. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of nothing anyone knows, made with the same parameters as real ones. Login checks
 * unknown usernames against it so that they cost as long as a wrong password and cannot be
 * told apart by timing.
 */
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}
