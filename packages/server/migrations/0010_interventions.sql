CREATE TABLE "intervention_attendance" (
	"school_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"attendance" text NOT NULL,
	CONSTRAINT "intervention_attendance_session_id_place_id_pk" PRIMARY KEY("session_id","place_id"),
	CONSTRAINT "intervention_attendance_ck" CHECK ("intervention_attendance"."attendance" in ('attended', 'not_attended'))
);
--> statement-breakpoint
CREATE TABLE "intervention_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"submission_key" text,
	"moved_to_position" integer,
	"moved_reason" text,
	"moved_at" timestamp with time zone,
	"moved_by" uuid,
	"allocated_at" timestamp with time zone,
	"allocated_by" uuid,
	"allocation_reason" text,
	"started_on" date,
	"parents_told_at" timestamp with time zone,
	"parents_told_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_reason" text,
	CONSTRAINT "intervention_places_status_ck" CHECK ("intervention_places"."status" in ('waiting', 'in', 'completed', 'left_early', 'withdrawn')),
	CONSTRAINT "intervention_places_source_ck" CHECK ("intervention_places"."source" in ('staff', 'parent'))
);
--> statement-breakpoint
CREATE TABLE "intervention_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"cancelled" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"submission_key" text
);
--> statement-breakpoint
CREATE TABLE "intervention_staff" (
	"school_id" uuid NOT NULL,
	"intervention_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "intervention_staff_intervention_id_user_id_pk" PRIMARY KEY("intervention_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "interventions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"places" integer NOT NULL,
	"session_count" integer NOT NULL,
	"session_minutes" integer NOT NULL,
	"session_day" text NOT NULL,
	"suits_levels" jsonb NOT NULL,
	"measure_key" text,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interventions_format_ck" CHECK ("interventions"."format" in ('group', 'one_to_one')),
	CONSTRAINT "interventions_status_ck" CHECK ("interventions"."status" in ('running', 'paused', 'retired')),
	CONSTRAINT "interventions_day_ck" CHECK ("interventions"."session_day" in ('monday', 'tuesday', 'wednesday', 'thursday', 'friday')),
	CONSTRAINT "interventions_places_ck" CHECK ("interventions"."places" between 1 and 40),
	CONSTRAINT "interventions_sessions_ck" CHECK ("interventions"."session_count" between 1 and 52)
);
--> statement-breakpoint
CREATE TABLE "custom_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "custom_measures_status_ck" CHECK ("custom_measures"."status" in ('in_use', 'retired'))
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"measure_key" text NOT NULL,
	"measure_version" integer NOT NULL,
	"place_id" uuid,
	"timepoint" text NOT NULL,
	"respondent" text NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"goals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"scores" jsonb,
	"risk_raised" boolean DEFAULT false NOT NULL,
	"concern_id" uuid,
	"due_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "questionnaires_timepoint_ck" CHECK ("questionnaires"."timepoint" in ('baseline', 'follow_up', 'check')),
	CONSTRAINT "questionnaires_status_ck" CHECK ("questionnaires"."status" in ('due', 'in_progress', 'complete')),
	CONSTRAINT "questionnaires_respondent_ck" CHECK ("questionnaires"."respondent" in ('pupil', 'parent', 'staff'))
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "handed_to" jsonb;--> statement-breakpoint
ALTER TABLE "intervention_attendance" ADD CONSTRAINT "intervention_attendance_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_attendance" ADD CONSTRAINT "intervention_attendance_session_id_intervention_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."intervention_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_attendance" ADD CONSTRAINT "intervention_attendance_place_id_intervention_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."intervention_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_allocated_by_users_id_fk" FOREIGN KEY ("allocated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_parents_told_by_users_id_fk" FOREIGN KEY ("parents_told_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_places" ADD CONSTRAINT "intervention_places_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_sessions" ADD CONSTRAINT "intervention_sessions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_sessions" ADD CONSTRAINT "intervention_sessions_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_sessions" ADD CONSTRAINT "intervention_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_staff" ADD CONSTRAINT "intervention_staff_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_staff" ADD CONSTRAINT "intervention_staff_intervention_id_interventions_id_fk" FOREIGN KEY ("intervention_id") REFERENCES "public"."interventions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intervention_staff" ADD CONSTRAINT "intervention_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interventions" ADD CONSTRAINT "interventions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_measures" ADD CONSTRAINT "custom_measures_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_measures" ADD CONSTRAINT "custom_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_place_id_intervention_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."intervention_places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD CONSTRAINT "questionnaires_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intervention_attendance_place_idx" ON "intervention_attendance" USING btree ("school_id","place_id");--> statement-breakpoint
CREATE INDEX "intervention_places_list_idx" ON "intervention_places" USING btree ("school_id","intervention_id","status");--> statement-breakpoint
CREATE INDEX "intervention_places_pupil_idx" ON "intervention_places" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_places_open_uq" ON "intervention_places" USING btree ("intervention_id","pupil_id") WHERE "intervention_places"."status" in ('waiting', 'in');--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_places_submission_uq" ON "intervention_places" USING btree ("school_id","requested_by","submission_key");--> statement-breakpoint
CREATE INDEX "intervention_sessions_idx" ON "intervention_sessions" USING btree ("school_id","intervention_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "intervention_sessions_submission_uq" ON "intervention_sessions" USING btree ("school_id","recorded_by","submission_key");--> statement-breakpoint
CREATE INDEX "intervention_staff_user_idx" ON "intervention_staff" USING btree ("school_id","user_id");--> statement-breakpoint
CREATE INDEX "interventions_school_idx" ON "interventions" USING btree ("school_id","status","name");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_measures_version_uq" ON "custom_measures" USING btree ("school_id","measure_id","version");--> statement-breakpoint
CREATE INDEX "questionnaires_pupil_idx" ON "questionnaires" USING btree ("school_id","pupil_id","created_at");--> statement-breakpoint
CREATE INDEX "questionnaires_place_idx" ON "questionnaires" USING btree ("school_id","place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_place_timepoint_uq" ON "questionnaires" USING btree ("place_id","timepoint") WHERE "questionnaires"."place_id" is not null and "questionnaires"."timepoint" in ('baseline', 'follow_up');