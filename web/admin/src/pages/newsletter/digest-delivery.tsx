import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { subscriberList, scheduleDigest, sendDigest, sendTest, type Digest } from '../../api/newsletter';
import { siteZone } from '../../api/settings';
import { announce } from '../../components/announcer';
import { TextField } from '../../components/field';
import { navigate } from '../../router';
import { useStaff } from '../../session-context';
import { toProblem, type FormProblem } from '../auth-form';
import { formatInZone, instantIn, wallTimeIn } from '../../zoned-time';
import { ConfirmDialog } from './confirm-dialog';

type Asking = { kind: 'send' } | { kind: 'schedule'; at: string };

/** Send me a test; send now or schedule, each after a confirmation naming how many will get it. */
export function DigestDelivery({ digest, onScheduled }: { digest: Digest; onScheduled: (digest: Digest) => void }) {
  const zone = useQuery(siteZone).data;
  if (!zone) return null;
  return <Delivery digest={digest} zone={zone} onScheduled={onScheduled} />;
}

function Delivery({ digest, zone, onScheduled }: { digest: Digest; zone: string; onScheduled: (digest: Digest) => void }) {
  const staff = useStaff();
  const [to, setTo] = useState(staff.email);
  const [at, setAt] = useState(digest.scheduledAt ? wallTimeIn(digest.scheduledAt, zone) : '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const recipients = useQuery(subscriberList({ newsletter: digest.newsletter, status: 'confirmed', limit: 1 })).data?.total ?? null;
  const [busy, setBusy] = useState(false);

  const field = (name: string) => problem?.fields?.find((f) => f.field === name)?.message;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const test = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await sendTest(digest.id, to);
      announce(`Test sent to ${to}.`);
    });
  };
  const askSchedule = (event: FormEvent) => {
    event.preventDefault();
    const instant = instantIn(at, zone);
    if (!instant) {
      setProblem({ message: 'Choose when to send it.', fields: [{ field: 'at', message: 'choose a date and time' }] });
      return;
    }
    setAsking({ kind: 'schedule', at: instant });
  };
  const confirmed = () => {
    const question = asking;
    setAsking(null);
    if (!question) return;
    void run(async () => {
      if (question.kind === 'send') {
        await sendDigest(digest.id);
        announce('The digest is on its way.');
        navigate('/newsletter/sends');
      } else {
        onScheduled(await scheduleDigest(digest.id, question.at));
        announce(`Scheduled for ${formatInZone(question.at, zone)}.`);
      }
    });
  };
  const audience = recipients === null ? 'its subscribers' : `${recipients.toLocaleString()} confirmed ${recipients === 1 ? 'subscriber' : 'subscribers'}`;

  return (
    <div className="delivery">
      <h2>Test and send</h2>
      {problem && !problem.fields?.length && (
        <p className="form-error" role="alert">
          {problem.message}
        </p>
      )}
      <form className="inline-form" onSubmit={test} noValidate aria-label="Send a test">
        <TextField label="Send a test to" type="email" value={to} onChange={(e) => setTo(e.target.value)} error={field('to')} />
        <button type="submit" disabled={busy}>
          Send me a test
        </button>
      </form>
      <form className="inline-form" onSubmit={askSchedule} noValidate aria-label="Schedule">
        <TextField label={`Send at (${zone} time)`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} error={field('at')} hint="On the site's clock, set in the site settings." />
        <button type="submit" disabled={busy}>
          Schedule…
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => setAsking({ kind: 'send' })}>
          Send now…
        </button>
      </form>
      {asking && (
        <ConfirmDialog title={asking.kind === 'send' ? 'Send the digest now?' : 'Schedule the digest?'} confirm={asking.kind === 'send' ? 'Send now' : 'Schedule'} onConfirm={confirmed} onCancel={() => setAsking(null)}>
          <p>
            “{digest.subject}” goes to {audience} of this newsletter
            {asking.kind === 'send' ? ' straight away. A send cannot be called back.' : ` on ${formatInZone(asking.at, zone)}.`}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
