/**
 * The school's backup key: an age X25519 identity (the private half, kept offline by the school)
 * and its recipient (the public half, all the server needs to encrypt backups to).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

export class KeyError extends Error {}

/** Write a new identity to `file` (readable by this user only, never over an existing file). */
export async function writeNewKey(file: string, now: Date): Promise<string> {
  if (fs.existsSync(file)) throw new KeyError(`${file} already exists: choose a new file name for the key`);
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(
    file,
    `# Tandem backup key, created ${now.toISOString()}\n# public key: ${recipient}\n${identity}\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return recipient;
}

/** Check a recipient string (age1...), saying where it came from if it is not one. */
export function checkRecipient(recipient: string, from: string): string {
  const r = recipient.trim();
  try {
    if (!r.startsWith('age1')) throw new Error('not age1');
    new Encrypter().addRecipient(r);
  } catch {
    throw new KeyError(`${from} is not an age public key (it should start with "age1")`);
  }
  return r;
}

/** The recipient to encrypt to: --to, else BACKUP_RECIPIENT, else the file BACKUP_RECIPIENT_FILE. */
export function resolveRecipient(o: {
  to?: string | undefined;
  recipient: string | null;
  recipientFile: string | null;
}) {
  if (o.to) return checkRecipient(o.to, '--to');
  if (o.recipient) return checkRecipient(o.recipient, 'BACKUP_RECIPIENT');
  if (o.recipientFile) {
    if (!fs.existsSync(o.recipientFile)) throw new KeyError(`BACKUP_RECIPIENT_FILE ${o.recipientFile} does not exist`);
    const line = fs
      .readFileSync(o.recipientFile, 'utf8')
      .split('\n')
      .map((l) => l.replace(/^#\s*public key:\s*/, '').trim())
      .find((l) => l.startsWith('age1'));
    if (!line) throw new KeyError(`BACKUP_RECIPIENT_FILE ${o.recipientFile} holds no age public key (age1...)`);
    return checkRecipient(line, `BACKUP_RECIPIENT_FILE ${o.recipientFile}`);
  }
  throw new KeyError(
    'No backup key to encrypt to. Make one once, on a computer the school keeps offline: ' +
      '`npm run backup -- --new-key <file>`; then set BACKUP_RECIPIENT to the public key it prints (age1...), ' +
      'or pass --to age1...',
  );
}

/** The identity (AGE-SECRET-KEY-1...) in a key file. */
export function readIdentity(file: string): string {
  if (!fs.existsSync(file)) throw new KeyError(`no key file at ${file}`);
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (!line) throw new KeyError(`${file} holds no age secret key (a line starting AGE-SECRET-KEY-1)`);
  return line;
}
