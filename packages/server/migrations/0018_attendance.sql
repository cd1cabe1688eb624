CREATE TABLE "attendance_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text NOT NULL,
	"rows" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "attendance_imports_kind_ck" CHECK ("attendance_imports"."kind" in ('weeks', 'marks')),
	CONSTRAINT "attendance_imports_status_ck" CHECK ("attendance_imports"."status" in ('previewed', 'applied', 'discarded'))
);
--> statement-breakpoint
CREATE TABLE "attendance_marks" (
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"day" date NOT NULL,
	"session" text NOT NULL,
	"code" text NOT NULL,
	"import_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_marks_school_id_pupil_id_day_session_pk" PRIMARY KEY("school_id","pupil_id","day","session"),
	CONSTRAINT "attendance_marks_session_ck" CHECK ("attendance_marks"."session" in ('am', 'pm'))
);
--> statement-breakpoint
CREATE TABLE "attendance_weeks" (
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"possible" integer NOT NULL,
	"attended" integer NOT NULL,
	"authorised" integer NOT NULL,
	"unauthorised" integer NOT NULL,
	"import_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendance_weeks_school_id_pupil_id_week_start_pk" PRIMARY KEY("school_id","pupil_id","week_start"),
	CONSTRAINT "attendance_weeks_counts_ck" CHECK ("attendance_weeks"."possible" >= 0 and "attendance_weeks"."attended" >= 0 and "attendance_weeks"."authorised" >= 0 and "attendance_weeks"."unauthorised" >= 0 and "attendance_weeks"."attended" + "attendance_weeks"."authorised" + "attendance_weeks"."unauthorised" <= "attendance_weeks"."possible")
);
--> statement-breakpoint
CREATE TABLE "missing_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"day" date NOT NULL,
	"session" text NOT NULL,
	"code" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"alerted" jsonb NOT NULL,
	"action_taken" text,
	"action_note" text,
	"action_by" uuid,
	"action_at" timestamp with time zone,
	CONSTRAINT "missing_alerts_session_ck" CHECK ("missing_alerts"."session" in ('am', 'pm'))
);
--> statement-breakpoint
CREATE TABLE "missing_list_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "missing_list_changes_action_ck" CHECK ("missing_list_changes"."action" in ('added', 'removed'))
);
--> statement-breakpoint
CREATE TABLE "alternative_provisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"days" jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"attendance_reporting" text NOT NULL,
	"school_contact" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alternative_provisions_kind_ck" CHECK ("alternative_provisions"."kind" in ('medical_education', 'hospital_school', 'alternative_provision', 'virtual_learning'))
);
--> statement-breakpoint
CREATE TABLE "reduced_timetables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"hours" text NOT NULL,
	"sessions_per_week" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"longer_reason" text,
	"return_plan" text NOT NULL,
	"parents_agreed_by" text NOT NULL,
	"parents_agreed_on" date NOT NULL,
	"parents_agreed_how" text NOT NULL,
	"la_told_on" date,
	"la_told_by" text,
	"lead_user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"ended_on" date,
	"ending" text,
	"ending_note" text,
	"end_reminder_for" date,
	"overdue_flagged_for" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reduced_timetables_status_ck" CHECK ("reduced_timetables"."status" in ('active', 'ended')),
	CONSTRAINT "reduced_timetables_how_ck" CHECK ("reduced_timetables"."parents_agreed_how" in ('in_person', 'meeting', 'phone', 'email', 'letter')),
	CONSTRAINT "reduced_timetables_dates_ck" CHECK ("reduced_timetables"."end_on" >= "reduced_timetables"."start_on"),
	CONSTRAINT "reduced_timetables_sessions_ck" CHECK ("reduced_timetables"."sessions_per_week" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "timetable_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"timetable_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"held_on" date,
	"outcome" text,
	"held_by" uuid,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "visit_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"every_days" integer NOT NULL,
	"lead_user_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"ended_on" date,
	"missed_flagged_for" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "visit_schedules_every_ck" CHECK ("visit_schedules"."every_days" between 1 and 90)
);
--> statement-breakpoint
CREATE TABLE "welfare_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid NOT NULL,
	"seen" boolean NOT NULL,
	"how_seemed" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "welfare_visits_kind_ck" CHECK ("welfare_visits"."kind" in ('home_visit', 'phone_call', 'video_call', 'visit_at_provision'))
);
--> statement-breakpoint
CREATE TABLE "early_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reason" text NOT NULL,
	"fired" jsonb NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "early_reviews_outcome_ck" CHECK ("early_reviews"."outcome" in ('no_action', 'level_change', 'referral'))
);
--> statement-breakpoint
CREATE TABLE "early_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean NOT NULL,
	"params" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "early_rules_kind_ck" CHECK ("early_rules"."kind" in ('attendance_drop', 'concerns_count', 'score_clinical', 'checkins_down'))
);
--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_imports" ADD CONSTRAINT "attendance_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_marks" ADD CONSTRAINT "attendance_marks_import_id_attendance_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."attendance_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_weeks" ADD CONSTRAINT "attendance_weeks_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_weeks" ADD CONSTRAINT "attendance_weeks_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_weeks" ADD CONSTRAINT "attendance_weeks_import_id_attendance_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."attendance_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_alerts" ADD CONSTRAINT "missing_alerts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_alerts" ADD CONSTRAINT "missing_alerts_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_alerts" ADD CONSTRAINT "missing_alerts_action_by_users_id_fk" FOREIGN KEY ("action_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_list_changes" ADD CONSTRAINT "missing_list_changes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_list_changes" ADD CONSTRAINT "missing_list_changes_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_list_changes" ADD CONSTRAINT "missing_list_changes_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alternative_provisions" ADD CONSTRAINT "alternative_provisions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alternative_provisions" ADD CONSTRAINT "alternative_provisions_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alternative_provisions" ADD CONSTRAINT "alternative_provisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduced_timetables" ADD CONSTRAINT "reduced_timetables_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduced_timetables" ADD CONSTRAINT "reduced_timetables_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduced_timetables" ADD CONSTRAINT "reduced_timetables_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reduced_timetables" ADD CONSTRAINT "reduced_timetables_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reviews" ADD CONSTRAINT "timetable_reviews_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reviews" ADD CONSTRAINT "timetable_reviews_timetable_id_reduced_timetables_id_fk" FOREIGN KEY ("timetable_id") REFERENCES "public"."reduced_timetables"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timetable_reviews" ADD CONSTRAINT "timetable_reviews_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedules" ADD CONSTRAINT "visit_schedules_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedules" ADD CONSTRAINT "visit_schedules_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedules" ADD CONSTRAINT "visit_schedules_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_schedules" ADD CONSTRAINT "visit_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_visits" ADD CONSTRAINT "welfare_visits_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_visits" ADD CONSTRAINT "welfare_visits_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_visits" ADD CONSTRAINT "welfare_visits_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "welfare_visits" ADD CONSTRAINT "welfare_visits_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_reviews" ADD CONSTRAINT "early_reviews_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_reviews" ADD CONSTRAINT "early_reviews_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_reviews" ADD CONSTRAINT "early_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_rules" ADD CONSTRAINT "early_rules_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_rules" ADD CONSTRAINT "early_rules_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_imports_school_idx" ON "attendance_imports" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "attendance_marks_school_day_idx" ON "attendance_marks" USING btree ("school_id","day","session");--> statement-breakpoint
CREATE INDEX "attendance_weeks_school_week_idx" ON "attendance_weeks" USING btree ("school_id","week_start");--> statement-breakpoint
CREATE UNIQUE INDEX "missing_alerts_session_uq" ON "missing_alerts" USING btree ("school_id","pupil_id","day","session");--> statement-breakpoint
CREATE INDEX "missing_alerts_open_idx" ON "missing_alerts" USING btree ("school_id","raised_at");--> statement-breakpoint
CREATE INDEX "missing_list_changes_pupil_idx" ON "missing_list_changes" USING btree ("school_id","pupil_id","at");--> statement-breakpoint
CREATE INDEX "alternative_provisions_pupil_idx" ON "alternative_provisions" USING btree ("school_id","pupil_id","start_on");--> statement-breakpoint
CREATE INDEX "reduced_timetables_pupil_idx" ON "reduced_timetables" USING btree ("school_id","pupil_id","start_on");--> statement-breakpoint
CREATE INDEX "reduced_timetables_active_idx" ON "reduced_timetables" USING btree ("school_id","end_on") WHERE "reduced_timetables"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "reduced_timetables_one_active_uq" ON "reduced_timetables" USING btree ("pupil_id") WHERE "reduced_timetables"."status" = 'active';--> statement-breakpoint
CREATE INDEX "timetable_reviews_timetable_idx" ON "timetable_reviews" USING btree ("school_id","timetable_id","due_on");--> statement-breakpoint
CREATE INDEX "timetable_reviews_due_idx" ON "timetable_reviews" USING btree ("due_on") WHERE "timetable_reviews"."held_on" is null and "timetable_reviews"."reminded_at" is null;--> statement-breakpoint
CREATE INDEX "visit_schedules_pupil_idx" ON "visit_schedules" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_schedules_one_running_uq" ON "visit_schedules" USING btree ("pupil_id") WHERE "visit_schedules"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "welfare_visits_pupil_idx" ON "welfare_visits" USING btree ("school_id","pupil_id","at");--> statement-breakpoint
CREATE INDEX "early_reviews_pupil_idx" ON "early_reviews" USING btree ("school_id","pupil_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "early_reviews_school_idx" ON "early_reviews" USING btree ("school_id","reviewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "early_rules_school_kind_uq" ON "early_rules" USING btree ("school_id","kind");