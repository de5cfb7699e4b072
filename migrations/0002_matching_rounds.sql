CREATE TABLE "match_mentor_stats" (
	"round_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"capacity" integer NOT NULL,
	"assigned" integer NOT NULL,
	"candidates" integer NOT NULL,
	"top_choice" integer NOT NULL,
	"price" real NOT NULL,
	CONSTRAINT "match_mentor_stats_round_id_mentor_enrolment_id_pk" PRIMARY KEY("round_id","mentor_enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "match_pairs" (
	"round_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"score" real NOT NULL,
	"factors" jsonb NOT NULL,
	"reasons" jsonb NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "match_pairs_round_id_mentee_enrolment_id_pk" PRIMARY KEY("round_id","mentee_enrolment_id")
);
--> statement-breakpoint
CREATE TABLE "match_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"settings" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"pool_fingerprint" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_unmatched" (
	"round_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "match_unmatched_round_id_mentee_enrolment_id_pk" PRIMARY KEY("round_id","mentee_enrolment_id")
);
--> statement-breakpoint
ALTER TABLE "match_mentor_stats" ADD CONSTRAINT "match_mentor_stats_round_id_match_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."match_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_mentor_stats" ADD CONSTRAINT "match_mentor_stats_mentor_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentor_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_pairs" ADD CONSTRAINT "match_pairs_round_id_match_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."match_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_pairs" ADD CONSTRAINT "match_pairs_mentee_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentee_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_pairs" ADD CONSTRAINT "match_pairs_mentor_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentor_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rounds" ADD CONSTRAINT "match_rounds_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rounds" ADD CONSTRAINT "match_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_unmatched" ADD CONSTRAINT "match_unmatched_round_id_match_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."match_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_unmatched" ADD CONSTRAINT "match_unmatched_mentee_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentee_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_pairs_mentor_idx" ON "match_pairs" USING btree ("round_id","mentor_enrolment_id");--> statement-breakpoint
CREATE INDEX "match_rounds_programme_idx" ON "match_rounds" USING btree ("programme_id","created_at");