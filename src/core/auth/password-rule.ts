/**
 * What makes a new password acceptable beyond its length (10–200 characters, in the
 * contract): not one of the passwords attackers try first, not a common word with digits
 * or symbols stuck on either end ("dragon1234", "!!password!!"), not a run of one key or
 * a keyboard sequence, and not the person's own email address or name.
 */
export type PasswordOwner = { email?: string; name?: string };

export type PasswordProblem = "common" | "repetitive" | "personal";

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  common: "This is one of the most common passwords; choose another (a few unrelated words work well)",
  repetitive: "Choose a password that is not one character repeated or a run of keys like 1234567890",
  personal: "Don't use your email address or your name in your password",
};

const squash = (s: string) => s.toLowerCase().replace(/\s+/g, "");

/** True when every character is the previous one, one up, or one down (aaaa, 1234, dcba). */
function isRun(s: string): boolean {
  if (s.length < 2) return true;
  const step = s.charCodeAt(1) - s.charCodeAt(0);
  if (Math.abs(step) > 1) return false;
  for (let i = 2; i < s.length; i++) if (s.charCodeAt(i) - s.charCodeAt(i - 1) !== step) return false;
  return true;
}

export function passwordProblem(
  password: string,
  owner: PasswordOwner,
  isCommon: (lowerCased: string) => boolean,
): PasswordProblem | undefined {
  const squashed = squash(password);
  if (squashed.length === 0 || isRun(squashed) || new Set(squashed).size <= 2) return "repetitive";
  const lower = password.toLowerCase().trim();
  // The common word inside decorations: leading and trailing digits, punctuation and spaces.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (isCommon(lower) || isCommon(squashed) || (core.length >= 4 && isCommon(core))) return "common";
  const email = owner.email?.toLowerCase().trim() ?? "";
  const local = email.split("@")[0] ?? "";
  const name = squash(owner.name ?? "");
  if ((email && squashed.includes(email)) || (local.length >= 3 && squashed.includes(squash(local)))) return "personal";
  if (name.length >= 3 && squashed.includes(name)) return "personal";
  return undefined;
}
