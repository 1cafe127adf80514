import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeError } from '../api/client';
import { signOutEverywhere } from '../api/session';
import { changeRole, inviteStaff, restoreStaff, staffList, suspendStaff } from '../api/staff';
import { staffRoles, type StaffRole, type StaffUser } from '../api/types';
import { announce } from '../components/announcer';
import { FormError, SelectField, TextField } from '../components/field';
import { atLeast, useStaff } from '../session-context';
import { toProblem, type FormProblem } from './auth-form';

/** Editors invite authors and contributors; administrators invite anyone and manage accounts. */
function invitable(role: StaffRole): readonly StaffRole[] {
  return role === 'administrator' ? staffRoles : staffRoles.filter((r) => r === 'author' || r === 'contributor');
}

export function StaffPage() {
  const me = useStaff();
  // Every change below is followed by a fresh read of the list (see api/query-client).
  const read = useQuery(staffList);
  const users = read.data;
  const error = read.error ? describeError(read.error) : null;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<StaffRole>('contributor');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const admin = atLeast(me.role, 'administrator');

  const run = async (work: Promise<StaffUser>, message: (u: StaffUser) => string) => {
    try {
      announce(message(await work));
    } catch (err) {
      announce(describeError(err), { tone: 'error' });
    }
  };
  const invite = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const user = await inviteStaff({ email, role });
      setEmail('');
      setProblem(null);
      announce(`Invitation sent to ${user.email}.`);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  return (
    <section>
      <h1>Staff</h1>
      <form className="inline-form" onSubmit={(e) => void invite(e)} aria-label="Invite someone">
        <FormError error={problem} />
        <TextField label="Email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={problem?.fields?.find((f) => f.field === 'email')?.message} />
        <SelectField label="Role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
          {invitable(me.role).map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="primary">
          Send invitation
        </button>
      </form>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {users && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <td>{user.status === 'invited' ? <span className="muted">Not joined yet</span> : user.name}</td>
                <td>{user.email}</td>
                <td>
                  {admin && user.id !== me.id ? (
                    <select aria-label={`Role of ${user.email}`} value={user.role} onChange={(e) => void run(changeRole(user.id, e.target.value as StaffRole), (u) => `${u.email} is now ${u.role}.`)}>
                      {staffRoles.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </select>
                  ) : (
                    user.role
                  )}
                </td>
                <td>
                  <span className={`badge badge-${user.status}`}>{user.status}</span>
                </td>
                <td>
                  {admin && user.id !== me.id && user.status !== 'suspended' && (
                    <button type="button" className="danger" onClick={() => void run(suspendStaff(user.id), (u) => `${u.email} is suspended.`)}>
                      Suspend
                    </button>
                  )}
                  {admin && user.status === 'suspended' && (
                    <button type="button" onClick={() => void run(restoreStaff(user.id), (u) => `${u.email} is restored.`)}>
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Your sessions</h2>
      <p>Signed in somewhere you should not be? End every session of your account, on every device.</p>
      <button type="button" onClick={() => void signOutEverywhere().then(() => window.location.assign('/admin/'))}>
        Sign out everywhere
      </button>
    </section>
  );
}
