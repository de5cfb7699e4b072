import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { z } from "zod";
import type { SkillCheck as SkillCheckSchema, Skill as SkillSchema } from "../../../contracts/skills";
import { api } from "../../lib/api";

export type Skill = z.infer<typeof SkillSchema>;
export type SkillCheck = z.infer<typeof SkillCheckSchema>;

export const skillKeys = {
  autocomplete: (q: string) => ["skills", "autocomplete", q] as const,
  check: (name: string) => ["skills", "check", name] as const,
};

/** Whether a typed skill is in the taxonomy, and the closest known ones if it isn't. */
export const skillCheckQuery = (name: string) =>
  queryOptions({
    queryKey: skillKeys.check(name.trim().toLowerCase()),
    queryFn: ({ signal }) => api<SkillCheck>("/api/skills/check", { query: { name: name.trim() }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: name.trim().length > 0,
  });

/** A value that follows `value` once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/** Known skills starting with (or close to) what has been typed so far. */
export function useSkillSuggestions(text: string): { names: string[]; loading: boolean } {
  const q = useDebounced(text.trim(), 200);
  const query = useQuery({
    queryKey: skillKeys.autocomplete(q.toLowerCase()),
    queryFn: ({ signal }) => api<Skill[]>("/api/skills", { query: { q, limit: 8 }, signal }),
    enabled: q.length > 0,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  if (!text.trim()) return { names: [], loading: false };
  return { names: (query.data ?? []).map((skill) => skill.name), loading: query.isFetching };
}
