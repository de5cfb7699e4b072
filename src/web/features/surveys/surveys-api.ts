import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  MySurveys,
  SendResult,
  Survey,
  SurveyCreate,
  SurveyForRespondent,
  SurveyList,
  SurveyQuestion,
  SurveyResults,
  SurveySchedule,
  SurveyUpdate,
} from "../../../contracts/surveys";
import { api } from "../../lib/api";

export type SurveyT = z.infer<typeof Survey>;
export type SurveyListT = z.infer<typeof SurveyList>;
export type SurveyResultsT = z.infer<typeof SurveyResults>;
export type SurveyForRespondentT = z.infer<typeof SurveyForRespondent>;
export type SurveyQuestionT = z.infer<typeof SurveyQuestion>;
export type SurveyScheduleT = z.infer<typeof SurveySchedule>;
export type SurveyDraft = z.input<typeof SurveyCreate>;
export type AnswerValue = number | string | string[];

const id = encodeURIComponent;
const base = (programmeId: string) => `/api/programmes/${id(programmeId)}/surveys`;

export const surveyKeys = {
  list: (programmeId: string) => ["programmes", programmeId, "surveys"] as const,
  one: (programmeId: string, surveyId: string) => ["programmes", programmeId, "surveys", surveyId] as const,
  results: (programmeId: string, surveyId: string) => ["programmes", programmeId, "surveys", surveyId, "results"] as const,
  link: (token: string) => ["survey-links", token] as const,
  mine: ["me", "surveys"] as const,
};

export const surveysQuery = (programmeId: string) =>
  queryOptions({ queryKey: surveyKeys.list(programmeId), queryFn: ({ signal }) => api<SurveyListT>(base(programmeId), { signal }) });
export const surveyQuery = (programmeId: string, surveyId: string) =>
  queryOptions({
    queryKey: surveyKeys.one(programmeId, surveyId),
    queryFn: ({ signal }) => api<SurveyT>(`${base(programmeId)}/${id(surveyId)}`, { signal }),
  });
export const surveyResultsQuery = (programmeId: string, surveyId: string) =>
  queryOptions({
    queryKey: surveyKeys.results(programmeId, surveyId),
    queryFn: ({ signal }) => api<SurveyResultsT>(`${base(programmeId)}/${id(surveyId)}/results`, { signal }),
  });
export const surveyExportUrl = (programmeId: string, surveyId: string) => `${base(programmeId)}/${id(surveyId)}/responses.csv`;

export const createSurvey = (programmeId: string, body: SurveyDraft) => api<SurveyT>(base(programmeId), { method: "POST", body });
export const updateSurvey = (programmeId: string, surveyId: string, body: z.input<typeof SurveyUpdate>) =>
  api<SurveyT>(`${base(programmeId)}/${id(surveyId)}`, { method: "PUT", body });
export const setSurveyStatus = (programmeId: string, surveyId: string, status: SurveyT["status"], version: number) =>
  api<SurveyT>(`${base(programmeId)}/${id(surveyId)}/status`, { method: "PUT", body: { status, version } });
export const duplicateSurvey = (programmeId: string, surveyId: string) =>
  api<SurveyT>(`${base(programmeId)}/${id(surveyId)}/duplicate`, { method: "POST" });
export const deleteSurvey = (programmeId: string, surveyId: string) =>
  api<void>(`${base(programmeId)}/${id(surveyId)}`, { method: "DELETE" });
export const sendSurveyNow = (programmeId: string, surveyId: string) =>
  api<z.infer<typeof SendResult>>(`${base(programmeId)}/${id(surveyId)}/send`, { method: "POST" });

export const surveyLinkQuery = (token: string) =>
  queryOptions({
    queryKey: surveyKeys.link(token),
    queryFn: ({ signal }) => api<SurveyForRespondentT>(`/api/survey-links/${id(token)}`, { signal }),
    retry: false,
  });
export const answerSurvey = (token: string, answers: Record<string, AnswerValue>) =>
  api<{ state: "answered" }>(`/api/survey-links/${id(token)}/response`, { method: "POST", body: { answers } });

export const mySurveysQuery = queryOptions({
  queryKey: surveyKeys.mine,
  queryFn: ({ signal }) => api<z.infer<typeof MySurveys>>("/api/me/surveys", { signal }),
});
