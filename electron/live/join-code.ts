import { randomBytes } from 'node:crypto';

/*
 * The join code a facilitator reads out or shows on the projector, and a participant types into Session > Join
 * Live Session: where the host listens and the session's one-time secret, in one line a person can type without
 * mistakes, e.g. `192.168.1.20:41234-ABCD-EFGH-JKLM-NPQR`.
 *
 * The secret is 80 random bits written in Crockford's base32 (16 characters in groups of four): no I, L, O or U, so
 * there is nothing to confuse, and reading is forgiving, the way Crockford specifies: any case, I and L read as 1,
 * O as 0, spaces and dashes anywhere. 80 bits cannot be guessed online (the server refuses an address after a few
 * wrong tries, failed-join-limiter.ts); the code is worth only as much as the room it is shown in.
 *
 * Nothing here depends on the app: the participant's side parses the code with the same module.
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Bits of randomness in a session secret. */
export const SECRET_BITS = 80;
/** Characters of a secret: 5 bits each. */
export const SECRET_LENGTH = SECRET_BITS / 5;

export interface JoinCode {
  /** An IPv4 address, an IPv6 address (without brackets) or a host name. */
  readonly host: string;
  readonly port: number;
  /** The secret in canonical form: SECRET_LENGTH upper-case Crockford characters, no dashes. */
  readonly secret: string;
}

export type JoinCodeProblem = 'empty' | 'address' | 'port' | 'secret';

export type ParsedJoinCode =
  | { readonly ok: true; readonly value: JoinCode }
  | { readonly ok: false; readonly problem: JoinCodeProblem; readonly message: string };

/** A new session secret, in canonical form. */
export function generateSecret(): string {
  return encodeCrockford(randomBytes(SECRET_BITS / 8));
}

/** The code as it is shown: `host:port-XXXX-XXXX-XXXX-XXXX` (IPv6 in brackets). */
export function encodeJoinCode(code: JoinCode): string {
  const secret = canonicalSecret(code.secret);
  if (secret === null) throw new Error('The secret is not a session secret.');
  if (!validPort(code.port)) throw new Error(`Port ${code.port} is not a TCP port.`);
  const host = code.host.includes(':') ? `[${code.host}]` : code.host;
  return `${host}:${code.port}-${secret.match(/.{4}/g)!.join('-')}`;
}

/**
 * Reads a code as typed: case, spaces and dashes do not matter, nor a confusable letter in the secret. Anything
 * else comes back as a problem with a sentence for the person who typed it.
 */
export function parseJoinCode(text: string): ParsedJoinCode {
  const trimmed = text.trim();
  if (trimmed === '') return refuse('empty', 'Type the join code the facilitator shows.');
  // The address ends at the last ':' before the port (IPv6 needs its brackets for that), and a dash or a space
  // must follow the port: without one, "8080" followed by a secret starting with digits would be ambiguous.
  const match = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]\s]+)\s*:\s*(\d{1,5})(?:[\s-]+([\s\S]*))?$/.exec(trimmed);
  if (!match) {
    return refuse('address', 'A join code looks like 192.168.1.20:41234-ABCD-EFGH-JKLM-NPQR: the address, a colon, the port, a dash, then the secret.');
  }
  const [, rawHost = '', rawPort = '', rawSecret = ''] = match;
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1).toLowerCase() : rawHost.toLowerCase();
  if (!validHost(host)) return refuse('address', `"${rawHost}" is not a network address.`);
  const port = Number(rawPort);
  if (!validPort(port)) return refuse('port', `${rawPort} is not a port (1 to 65535).`);
  const secret = canonicalSecret(rawSecret);
  if (secret === null) {
    return refuse('secret', `The secret after the port must be ${SECRET_LENGTH} letters and digits (dashes and spaces do not matter).`);
  }
  return { ok: true, value: { host, port, secret } };
}

/**
 * A secret as typed, in canonical form, or null if it is not one: exactly SECRET_LENGTH Crockford characters once
 * dashes and spaces are gone, any case, with I/L read as 1 and O as 0.
 */
export function canonicalSecret(text: string): string | null {
  const cleaned = text.replace(/[\s-]+/g, '').toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0');
  if (cleaned.length !== SECRET_LENGTH) return null;
  for (const char of cleaned) if (!CROCKFORD_ALPHABET.includes(char)) return null;
  return cleaned;
}

function encodeCrockford(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += CROCKFORD_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/** IPv4 dotted quad, IPv6 (colons and hex) or a DNS name (`laptop.local`). */
function validHost(host: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host.split('.').every((part) => Number(part) <= 255);
  if (host.includes(':')) return /^[0-9a-f:.]+$/.test(host) && host.split(':').length >= 3;
  if (/^[\d.]+$/.test(host)) return false;
  return host.length <= 253 && host.split('.').every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

function refuse(problem: JoinCodeProblem, message: string): ParsedJoinCode {
  return { ok: false, problem, message };
}
