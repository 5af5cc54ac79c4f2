import { Role } from '../../contracts/users/events';

/**
 * The roles a user acts with: the recorded ones, plus `admin` while their e-mail is listed in
 * ADMIN_EMAILS. The list is configuration, not history: removing an address takes the role
 * away at the next login or refresh, and no event has to record it.
 */
export function effectiveRoles(recorded: readonly Role[], email: string, admins: ReadonlySet<string>): Role[] {
  const roles = new Set<Role>(recorded);
  if (admins.has(email.trim().toLowerCase())) roles.add('admin');
  return [...roles];
}
