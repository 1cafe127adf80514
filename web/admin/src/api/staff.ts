import { queryOptions } from '@tanstack/react-query';
import { answer, api, request } from './client';
import type { StaffRole, StaffUser } from './types';

type One = { staff: StaffUser };

export const staffList = queryOptions({
  queryKey: ['staff'],
  queryFn: ({ signal }) => answer(api.GET('/admin/api/staff', { signal })).then((r) => r.staff),
});
export const inviteStaff = (input: { email: string; role: StaffRole }) => request<One>('POST', '/staff/invitations', input).then((r) => r.staff);
export const changeRole = (id: number, role: StaffRole) => request<One>('PATCH', `/staff/${id}`, { role }).then((r) => r.staff);
export const suspendStaff = (id: number) => request<One>('POST', `/staff/${id}/suspend`, {}).then((r) => r.staff);
export const restoreStaff = (id: number) => request<One>('POST', `/staff/${id}/restore`, {}).then((r) => r.staff);
