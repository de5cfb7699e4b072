import { useCallback, useState } from "react";
import type { z } from "zod";
import { ApiError, describeRetryAfter } from "./api";

/** Field name → the first message for it. Keys are the top-level field names. */
export type FieldErrors = Record<string, string>;

export type FormErrors = {
  fields: FieldErrors;
  /** A problem with the form as a whole, e.g. wrong credentials or a lost connection. */
  form: string | null;
  /** Increments on every failed submit so the summary can take focus again. */
  attempt: number;
};

const empty: FormErrors = { fields: {}, form: null, attempt: 0 };

/** Which field an issue's path belongs to. */
export type FieldKeyOf = (path: ReadonlyArray<PropertyKey>) => string;

/** The default: the top-level field name ("name" for ["name"], "phases" for ["phases", 0, "name"]). */
export const topLevelField: FieldKeyOf = (path) => (path.length > 0 ? String(path[0]) : "");

/**
 * For forms with nested fields: the first `depth` segments joined with dots, so
 * ["answers", "skills"] becomes "answers.skills" and ["questions", 2, "key"] "questions.2.key".
 */
export function nestedField(depth: number): FieldKeyOf {
  return (path) => path.slice(0, depth).map(String).join(".");
}

export function issuesToFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  fieldKey: FieldKeyOf = topLevelField,
): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/**
 * Holds a form's errors from client-side checks (the same zod contracts the server
 * uses, so the wording matches) and from the server's error responses.
 */
export function useFormErrors(fieldKey: FieldKeyOf = topLevelField) {
  const [errors, setErrors] = useState<FormErrors>(empty);

  const clear = useCallback(() => setErrors((current) => ({ fields: {}, form: null, attempt: current.attempt })), []);

  const show = useCallback((fields: FieldErrors, form: string | null = null) => {
    // Messages without a field (path []) belong to the whole form.
    const { "": unplaced, ...rest } = fields;
    setErrors((current) => ({ fields: rest, form: form ?? unplaced ?? null, attempt: current.attempt + 1 }));
  }, []);

  /** Validate with a contract; returns the parsed value or null after showing the problems. */
  const validate = useCallback(
    <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null => {
      const result = schema.safeParse(input);
      if (result.success) return result.data;
      show(issuesToFieldErrors(result.error.issues, fieldKey));
      return null;
    },
    [show, fieldKey],
  );

  /** Turn an API failure into per-field messages (validation_failed) or a form message. */
  const showApiError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const issues = error.fieldIssues;
        if (issues.length > 0) {
          show(issuesToFieldErrors(issues, fieldKey), null);
          return;
        }
        // The server usually says how long to wait; add it only when it didn't.
        const wait = error.status === 429 && !/try again in/i.test(error.message) ? describeRetryAfter(error.retryAfterSeconds) : null;
        show({}, wait ? `${error.message} ${wait}` : error.message);
        return;
      }
      show({}, "Something unexpected went wrong. Try again.");
    },
    [show, fieldKey],
  );

  return { errors, clear, show, validate, showApiError };
}
