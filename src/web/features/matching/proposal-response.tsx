import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, type RefObject, useId, useRef, useState } from "react";
import { DeclineProposal } from "../../../contracts/matching";
import type { MyRelationship } from "../../../contracts/relationships";
import { otherSide, sideWord } from "../../../core/programme-modes";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { TextAreaField } from "../../components/text-area-field";
import { announce } from "../../lib/announce";
import { isApiError } from "../../lib/api";
import { acceptProposal, declineProposal, matchingKeys } from "./matching-api";
import "./matching.css";

const proposalStatusLabels: Record<MyRelationship["status"], string> = {
  proposed: "Proposed: waiting for answers",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
  ended: "Ended",
  declined: "Declined",
};

type ProposalResponseProps = {
  relationship: MyRelationship;
  /** The card's heading level, to fit the page it sits on. */
  headingLevel?: 2 | 3;
  /** Called with the updated pair after accepting or declining. */
  onAnswered?: (relationship: MyRelationship) => void;
  /**
   * Inside a card that already names the partner and the status (e.g. "My pairs"): no
   * frame, heading or badge of its own, just the reasons and the answer.
   */
  embedded?: boolean;
};

/**
 * A proposed pair as one of its two people sees it: who, why the programme put them
 * together, and Accept or Decline. Declining needs a reason, which only the
 * coordinator reads. Once both accept, the pair begins.
 */
export function ProposalResponse({ relationship, headingLevel = 2, onAnswered, embedded = false }: ProposalResponseProps) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement & HTMLElement>(null);
  const stateRef = useRef<HTMLDivElement>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [answer, setAnswer] = useState<MyRelationship | null>(null);
  const current = answer ?? relationship;
  const partner = current.partner.name;
  const mine = current.side === "mentee" ? current.menteeAccepted : current.mentorAccepted;
  const theirs = current.side === "mentee" ? current.mentorAccepted : current.menteeAccepted;
  const partnerRole = sideWord(current.programme.type, otherSide(current.side));

  const done = async (updated: MyRelationship, message: string) => {
    // The pressed button goes away: focus moves to what happened. A page that stops
    // showing this proposal once it is answered gets focus on the pair's own card.
    const container = rootRef.current?.parentElement?.closest<HTMLElement>("article, li, section");
    setAnswer(updated);
    announce(message);
    window.requestAnimationFrame(() => stateRef.current?.focus());
    onAnswered?.(updated);
    await queryClient.invalidateQueries({ queryKey: matchingKeys.mine });
    window.requestAnimationFrame(() => {
      if (rootRef.current?.isConnected || !container?.isConnected) return;
      if (!container.hasAttribute("tabindex")) container.tabIndex = -1;
      container.focus();
    });
  };

  const accept = useMutation({
    mutationFn: () => acceptProposal(current.id),
    onSuccess: (updated) =>
      done(
        updated,
        updated.status === "active" ? `You and ${partner} are now paired.` : `You accepted. We'll email you when ${partner} answers.`,
      ),
  });
  const decline = useMutation({
    mutationFn: (text: string) => declineProposal(current.id, { reason: text }),
    onSuccess: async (updated) => {
      setDeclining(false);
      setReason("");
      await done(updated, "You declined this match. Your coordinator will be in touch.");
    },
    onError: (error) => {
      const issue = isApiError(error) ? error.fieldIssues.find((i) => i.path[0] === "reason") : undefined;
      if (issue) setReasonError(issue.message);
    },
  });

  const confirmDecline = () => {
    const parsed = DeclineProposal.safeParse({ reason });
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message ?? "Say why in a few words");
      reasonRef.current?.focus();
      return;
    }
    setReasonError(undefined);
    decline.mutate(parsed.data.reason);
  };

  return (
    <Frame embedded={embedded} titleId={titleId} rootRef={rootRef}>
      {embedded ? null : (
        <>
          <Heading id={titleId} className="proposal__title">
            Match with {partner}
          </Heading>
          <p>
            <span className={`badge badge--pair-${current.status}`}>{proposalStatusLabels[current.status]}</span>
          </p>
          <p>
            {current.programme.name} suggests {partner} ({current.partner.email}) as your {partnerRole}.
          </p>
        </>
      )}
      {current.matchReasons.length > 0 ? (
        <>
          <p className="proposal__why">Why we matched you</p>
          <ul className="proposal__reasons">
            {current.matchReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}

      <div role="status" className="proposal__state" ref={stateRef} tabIndex={-1}>
        {current.status === "active" ? <p className="notice notice--success">You both accepted: your pair has begun.</p> : null}
        {current.status === "declined" ? <p className="notice">This match was declined. Your coordinator will be in touch.</p> : null}
        {current.status === "proposed" && mine ? (
          <p className="notice notice--success">
            You accepted. {theirs ? "" : `We're waiting for ${partner} to answer; you'll get an email.`}
          </p>
        ) : null}
      </div>

      {current.status === "proposed" && !mine ? (
        <>
          <p>{theirs ? `${partner} has accepted already.` : `${partner} hasn't answered yet.`} Would you like to go ahead?</p>
          <div className="actions-row actions-row--tight">
            <button
              type="button"
              className="button button--primary"
              onClick={() => accept.mutate()}
              disabled={accept.isPending}
              aria-busy={accept.isPending || undefined}
            >
              {accept.isPending ? "Accepting…" : "Accept"}
              <span className="visually-hidden"> {partner}</span>
            </button>
            <button type="button" className="button button--danger-outline" onClick={() => setDeclining(true)}>
              Decline…<span className="visually-hidden"> {partner}</span>
            </button>
          </div>
          {accept.isError ? (
            <p className="notice notice--error" role="alert">
              {accept.error.message}
            </p>
          ) : null}
        </>
      ) : null}

      <ConfirmDialog
        open={declining}
        title={`Decline the match with ${partner}?`}
        confirmLabel="Decline"
        pendingLabel="Declining…"
        variant="danger"
        pending={decline.isPending}
        error={decline.isError && !reasonError ? decline.error.message : null}
        initialFocusRef={reasonRef}
        onConfirm={confirmDecline}
        onCancel={() => {
          decline.reset();
          setReasonError(undefined);
          setDeclining(false);
        }}
      >
        <p>
          Your coordinator reads your reason and looks for a better match. {partner} is only told that the match won't go ahead, not why.
        </p>
        <TextAreaField
          id={`decline-reason-${current.id}`}
          label="Why? (only your coordinator reads this)"
          hint="For example: our working hours don't overlap, or I hoped for someone in frontend."
          value={reason}
          onChange={(value) => {
            setReason(value);
            if (reasonError && value.trim().length >= 3) setReasonError(undefined);
          }}
          error={reasonError}
          rows={3}
          maxLength={500}
          ref={reasonRef}
        />
      </ConfirmDialog>
    </Frame>
  );
}

/** A region of its own when standing alone; a plain block inside someone else's card. */
function Frame({
  embedded,
  titleId,
  rootRef,
  children,
}: {
  embedded: boolean;
  titleId: string;
  rootRef: RefObject<HTMLDivElement | null>;
  children: ReactNode;
}) {
  if (embedded) {
    return (
      <div ref={rootRef} className="proposal proposal--embedded">
        {children}
      </div>
    );
  }
  return (
    <section ref={rootRef} className="proposal card" aria-labelledby={titleId}>
      {children}
    </section>
  );
}
