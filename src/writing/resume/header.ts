import type { Source } from '../../../contracts/generations/content';
import { draftLine, DraftItem, line } from '../draft';
import type { ResumeContext } from './context';

const personal: Source = { kind: 'personal_info', entry_id: null, index: null };

/** Name and contact lines, straight from personal_info; never dropped for length. */
export function headerItems({ input }: ResumeContext): DraftItem[] {
  const info = input.profile.personal_info;
  const contacts = [info.email, info.phone, info.location, info.linkedin, info.github, info.website].filter((v): v is string => !!v);
  return [{
    title: line(info.full_name, [personal]),
    meta: null,
    lines: contacts.map((c) => draftLine(c, [personal], Infinity, false)),
    score: Infinity,
    removable: false,
  }];
}
