import type { IntakeRole } from "../../../core/intake/questions.js";
import { modeOfRole } from "../../../core/programme-modes.js";
import type { MailMessage } from "../../platform/mail.js";

type Who = { email: string; name: string };
type Roles = { giver: string; receiver: string; givers?: string; receivers?: string };

const lines = (...parts: (string | false | undefined)[]) => parts.filter((p): p is string => typeof p === "string").join("\n");
const bullets = (items: string[]) => items.map((r) => `  - ${r}`);

// Mentoring: the mentee drives. Coaching: the coach owns the plan (see core/programme-modes).
const YOUR_PART = {
  mentoring: {
    receiver: "You drive this relationship: think about what you would like to work on first and bring it to your first conversation.",
    giver: "Your mentee sets the agenda; your part is to listen first and share from your own experience.",
  },
  coaching: {
    receiver: "Your coach will plan the sessions with you; think about the skills you most want to change.",
    giver: "You own the session plan: agree the outcomes and a baseline early on.",
  },
} as const;

/**
 * A new pair, to one of its two people, in their own terms: who the match is, why we think
 * it fits (the fit only — never anyone's stated preferences), and what to do next. With
 * two-sided acceptance both must accept before the pair starts.
 */
export function newPairEmail(
  to: Who,
  partner: Who,
  w: { side: "giver" | "receiver"; roles: Roles; programme: string; link: string; reasons: string[]; twoSided: boolean },
): MailMessage {
  const partnerRole = w.side === "receiver" ? w.roles.giver : w.roles.receiver;
  const why = w.reasons.length ? ["Why we think you will work well together:", ...bullets(w.reasons), ""] : [];
  const yourPart = YOUR_PART[modeOfRole(w.roles.receiver as IntakeRole)][w.side];
  if (w.twoSided) {
    return {
      to: to.email,
      subject: `A proposed ${partnerRole} for you in ${w.programme}`,
      text: lines(
        `Hello ${to.name},`,
        "",
        `We would like to pair you with ${partner.name} (${partner.email}) as your ${partnerRole} in ${w.programme}.`,
        "",
        ...why,
        "Please accept or decline here:",
        w.link,
        "",
        `Once you have both accepted, your shared space opens and you can agree how you will meet. If you decline, a short reason helps the coordinator find a better fit; ${partner.name} will not see it.`,
        "",
        yourPart,
      ),
    };
  }
  return {
    to: to.email,
    subject: `Meet your ${partnerRole} in ${w.programme}`,
    text: lines(
      `Hello ${to.name},`,
      "",
      `You are paired with ${partner.name} (${partner.email}) as your ${partnerRole} in ${w.programme}.`,
      "",
      ...why,
      "Your shared space is open. Start by agreeing when and how you will meet:",
      w.link,
      "",
      yourPart,
    ),
  };
}

/** To a mentee the round could not place: kind, and nothing about anyone else. */
export function notMatchedYetEmail(to: Who, w: { roles: Roles; programme: string }): MailMessage {
  return {
    to: to.email,
    subject: `No ${w.roles.giver} for you yet in ${w.programme}`,
    text: lines(
      `Hello ${to.name},`,
      "",
      `We could not pair you with a ${w.roles.giver} in ${w.programme} this time. That happens when there are fewer places than people, and it says nothing about you.`,
      "",
      "You keep your place in the programme. Your coordinator is looking for a match and you will hear from us as soon as there is one. There is nothing you need to do now.",
    ),
  };
}
