import { useQuery } from '@tanstack/react-query';
import { describeError } from '../api/client';
import { followerCounts } from '../api/stats';
import { HorizontalBars } from '../components/charts';

/** Shown per list: the most followed sections and authors. */
const TOP = 10;

/** The dashboard panel of readers following each section and author (members and newsletter subscribers). */
export function FollowerCounts() {
  const read = useQuery(followerCounts);
  const error = read.error ? describeError(read.error) : null;
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (!read.data) return null;
  const { tags, authors } = read.data;
  if (tags.length === 0 && authors.length === 0) return <p className="note">No reader follows a section or an author yet.</p>;
  const unit = { one: 'follower', many: 'followers' };
  return (
    <>
      {tags.length > 0 && <HorizontalBars title="Followers per section" unit={unit} rows={tags.slice(0, TOP).map((t) => ({ label: t.name, value: t.followers }))} />}
      {authors.length > 0 && <HorizontalBars title="Followers per author" unit={unit} rows={authors.slice(0, TOP).map((a) => ({ label: a.name, value: a.followers }))} />}
    </>
  );
}
