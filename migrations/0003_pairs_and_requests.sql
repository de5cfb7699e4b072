CREATE TABLE "relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"mentor_user_id" uuid NOT NULL,
	"mentee_user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"round_id" uuid,
	"match_reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"mentor_accepted_at" timestamp with time zone,
	"mentee_accepted_at" timestamp with time zone,
	"declined_by" uuid,
	"decline_reason" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_category" text,
	"end_note" text,
	"mentor_continues" boolean,
	"mentee_continues" boolean,
	"continuing" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"mentee_enrolment_id" uuid NOT NULL,
	"mentor_enrolment_id" uuid NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decline_reason" text,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "match_mode" text DEFAULT 'round' NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "acceptance" text DEFAULT 'two_sided' NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "request_limit" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "request_expiry_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentor_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentor_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentee_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentee_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentor_user_id_users_id_fk" FOREIGN KEY ("mentor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mentee_user_id_users_id_fk" FOREIGN KEY ("mentee_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_declined_by_users_id_fk" FOREIGN KEY ("declined_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_mentee_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentee_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_requests" ADD CONSTRAINT "match_requests_mentor_enrolment_id_enrolments_id_fk" FOREIGN KEY ("mentor_enrolment_id") REFERENCES "public"."enrolments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_one_live_per_mentee" ON "relationships" USING btree ("programme_id","mentee_enrolment_id") WHERE status in ('proposed', 'active', 'paused');--> statement-breakpoint
CREATE INDEX "relationships_mentor_idx" ON "relationships" USING btree ("mentor_enrolment_id","status");--> statement-breakpoint
CREATE INDEX "relationships_programme_idx" ON "relationships" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "relationships_mentor_user_idx" ON "relationships" USING btree ("mentor_user_id");--> statement-breakpoint
CREATE INDEX "relationships_mentee_user_idx" ON "relationships" USING btree ("mentee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "match_requests_one_pending_per_pair" ON "match_requests" USING btree ("mentee_enrolment_id","mentor_enrolment_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "match_requests_mentor_idx" ON "match_requests" USING btree ("mentor_enrolment_id","status");--> statement-breakpoint
CREATE INDEX "match_requests_mentee_idx" ON "match_requests" USING btree ("mentee_enrolment_id","status");--> statement-breakpoint
CREATE INDEX "match_requests_expiry_idx" ON "match_requests" USING btree ("status","expires_at");