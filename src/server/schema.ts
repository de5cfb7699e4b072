// The one drizzle schema: every table of every module, for both PGlite and PostgreSQL.
export * from "./modules/accounts/tables.js";
export * from "./modules/alerts/tables.js";
export * from "./modules/check-ins/tables.js";
export * from "./modules/coaching/tables.js";
export * from "./modules/enrolment/tables.js";
export * from "./modules/growth/tables.js";
export * from "./modules/matching/tables.js";
export * from "./modules/programmes/tables.js";
export * from "./modules/relationships/tables.js";
export * from "./modules/self-match/tables.js";
export * from "./modules/support/tables.js";
export * from "./modules/surveys/tables.js";
export * from "./modules/workspace/tables.js";
export * from "./platform/jobs/tables.js";
