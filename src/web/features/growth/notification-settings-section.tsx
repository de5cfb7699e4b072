import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { NotificationSettingsUpdate } from "../../../contracts/growth";
import type { NotificationKind } from "../../../core/growth/notifications";
import { CheckboxField } from "../../components/checkbox-field";
import { ErrorState } from "../../components/error-state";
import { ErrorSummary } from "../../components/error-summary";
import { LoadingState } from "../../components/loading-state";
import { SubmitButton } from "../../components/submit-button";
import { TextField } from "../../components/text-field";
import { announce } from "../../lib/announce";
import { useFormErrors } from "../../lib/form-errors";
import { growthKeys, type NotificationSettingsT, notificationsQuery, saveNotifications } from "./growth-api";

/** Account → Email: which reminders and digests you get. Essential mail has no switch. */
export function NotificationSettingsSection() {
  const query = useQuery(notificationsQuery);
  return (
    <section className="card" aria-labelledby="mail-title">
      <h2 id="mail-title">Email reminders</h2>
      <p>
        Invitations, password resets and session invitations always arrive. These reminders and digests are up to you; every one of them
        also has a link to switch it off.
      </p>
      {query.isPending ? (
        <LoadingState label="Loading your email settings…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SettingsForm key={JSON.stringify(query.data)} settings={query.data} />
      )}
    </section>
  );
}

function SettingsForm({ settings }: { settings: NotificationSettingsT }) {
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState<Record<string, boolean>>(() => Object.fromEntries(settings.kinds.map((k) => [k.kind, k.enabled])));
  const [hours, setHours] = useState(String(settings.agendaReminderHours));
  const { errors, clear, validate, showApiError } = useFormErrors();
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveNotifications>[0]) => saveNotifications(body),
    onSuccess: (saved) => {
      announce("Email settings saved.");
      queryClient.setQueryData(growthKeys.notifications, saved);
    },
    onError: showApiError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const body = validate(NotificationSettingsUpdate, {
      enabled: enabled as Record<NotificationKind, boolean>,
      agendaReminderHours: Number(hours),
    });
    if (body) save.mutate(body);
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="mail-title">
      <ErrorSummary errors={errors} fields={{ agendaReminderHours: { label: "Hours before a session", target: "mail-hours" } }} />
      <fieldset className="form-section">
        <legend>Send me</legend>
        {settings.kinds.map((k) => (
          <CheckboxField
            key={k.kind}
            id={`mail-${k.kind}`}
            label={k.label}
            hint={k.hint}
            checked={enabled[k.kind] ?? true}
            onChange={(checked) => setEnabled((e) => ({ ...e, [k.kind]: checked }))}
          />
        ))}
      </fieldset>
      <TextField
        id="mail-hours"
        label="Hours before a session"
        hint="When the agenda reminder comes, if your agenda is not shared yet (1 to 96)."
        type="number"
        inputMode="numeric"
        min={1}
        max={96}
        value={hours}
        onChange={setHours}
        error={errors.fields.agendaReminderHours}
        className="field--short"
      />
      <div className="form__actions">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save email settings
        </SubmitButton>
      </div>
    </form>
  );
}
