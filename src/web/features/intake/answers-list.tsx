import type { AvailabilityWindow, Question, SkillAnswer } from "./answer-draft";
import { dayLabel } from "./availability-field";

/** One answer in words: lists joined, skills with their level, time windows with their day. */
export function formatAnswer(question: Pick<Question, "kind"> | undefined, value: unknown): string {
  if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return "";
  if (question?.kind === "skills" && Array.isArray(value)) {
    return (value as SkillAnswer[]).map((skill) => `${skill.name} (level ${skill.level})`).join(", ");
  }
  if (question?.kind === "availability" && Array.isArray(value)) {
    return (value as AvailabilityWindow[]).map((w) => `${dayLabel(w.day)} ${w.start}–${w.end}`).join(", ");
  }
  if (question?.kind === "scale") return `${String(value)} out of 5`;
  if (Array.isArray(value)) return value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

type AnswersListProps = {
  /** The questions as they were worded when the answers were given. */
  questions: ReadonlyArray<Question>;
  answers: Record<string, unknown>;
};

/** Someone's answers under the questions they answered, including ones left blank. */
export function AnswersList({ questions, answers }: AnswersListProps) {
  const known = new Set(questions.map((q) => q.key));
  const extra = Object.keys(answers).filter((key) => !known.has(key));
  if (questions.length === 0 && extra.length === 0) return <p className="muted">No answers yet.</p>;
  return (
    <dl className="answers">
      {questions.map((question) => {
        const text = formatAnswer(question, answers[question.key]);
        return (
          <div key={question.key} className="answers__item">
            <dt>{question.label}</dt>
            <dd className="prose">{text || <span className="muted">Not answered</span>}</dd>
          </div>
        );
      })}
      {extra.map((key) => (
        <div key={key} className="answers__item">
          <dt>
            <code>{key}</code>
          </dt>
          <dd className="prose">{formatAnswer(undefined, answers[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
