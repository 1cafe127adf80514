/** Staff roles, from least to most trusted. */
export const staffRoles = ['contributor', 'author', 'editor', 'administrator'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  status: 'active' | 'invited' | 'suspended';
  authorId: number | null;
  createdAt: string;
}
