import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalSecret, CROCKFORD_ALPHABET, encodeJoinCode, generateSecret, parseJoinCode, SECRET_LENGTH } from '../../../../electron/live/join-code';
import { encodeJoinToken, MAX_NAME_LENGTH, parseJoinToken, resumeKeyDigest } from '../../../../electron/live/join-token';

/* The join code a person types (join-code.ts) and the token a participant's app sends (join-token.ts). */

describe('join code', () => {
  it('writes address, port and an 80-bit secret in groups of four', () => {
    const secret = generateSecret();
    expect(secret).toHaveLength(SECRET_LENGTH);
    expect(SECRET_LENGTH * 5).toBeGreaterThanOrEqual(80);
    expect([...secret].every((c) => CROCKFORD_ALPHABET.includes(c))).toBe(true);
    expect(encodeJoinCode({ host: '192.168.1.20', port: 41234, secret: 'ABCDEFGHJKMNPQRS' })).toBe('192.168.1.20:41234-ABCD-EFGH-JKMN-PQRS');
    expect(encodeJoinCode({ host: 'fe80::1', port: 8080, secret: 'ABCDEFGHJKMNPQRS' })).toBe('[fe80::1]:8080-ABCD-EFGH-JKMN-PQRS');
    expect(() => encodeJoinCode({ host: '10.0.0.1', port: 0, secret })).toThrow();
    expect(() => encodeJoinCode({ host: '10.0.0.1', port: 1, secret: 'short' })).toThrow();
  });

  it('secrets are random', () => {
    const seen = new Set(Array.from({ length: 200 }, generateSecret));
    expect(seen.size).toBe(200);
  });

  it('reads back what it writes, for any address, port and secret', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 65535 }), (host, port) => {
        const secret = generateSecret();
        expect(parseJoinCode(encodeJoinCode({ host, port, secret }))).toEqual({ ok: true, value: { host, port, secret } });
      }),
    );
  });

  it('forgives case, spaces, dashes and confusable letters, as people type it', () => {
    const want = { ok: true, value: { host: '192.168.1.20', port: 41234, secret: '1BCD0FGH1KMNPQRS' } };
    for (const typed of [
      '192.168.1.20:41234-1BCD-0FGH-1KMN-PQRS',
      '  192.168.1.20:41234 - 1bcd 0fgh 1kmn pqrs ',
      '192.168.1.20 : 41234 iBCDoFGHLKMNPQRS',
      '192.168.1.20:41234--1BCD-0FGH-1KMN-PQRS',
      '192.168.1.20:41234\n1BCD-0FGH\t1KMN-PQRS',
    ]) {
      expect(parseJoinCode(typed)).toEqual(want);
    }
    expect(parseJoinCode('[FE80::1]:8080-ABCD-EFGH-JKMN-PQRS')).toEqual({ ok: true, value: { host: 'fe80::1', port: 8080, secret: 'ABCDEFGHJKMNPQRS' } });
    expect(parseJoinCode('laptop.local:8080-ABCD-EFGH-JKMN-PQRS')).toEqual({ ok: true, value: { host: 'laptop.local', port: 8080, secret: 'ABCDEFGHJKMNPQRS' } });
    expect(parseJoinCode('my-laptop:8080-ABCD-EFGH-JKMN-PQRS')).toMatchObject({ ok: true, value: { host: 'my-laptop' } });
  });

  it('says what is wrong with anything else', () => {
    const problems: Array<[string, string]> = [
      ['', 'empty'],
      ['   ', 'empty'],
      ['hello', 'address'],
      ['ABCD-EFGH-JKMN-PQRS', 'address'],
      ['192.168.1.20-ABCD-EFGH-JKMN-PQRS', 'address'],
      ['192.168.1.20:41234ABCDEFGHJKMNPQRS', 'address'],
      ['999.168.1.20:41234-ABCD-EFGH-JKMN-PQRS', 'address'],
      ['1.2.3:41234-ABCD-EFGH-JKMN-PQRS', 'address'],
      ['bad_host!:41234-ABCD-EFGH-JKMN-PQRS', 'address'],
      ['[zz::1]:41234-ABCD-EFGH-JKMN-PQRS', 'address'],
      ['192.168.1.20:0-ABCD-EFGH-JKMN-PQRS', 'port'],
      ['192.168.1.20:70000-ABCD-EFGH-JKMN-PQRS', 'port'],
      ['192.168.1.20:41234', 'secret'],
      ['192.168.1.20:41234-ABCD-EFGH-JKMN', 'secret'],
      ['192.168.1.20:41234-ABCD-EFGH-JKMN-PQRST', 'secret'],
      ['192.168.1.20:41234-ABCD-EFGH-JKMN-PQRU', 'secret'],
      ['192.168.1.20:41234-ABCD-EFGH-JKMN-PQR!', 'secret'],
    ];
    for (const [typed, problem] of problems) {
      const parsed = parseJoinCode(typed);
      expect({ typed, problem: parsed.ok ? null : parsed.problem }).toEqual({ typed, problem });
      if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(10);
    }
  });

  it('never throws, whatever is typed or pasted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parseJoinCode(text);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
    expect(parseJoinCode('x'.repeat(100_000)).ok).toBe(false);
  });

  it('the canonical secret is upper case Crockford, or nothing', () => {
    expect(canonicalSecret('abcd-efgh-jkmn-pqrs')).toBe('ABCDEFGHJKMNPQRS');
    expect(canonicalSecret('oooo-iiii-llll-0000')).toBe('0000111111110000');
    expect(canonicalSecret('')).toBeNull();
    expect(canonicalSecret('ABCDEFGHJKMNPQRSU'.slice(1))).toBeNull();
  });
});

describe('join token', () => {
  it('carries a name and a resume key, read back on the host, and never the secret', () => {
    const token = encodeJoinToken({ name: 'Ann', resumeKey: 'abcdefghijklmnopqrstuv' });
    expect(parseJoinToken(token)).toEqual({ name: 'Ann', resumeKey: 'abcdefghijklmnopqrstuv' });
    expect(token).not.toMatch(/secret/);
    // A token with other fields (an older app's secret) is read for what it has.
    expect(parseJoinToken(JSON.stringify({ secret: 'x' }))).toEqual({ name: 'Participant' });
  });

  it('cleans the name: no control characters, not too long, never blank', () => {
    expect(parseJoinToken(JSON.stringify({ name: ' A\u0000n\u001bn\n ' }))!.name).toBe('Ann');
    expect(parseJoinToken(JSON.stringify({ name: 'x'.repeat(500) }))!.name).toHaveLength(MAX_NAME_LENGTH);
    expect(parseJoinToken(JSON.stringify({ name: '   ' }))!.name).toBe('Participant');
    expect(parseJoinToken(JSON.stringify({ name: 42 }))!.name).toBe('Participant');
  });

  it('is null for anything that is not a token', () => {
    for (const text of ['', 'secret', 'null', '42', '[]', '"text"', JSON.stringify({ resumeKey: 'short' }), JSON.stringify({ name: 'Ann', resumeKey: 'has spaces in it here!' }), JSON.stringify({ resumeKey: 7 })]) {
      expect({ text, token: parseJoinToken(text) }).toEqual({ text, token: null });
    }
  });

  it('keeps only a digest of a resume key', () => {
    expect(resumeKeyDigest('abcdefghijklmnopqrstuv')).toMatch(/^[0-9a-f]{64}$/);
    expect(resumeKeyDigest('abcdefghijklmnopqrstuv')).not.toBe(resumeKeyDigest('abcdefghijklmnopqrstuw'));
  });
});
