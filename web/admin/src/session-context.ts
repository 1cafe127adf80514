import { createContext, useContext } from 'react';
import type { StaffRole, StaffUser } from './api/types';
import { staffRoles } from './api/types';

export const SessionContext = createContext<StaffUser | null>(null);

/** The signed-in staff member (the shell renders screens only once someone is signed in). */
export function useStaff(): StaffUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useStaff needs a signed-in session');
  return user;
}

/** Whether the role is at least `min` (contributor < author < editor < administrator). */
export function atLeast(role: StaffRole, min: StaffRole): boolean {
  return staffRoles.indexOf(role) >= staffRoles.indexOf(min);
}
