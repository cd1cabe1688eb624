/**
 * The transfer package's encryption: age (the `age-encryption` library, never hand-rolled) with a
 * passphrase recipient, the passphrase being a one-time code of 120 random bits given to the next
 * school out of band. Only the code's SHA-256 is stored. The code is long and random, so age's
 * scrypt work factor can stay low without weakening it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { AppError } from '@tandem/core';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 24 characters of 5 bits: 120 bits. */
const CODE_CHARS = 24;
const SCRYPT_WORK_FACTOR = 12;

/** A new one-time code, shown as six groups of four: "7K3M-QX9P-...". */
export function newOneTimeCode(): string {
  const bytes = randomBytes(CODE_CHARS);
  let out = '';
  for (let i = 0; i < CODE_CHARS; i += 1) out += ALPHABET.charAt(bytes[i]! % 32);
  return out.match(/.{4}/g)!.join('-');
}

/** The code as typed (any case, spaces or dashes, O for 0, I or L for 1) in its one form. */
export function normaliseCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function codeHash(code: string): string {
  return sha256Hex(normaliseCode(code));
}

export function newReceiptToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function encryptPackage(content: unknown, code: string): Promise<Buffer> {
  const e = new Encrypter();
  e.setScryptWorkFactor(SCRYPT_WORK_FACTOR);
  e.setPassphrase(normaliseCode(code));
  return Buffer.from(await e.encrypt(JSON.stringify(content)));
}

const AGE_HEADER = Buffer.from('age-encryption.org/v1');

/** The package's content, or a clear refusal: the wrong code, or not a transfer package at all. */
export async function decryptPackage(bytes: Buffer, code: string): Promise<unknown> {
  if (!bytes.subarray(0, AGE_HEADER.length).equals(AGE_HEADER)) {
    throw new AppError('bad_request', 'not an age file', {
      userMessage: 'This file is not a Tandem transfer package (.age). Check you chose the file the other school sent.',
    });
  }
  const d = new Decrypter();
  d.addPassphrase(normaliseCode(code));
  let text: string;
  try {
    text = await d.decrypt(new Uint8Array(bytes), 'text');
  } catch {
    throw new AppError('bad_request', 'wrong code', {
      userMessage:
        'This one-time code does not open this package. Check the code with the sending school (it is 24 letters and numbers in groups of four). Nothing has been imported.',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request', 'package not json', {
      userMessage: 'This package could not be read. Ask the sending school to prepare it again.',
    });
  }
}
