CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"concern_id" uuid,
	"message" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "concern_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"completion_note" text
);
--> statement-breakpoint
CREATE TABLE "concern_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"text" text NOT NULL,
	"reason" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"field" text NOT NULL,
	"from_value" jsonb,
	"to_value" jsonb,
	"reason" text NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_drafts" (
	"school_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "concern_drafts_school_id_user_id_pk" PRIMARY KEY("school_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "concern_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" text NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concern_pupils" (
	"school_id" uuid NOT NULL,
	"concern_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	CONSTRAINT "concern_pupils_concern_id_pupil_id_pk" PRIMARY KEY("concern_id","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"logged_by" uuid NOT NULL,
	"logged_at" timestamp with time zone NOT NULL,
	"submission_key" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"location" text NOT NULL,
	"account" text NOT NULL,
	"pupil_words" text,
	"warning_signs" jsonb NOT NULL,
	"others_present" text DEFAULT '' NOT NULL,
	"risk_of_immediate_harm" boolean NOT NULL,
	"possible_child_protection" boolean NOT NULL,
	"medical_emergency" boolean NOT NULL,
	"category" text NOT NULL,
	"route" text NOT NULL,
	"urgent" boolean NOT NULL,
	"restricted" boolean NOT NULL,
	"is_disclosure" boolean DEFAULT false NOT NULL,
	"disclosure_told_who" text,
	"disclosure_told_what" text,
	"disclosure_told_why" text,
	"disclosure_consent" text,
	"disclosure_consent_note" text,
	"status" text NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"escalation_alerted_at" timestamp with time zone,
	"escalated_to_dsl_by" uuid,
	"escalated_to_dsl_at" timestamp with time zone,
	"outcome" text,
	"outcome_note" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"parents_status" text NOT NULL,
	"pupil_tells_by" timestamp with time zone,
	"pupil_tells_reminder_sent_at" timestamp with time zone,
	"parents_told_at" timestamp with time zone,
	"parents_told_how" text,
	"parents_told_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "concerns_status_ck" CHECK ("concerns"."status" in ('open', 'acknowledged', 'closed')),
	CONSTRAINT "concerns_route_ck" CHECK ("concerns"."route" in ('mental_health_lead', 'dsl')),
	CONSTRAINT "concerns_parents_ck" CHECK ("concerns"."parents_status" in ('not_to_be_told', 'to_be_told', 'pupil_telling', 'told'))
);
--> statement-breakpoint
CREATE TABLE "dsl_duty" (
	"school_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"where_to_find" text DEFAULT '' NOT NULL,
	CONSTRAINT "dsl_duty_school_id_weekday_pk" PRIMARY KEY("school_id","weekday"),
	CONSTRAINT "dsl_duty_weekday_ck" CHECK ("dsl_duty"."weekday" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "schools" ADD COLUMN "urgent_ack_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_addenda" ADD CONSTRAINT "concern_addenda_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_addenda" ADD CONSTRAINT "concern_addenda_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_addenda" ADD CONSTRAINT "concern_addenda_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_corrections" ADD CONSTRAINT "concern_corrections_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_corrections" ADD CONSTRAINT "concern_corrections_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_corrections" ADD CONSTRAINT "concern_corrections_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_drafts" ADD CONSTRAINT "concern_drafts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_drafts" ADD CONSTRAINT "concern_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_files" ADD CONSTRAINT "concern_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_files" ADD CONSTRAINT "concern_files_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_files" ADD CONSTRAINT "concern_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_pupils" ADD CONSTRAINT "concern_pupils_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_pupils" ADD CONSTRAINT "concern_pupils_concern_id_concerns_id_fk" FOREIGN KEY ("concern_id") REFERENCES "public"."concerns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_pupils" ADD CONSTRAINT "concern_pupils_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_escalated_to_dsl_by_users_id_fk" FOREIGN KEY ("escalated_to_dsl_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_parents_told_by_users_id_fk" FOREIGN KEY ("parents_told_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dsl_duty" ADD CONSTRAINT "dsl_duty_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dsl_duty" ADD CONSTRAINT "dsl_duty_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_user_idx" ON "alerts" USING btree ("user_id","read_at","created_at");--> statement-breakpoint
CREATE INDEX "concern_actions_concern_idx" ON "concern_actions" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "concern_actions_owner_idx" ON "concern_actions" USING btree ("school_id","owner_user_id","due_on");--> statement-breakpoint
CREATE INDEX "concern_addenda_concern_idx" ON "concern_addenda" USING btree ("concern_id","added_at");--> statement-breakpoint
CREATE INDEX "concern_corrections_concern_idx" ON "concern_corrections" USING btree ("concern_id","changed_at");--> statement-breakpoint
CREATE INDEX "concern_files_concern_idx" ON "concern_files" USING btree ("concern_id");--> statement-breakpoint
CREATE INDEX "concern_pupils_pupil_idx" ON "concern_pupils" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_submission_uq" ON "concerns" USING btree ("school_id","logged_by","submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "concerns_reference_uq" ON "concerns" USING btree ("school_id","reference");--> statement-breakpoint
CREATE INDEX "concerns_queue_idx" ON "concerns" USING btree ("school_id","route","status","logged_at");--> statement-breakpoint
CREATE INDEX "concerns_logger_idx" ON "concerns" USING btree ("school_id","logged_by","logged_at");--> statement-breakpoint
CREATE INDEX "concerns_unacknowledged_idx" ON "concerns" USING btree ("logged_at") WHERE "concerns"."urgent" and "concerns"."status" = 'open' and "concerns"."escalation_alerted_at" is null;--> statement-breakpoint
CREATE INDEX "concerns_pupil_tells_idx" ON "concerns" USING btree ("pupil_tells_by") WHERE "concerns"."parents_status" = 'pupil_telling' and "concerns"."pupil_tells_reminder_sent_at" is null;