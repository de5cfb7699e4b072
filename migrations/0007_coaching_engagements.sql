CREATE TABLE "coach_profiles" (
	"enrolment_id" uuid PRIMARY KEY NOT NULL,
	"credentials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"specialisms" text[] DEFAULT '{}'::text[] NOT NULL,
	"approach" text DEFAULT '' NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zones" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_chemistry_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shortlist_id" uuid NOT NULL,
	"coach_enrolment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"minutes" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_engagements" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"package_name" text NOT NULL,
	"sessions" integer NOT NULL,
	"session_minutes" integer NOT NULL,
	"period_weeks" integer NOT NULL,
	"reference_price" text DEFAULT '' NOT NULL,
	"cost_centre" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"sponsor_email" text,
	"coach_agreed_at" timestamp with time zone,
	"coachee_agreed_at" timestamp with time zone,
	"sponsor_agreed_at" timestamp with time zone,
	"agreed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"session_id" uuid,
	"title" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"due_on" date,
	"done_at" timestamp with time zone,
	"response" text DEFAULT '' NOT NULL,
	"responded_at" timestamp with time zone,
	"assigned_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"sessions" integer DEFAULT 0 NOT NULL,
	"weeks" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outcome_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"rater_group" text NOT NULL,
	"rater_user_id" uuid,
	"stakeholder_id" uuid,
	"value" double precision NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_measurements_one_rater" CHECK (("coaching_measurements"."rater_user_id" is null) <> ("coaching_measurements"."stakeholder_id" is null))
);
--> statement-breakpoint
CREATE TABLE "coaching_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"measure" jsonb NOT NULL,
	"direction" text NOT NULL,
	"target" double precision,
	"raters" text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sessions" integer NOT NULL,
	"session_minutes" integer NOT NULL,
	"period_weeks" integer NOT NULL,
	"sponsor_required" boolean DEFAULT false NOT NULL,
	"reference_price" text DEFAULT '' NOT NULL,
	"cost_centre" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_plan_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"entries" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_rating_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coaching_rating_requests_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "coaching_session_plans" (
	"relationship_id" uuid PRIMARY KEY NOT NULL,
	"template_name" text,
	"entries" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_shortlist_entries" (
	"shortlist_id" uuid NOT NULL,
	"coach_enrolment_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"score" real NOT NULL,
	"factors" jsonb NOT NULL,
	"reasons" text[] NOT NULL,
	CONSTRAINT "coaching_shortlist_entries_shortlist_id_coach_enrolment_id_pk" PRIMARY KEY("shortlist_id","coach_enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "coaching_shortlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"coachee_enrolment_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"sponsor_email" text,
	"status" text DEFAULT 'open' NOT NULL,
	"relationship_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"relation" text DEFAULT '' NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_summaries" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"relationship_id" uuid NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"shared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"relationship_id" uuid NOT NULL,
	"author_id" uuid,
	"author_side" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coach_profiles" ADD CONSTRAINT "coach_profiles_enrolment_id_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_profiles" ADD CONSTRAINT "coach_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_chemistry_calls" ADD CONSTRAINT "coaching_chemistry_calls_shortlist_id_coaching_shortlists_id_fk" FOREIGN KEY ("shortlist_id") REFERENCES "public"."coaching_shortlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_chemistry_calls" ADD CONSTRAINT "coaching_chemistry_calls_coach_enrolment_id_enrolments_id_fk" FOREIGN KEY ("coach_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_chemistry_calls" ADD CONSTRAINT "coaching_chemistry_calls_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_engagements" ADD CONSTRAINT "coaching_engagements_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_engagements" ADD CONSTRAINT "coaching_engagements_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_engagements" ADD CONSTRAINT "coaching_engagements_package_id_coaching_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."coaching_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_engagements" ADD CONSTRAINT "coaching_engagements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_exercises" ADD CONSTRAINT "coaching_exercises_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_exercises" ADD CONSTRAINT "coaching_exercises_session_id_pair_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pair_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_exercises" ADD CONSTRAINT "coaching_exercises_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_extensions" ADD CONSTRAINT "coaching_extensions_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_extensions" ADD CONSTRAINT "coaching_extensions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_measurements" ADD CONSTRAINT "coaching_measurements_outcome_id_coaching_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."coaching_outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_measurements" ADD CONSTRAINT "coaching_measurements_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_measurements" ADD CONSTRAINT "coaching_measurements_rater_user_id_users_id_fk" FOREIGN KEY ("rater_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_measurements" ADD CONSTRAINT "coaching_measurements_stakeholder_id_coaching_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."coaching_stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_outcomes" ADD CONSTRAINT "coaching_outcomes_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_packages" ADD CONSTRAINT "coaching_packages_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_templates" ADD CONSTRAINT "coaching_plan_templates_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plan_templates" ADD CONSTRAINT "coaching_plan_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_rating_requests" ADD CONSTRAINT "coaching_rating_requests_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_rating_requests" ADD CONSTRAINT "coaching_rating_requests_stakeholder_id_coaching_stakeholders_id_fk" FOREIGN KEY ("stakeholder_id") REFERENCES "public"."coaching_stakeholders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_rating_requests" ADD CONSTRAINT "coaching_rating_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_session_plans" ADD CONSTRAINT "coaching_session_plans_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_session_plans" ADD CONSTRAINT "coaching_session_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlist_entries" ADD CONSTRAINT "coaching_shortlist_entries_shortlist_id_coaching_shortlists_id_fk" FOREIGN KEY ("shortlist_id") REFERENCES "public"."coaching_shortlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlist_entries" ADD CONSTRAINT "coaching_shortlist_entries_coach_enrolment_id_enrolments_id_fk" FOREIGN KEY ("coach_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlists" ADD CONSTRAINT "coaching_shortlists_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlists" ADD CONSTRAINT "coaching_shortlists_coachee_enrolment_id_enrolments_id_fk" FOREIGN KEY ("coachee_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlists" ADD CONSTRAINT "coaching_shortlists_package_id_coaching_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."coaching_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlists" ADD CONSTRAINT "coaching_shortlists_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_shortlists" ADD CONSTRAINT "coaching_shortlists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_stakeholders" ADD CONSTRAINT "coaching_stakeholders_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_stakeholders" ADD CONSTRAINT "coaching_stakeholders_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_summaries" ADD CONSTRAINT "coaching_summaries_session_id_pair_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pair_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_summaries" ADD CONSTRAINT "coaching_summaries_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_topics" ADD CONSTRAINT "agenda_topics_session_id_pair_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."pair_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_topics" ADD CONSTRAINT "agenda_topics_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_topics" ADD CONSTRAINT "agenda_topics_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_chemistry_calls_shortlist_idx" ON "coaching_chemistry_calls" USING btree ("shortlist_id");--> statement-breakpoint
CREATE INDEX "coaching_engagements_programme_idx" ON "coaching_engagements" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "coaching_engagements_sponsor_idx" ON "coaching_engagements" USING btree ("sponsor_email");--> statement-breakpoint
CREATE INDEX "coaching_exercises_relationship_idx" ON "coaching_exercises" USING btree ("relationship_id","done_at");--> statement-breakpoint
CREATE INDEX "coaching_extensions_relationship_idx" ON "coaching_extensions" USING btree ("relationship_id");--> statement-breakpoint
CREATE INDEX "coaching_measurements_outcome_idx" ON "coaching_measurements" USING btree ("outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_measurements_one_per_rater" ON "coaching_measurements" USING btree ("outcome_id","phase",coalesce("rater_user_id", "stakeholder_id"));--> statement-breakpoint
CREATE INDEX "coaching_outcomes_relationship_idx" ON "coaching_outcomes" USING btree ("relationship_id","position");--> statement-breakpoint
CREATE INDEX "coaching_packages_programme_idx" ON "coaching_packages" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_plan_templates_shipped" ON "coaching_plan_templates" USING btree ("programme_id","key") WHERE key is not null;--> statement-breakpoint
CREATE INDEX "coaching_rating_requests_stakeholder_idx" ON "coaching_rating_requests" USING btree ("stakeholder_id","phase");--> statement-breakpoint
CREATE INDEX "coaching_shortlists_programme_idx" ON "coaching_shortlists" USING btree ("programme_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_shortlists_one_open" ON "coaching_shortlists" USING btree ("coachee_enrolment_id") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_stakeholders_email" ON "coaching_stakeholders" USING btree ("relationship_id","email");--> statement-breakpoint
CREATE INDEX "agenda_topics_session_idx" ON "agenda_topics" USING btree ("session_id","created_at");--> statement-breakpoint
-- Coaching programmes made before packages existed get the default one (six sessions of an hour within twelve weeks).
INSERT INTO "coaching_packages" ("programme_id", "name", "sessions", "session_minutes", "period_weeks")
SELECT "id", '6 sessions in 12 weeks', 6, 60, 12 FROM "programmes" WHERE "type" = 'coaching';
