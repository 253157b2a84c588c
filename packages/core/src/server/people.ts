import { listPeople, type Person } from '@dondoc/auth';
import type { Queryable } from '@dondoc/db';
import type { Locale } from '@dondoc/trpc';

export type { Person };

/**
 * Actors that are no one's account: the demo seed writes its sample progress as `du-lieu-mau`
 * (the tai-chinh seed as `demo`). They are named for what they are.
 */
const SYSTEM_ACTORS: Readonly<Record<string, { vi: string; en: string }>> = {
  'du-lieu-mau': { vi: 'Dữ liệu mẫu (hệ thống)', en: 'Sample data (system)' },
  demo: { vi: 'Dữ liệu mẫu (hệ thống)', en: 'Sample data (system)' },
};

/** A username to the person behind it; null for no actor (a step the system took by itself). */
export type PersonOf = (username: string | null | undefined) => Person | null;

/**
 * The one way the core's answers name who did something: the people behind `usernames` (one
 * query, joining auth's users and units), as a lookup. A username without an account keeps
 * its login as its name rather than vanishing.
 */
export async function peopleOf(db: Queryable, usernames: Iterable<string | null | undefined>, locale: Locale): Promise<PersonOf> {
  const wanted = [...usernames].filter((u): u is string => !!u && !(u in SYSTEM_ACTORS));
  const people = new Map((await listPeople(db, wanted)).map((person) => [person.username, person]));
  return (username) => {
    if (!username) return null;
    const system = SYSTEM_ACTORS[username];
    if (system) return { username, fullName: system[locale], title: null, unitCode: null, unitName: null };
    return people.get(username) ?? { username, fullName: username, title: null, unitCode: null, unitName: null };
  };
}

/** "Nguyễn Văn An, Trưởng phòng Nội vụ, Quận Ba Đình": a person as one line of text (notifications, exports). */
export function personLine(person: Pick<Person, 'fullName' | 'title' | 'unitName'>): string {
  return [person.fullName, person.title, person.unitName].filter(Boolean).join(', ');
}

/** A person's full name for a Vietnamese notice ("Nguyễn Văn An"), the login when there is none. */
export async function fullNameOf(db: Queryable, username: string): Promise<string> {
  return (await peopleOf(db, [username], 'vi'))(username)?.fullName ?? username;
}
