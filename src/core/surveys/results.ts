import { mayShowGroup } from "./anonymity.js";
import { type Nps, npsOf } from "./nps.js";
import { AGREEMENT_LABELS, isChoice, isScale, isText, type SurveyAnswers, type SurveyQuestion, scaleRange } from "./questions.js";

export type ResponseFacts = { answers: SurveyAnswers; week: number | null };

export type Bucket = { label: string; value: string; count: number };

export type QuestionResult = {
  questionId: string;
  type: SurveyQuestion["type"];
  prompt: string;
  /** How many responses answered this question. */
  n: number;
  /** Counts per score or choice, in the scale's or the options' order (empty for text). */
  distribution: Bucket[];
  average: number | null;
  nps: Nps | null;
  /** For text questions: the index of each response that answered, in the order given. */
  textAnswers: { index: number; text: string }[];
};

export type TrendPoint = { week: number; n: number; average: number };

export type SurveySummary = {
  responses: number;
  /** True when the survey is anonymous and has too few responses to show anything. */
  suppressed: boolean;
  questions: QuestionResult[];
  /** Average pulse score per programme week (anonymous surveys drop weeks under the threshold). */
  pulseTrend: TrendPoint[];
};

const round1 = (x: number) => Math.round(x * 10) / 10;

function scaleLabel(q: SurveyQuestion, v: number) {
  if (q.type === "agreement") return AGREEMENT_LABELS[v - 1];
  return String(v);
}

function summariseQuestion(q: SurveyQuestion, responses: readonly ResponseFacts[]): QuestionResult {
  const given = responses.map((r, index) => ({ index, value: r.answers[q.id] })).filter((x) => x.value !== undefined);
  const base = { questionId: q.id, type: q.type, prompt: q.prompt, n: given.length, average: null, nps: null, textAnswers: [] };
  if (isScale(q.type)) {
    const [low, high] = scaleRange(q.type);
    const scores = given.map((g) => g.value as number);
    const distribution = Array.from({ length: high - low + 1 }, (_, i) => {
      const v = low + i;
      return { value: String(v), label: scaleLabel(q, v), count: scores.filter((s) => s === v).length };
    });
    return {
      ...base,
      distribution,
      average: scores.length ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null,
      nps: q.type === "nps" ? npsOf(scores) : null,
    };
  }
  if (isChoice(q.type)) {
    const chosen = given.flatMap((g) => (Array.isArray(g.value) ? g.value : [g.value as string]));
    const distribution = (q.options ?? []).map((o) => ({ value: o, label: o, count: chosen.filter((c) => c === o).length }));
    return { ...base, distribution };
  }
  if (isText(q.type)) return { ...base, distribution: [], textAnswers: given.map((g) => ({ index: g.index, text: String(g.value) })) };
  return { ...base, distribution: [] };
}

/** Everything a results page shows, honouring the anonymity threshold. */
export function summariseSurvey(
  questions: readonly SurveyQuestion[],
  responses: readonly ResponseFacts[],
  anonymous: boolean,
): SurveySummary {
  if (!mayShowGroup(anonymous, responses.length)) {
    return { responses: responses.length, suppressed: true, questions: [], pulseTrend: [] };
  }
  const pulse = questions.find((q) => q.pulse);
  const byWeek = new Map<number, number[]>();
  if (pulse) {
    for (const r of responses) {
      const v = r.answers[pulse.id];
      if (typeof v !== "number" || r.week === null) continue;
      byWeek.set(r.week, [...(byWeek.get(r.week) ?? []), v]);
    }
  }
  const pulseTrend = [...byWeek.entries()]
    .filter(([, scores]) => mayShowGroup(anonymous, scores.length))
    .sort(([a], [b]) => a - b)
    .map(([week, scores]) => ({ week, n: scores.length, average: round1(scores.reduce((a, b) => a + b, 0) / scores.length) }));
  return { responses: responses.length, suppressed: false, questions: questions.map((q) => summariseQuestion(q, responses)), pulseTrend };
}
