import type { AppContext } from "../../platform/context.js";
import type { Schedule } from "../../platform/jobs/schedules.js";
import type { JobHandlers } from "../../platform/jobs/worker.js";
import { dispatchSurveys } from "./dispatch-surveys.js";

/** Hourly, so each person's 08:00 is caught within the hour wherever they are. */
export const surveyJobs = (ctx: AppContext): JobHandlers => ({
  "surveys.dispatch": { run: () => dispatchSurveys(ctx).then(() => undefined) },
});

export const surveySchedules: Schedule[] = [{ name: "survey-dispatch", cron: "4 * * * *", job: "surveys.dispatch" }];
