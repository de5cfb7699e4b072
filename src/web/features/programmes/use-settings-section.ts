import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { isApiError } from "../../lib/api";
import { type Programme, type ProgrammeChanges, programmeKeys, programmeQuery, updateProgramme } from "./programmes-api";

/**
 * One section of the programme's settings page, edited against the version it was loaded
 * at: the form's values, save (a stale version is a conflict the person resolves by loading
 * the latest), focus on "saved" and on the conflict notice, and — when another section saves
 * or the stage changes without touching these fields — carrying on from that version.
 */
export function useSettingsSection<V>(
  programme: Programme,
  valuesOf: (p: Programme) => V,
  errors: { clear: () => void; showApiError: (error: unknown) => void },
) {
  const queryClient = useQueryClient();
  const programmeLive = useQuery(programmeQuery(programme.id));
  const [values, setValues] = useState<V>(() => valuesOf(programme));
  const [version, setVersion] = useState(programme.version);
  const base = useRef(programme);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const latest = programmeLive.data ?? programme;
  useEffect(() => {
    if (latest.version === base.current.version) return;
    if (JSON.stringify(valuesOf(latest)) === JSON.stringify(valuesOf(base.current))) {
      base.current = latest;
      setVersion(latest.version);
    }
  }, [latest, valuesOf]);

  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) => {
      setSaved(false);
      setValues((current) => ({ ...current, [key]: value }));
    };

  const mutation = useMutation({
    mutationFn: (body: ProgrammeChanges) => updateProgramme(programme.id, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(programmeKeys.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: ["programmes", "list"] });
      base.current = updated;
      setValues(valuesOf(updated));
      setVersion(updated.version);
      setSaved(true);
    },
    onError: (error) => {
      if (isApiError(error, "version_conflict")) {
        errors.clear();
        setConflict(true);
        return;
      }
      errors.showApiError(error);
    },
  });

  /** Throws away this section's edits and starts again from the programme as it is now. */
  const reload = async () => {
    const fresh = await programmeLive.refetch();
    if (fresh.data) {
      base.current = fresh.data;
      setValues(valuesOf(fresh.data));
      setVersion(fresh.data.version);
    }
    setConflict(false);
    mutation.reset();
  };

  return { values, setValues, set, version, saved, setSaved, conflict, savedRef, conflictRef, mutation, reload };
}
