import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebounced } from '../../components/use-debounced';

/**
 * Suggestions from the server as the person types, for the text as it is now (an answer to
 * earlier text is aborted, never shown); errors just mean no suggestions.
 */
export function useSuggestions<T>(text: string, kind: string, find: (q: string, signal: AbortSignal) => Promise<T[]>): T[] {
  const q = useDebounced(text.trim(), 200);
  const asking = text.trim().length >= 2 && q.length >= 2;
  const found = useQuery({ queryKey: ['suggestions', kind, q], queryFn: ({ signal }) => find(q, signal), enabled: asking, retry: false, placeholderData: keepPreviousData });
  return asking ? (found.data ?? []) : [];
}
