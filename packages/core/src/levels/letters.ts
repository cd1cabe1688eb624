/**
 * Who a termly letter home goes to: one letter per address, to the contacts with parental
 * responsibility who live there, each named in the salutation ("Dear Ms Clarke"). Pure rules; the
 * server loads the contacts and lays the letters out.
 */

export interface LetterContact {
  id: string;
  name: string;
  title: string | null;
  address: string | null;
  parentalResponsibility: boolean;
  /** 1 = first contact. */
  priority: number;
}

export interface LetterHousehold<C extends LetterContact = LetterContact> {
  /** The contacts the letter is addressed to, first contact first. */
  recipients: C[];
  /** The address as the school holds it, or null when none is known. */
  address: string | null;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The title as written before a name, without a trailing full stop ("Dr." reads as "Dr"). */
function cleanTitle(title: string | null): string {
  return squash(title ?? '').replace(/\.$/, '');
}

/** The contact as an envelope names them: "Ms Emma Clarke", or "Emma Clarke" without a title. */
export function recipientName(contact: Pick<LetterContact, 'name' | 'title'>): string {
  const name = squash(contact.name);
  const title = cleanTitle(contact.title);
  if (!title || name.toLowerCase().startsWith(`${title.toLowerCase()} `)) return name;
  return `${title} ${name}`;
}

/**
 * How a contact is greeted: title and surname when the title is known ("Ms Clarke"), otherwise
 * the name as held ("Emma Clarke").
 */
export function greetingName(contact: Pick<LetterContact, 'name' | 'title'>): string {
  const name = squash(contact.name);
  const title = cleanTitle(contact.title);
  if (!title) return name;
  const words = name.split(' ');
  if (words[0]?.toLowerCase() === title.toLowerCase()) words.shift();
  const surname = words.at(-1);
  return surname ? `${title} ${surname}` : name;
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Dear Ms Clarke", "Dear Ms Clarke and Mr Clarke"; "Dear parent or carer" only when nobody is named. */
export function salutation(recipients: readonly Pick<LetterContact, 'name' | 'title'>[]): string {
  const names = [...new Set(recipients.map(greetingName).filter((n) => n !== ''))];
  return names.length > 0 ? `Dear ${listed(names)}` : 'Dear parent or carer';
}

/** An address compared loosely: case, punctuation and spacing do not make two homes. */
export function addressKey(address: string | null): string | null {
  const key = (address ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return key === '' ? null : key;
}

/**
 * The letters one pupil's family gets: the contacts with parental responsibility, grouped by
 * address, one letter per address. A contact with no address known gets a letter of their own (the
 * school cannot tell that they share a home). Contacts without parental responsibility get none.
 * Ordered by the first contact of each letter.
 */
export function letterHouseholds<C extends LetterContact>(contacts: readonly C[]): LetterHousehold<C>[] {
  const ordered = contacts
    .filter((c) => c.parentalResponsibility)
    .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const households: LetterHousehold<C>[] = [];
  const byAddress = new Map<string, LetterHousehold<C>>();
  for (const contact of ordered) {
    const key = addressKey(contact.address);
    const found = key === null ? undefined : byAddress.get(key);
    if (found) {
      found.recipients.push(contact);
      continue;
    }
    const household: LetterHousehold<C> = { recipients: [contact], address: contact.address?.trim() || null };
    households.push(household);
    if (key !== null) byAddress.set(key, household);
  }
  return households;
}
