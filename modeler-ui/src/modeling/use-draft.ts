/**
 * A resource's draft on the server: loaded when the editor opens (with who else has it open), saved a moment after
 * each change with the revision it was based on. A save the server refuses as stale (409) stops autosave and says
 * who saved in between, so nothing is overwritten silently; reloading takes their version.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/http';

export interface Draft {
  resource: string;
  kind: 'bpmn' | 'dmn' | 'form';
  content: string;
  revision: number;
  baseVersion: number | null;
  savedBy: string;
  savedAt: string;
  otherEditor?: { login: string; since: string } | null;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'stale' | 'failed';

export const draftPath = (resource: string, rest = '') => `/models/${encodeURIComponent(resource)}${rest}`;

const AUTOSAVE_MS = 1500;

export function useDraft(resource: string) {
  const [draft, setDraft] = useState<Draft>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [state, setState] = useState<SaveState>('saved');
  const [staleBy, setStaleBy] = useState<string>();
  const latest = useRef<{ content: string; revision: number }>(undefined);
  /** The content the server has at `latest.revision`: a save of the same content is not sent. */
  const saved = useRef<string>(undefined);
  const timer = useRef<number>(undefined);

  const load = useCallback(async () => {
    try {
      const opened = await api<Draft>(draftPath(resource, '/draft'));
      latest.current = { content: opened.content, revision: opened.revision };
      saved.current = opened.content;
      setDraft(opened);
      setState('saved');
      setStaleBy(undefined);
    } catch (error) {
      setLoadError(error as ApiError);
    }
  }, [resource]);

  useEffect(() => {
    void load();
    return () => window.clearTimeout(timer.current);
  }, [load]);

  const saveNow = useCallback(async (): Promise<number | undefined> => {
    window.clearTimeout(timer.current);
    const current = latest.current;
    if (!current) return undefined;
    // Nothing changed since the last save (deploying or importing right after it): no new revision for nothing.
    if (current.content === saved.current) return current.revision;
    setState('saving');
    try {
      const answer = await api<Draft>(draftPath(resource, '/draft'), { method: 'PUT', body: current });
      // A change made while saving keeps its content; only the revision moves on.
      latest.current = { content: latest.current!.content, revision: answer.revision };
      saved.current = answer.content;
      setDraft((before) => (before ? { ...answer, otherEditor: before.otherEditor } : answer));
      setState(latest.current.content === answer.content ? 'saved' : 'pending');
      return answer.revision;
    } catch (error) {
      const failure = error as ApiError;
      if (failure.status === 409) {
        setStaleBy((failure.details as { savedBy?: string })?.savedBy);
        setState('stale');
      } else setState('failed');
      return undefined;
    }
  }, [resource]);

  /** The editor's content changed: saved after a short pause (unless the draft went stale). */
  const changed = useCallback(
    (content: string) => {
      if (!latest.current || content === latest.current.content) return;
      latest.current = { ...latest.current, content };
      if (state === 'stale') return;
      setState('pending');
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void saveNow(), AUTOSAVE_MS);
    },
    [saveNow, state],
  );

  const currentContent = () => latest.current?.content;
  return { draft, loadError, state, staleBy, changed, saveNow, reload: load, currentContent };
}
