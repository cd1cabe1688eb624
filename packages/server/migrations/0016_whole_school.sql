CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"school_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"statement_key" text NOT NULL,
	"rating" text,
	"evidence_text" text DEFAULT '' NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"framework" text NOT NULL,
	"period_label" text NOT NULL,
	"started_on" date NOT NULL,
	"started_by" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"previous_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_action_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"note" text NOT NULL,
	"status_after" text NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"first_assessment_id" uuid NOT NULL,
	"area_key" text NOT NULL,
	"statement_key" text,
	"title" text NOT NULL,
	"success_criteria" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"reminded_overdue_on" date,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"school_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"audiences" jsonb NOT NULL,
	"kind" text NOT NULL,
	"areas" jsonb NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"document_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"starter" boolean DEFAULT false NOT NULL,
	"last_reviewed_on" date NOT NULL,
	"last_reviewed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resources_kind_ck" CHECK ("resources"."kind" in ('guidance', 'training', 'tool', 'support_service', 'lesson', 'policy_template')),
	CONSTRAINT "resources_status_ck" CHECK ("resources"."status" in ('active', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "staff_survey_participants" (
	"school_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"group" text NOT NULL,
	"responded" boolean DEFAULT false NOT NULL,
	CONSTRAINT "staff_survey_participants_survey_id_user_id_pk" PRIMARY KEY("survey_id","user_id"),
	CONSTRAINT "staff_survey_participants_group_ck" CHECK ("staff_survey_participants"."group" in ('leadership', 'teaching', 'support'))
);
--> statement-breakpoint
CREATE TABLE "staff_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"group" text NOT NULL,
	"answered_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	"free_text" text,
	CONSTRAINT "staff_survey_responses_group_ck" CHECK ("staff_survey_responses"."group" in ('leadership', 'teaching', 'support'))
);
--> statement-breakpoint
CREATE TABLE "staff_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"title" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"groups" jsonb NOT NULL,
	"statements" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_surveys_status_ck" CHECK ("staff_surveys"."status" in ('draft', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"course" text NOT NULL,
	"other_name" text DEFAULT '' NOT NULL,
	"completed_on" date NOT NULL,
	"provider" text NOT NULL,
	"renewal_months" integer,
	"certificate_document_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submission_key" text,
	CONSTRAINT "training_records_course_ck" CHECK ("training_records"."course" in ('safeguarding_level_1', 'dsl_level_3', 'mental_health_awareness', 'mental_health_first_aid', 'elsa', 'smhl_training', 'prevent', 'other')),
	CONSTRAINT "training_records_status_ck" CHECK ("training_records"."status" in ('confirmed', 'awaiting_confirmation')),
	CONSTRAINT "training_records_other_ck" CHECK ("training_records"."course" <> 'other' or "training_records"."other_name" <> ''),
	CONSTRAINT "training_records_renewal_ck" CHECK ("training_records"."renewal_months" is null or ("training_records"."renewal_months" between 1 and 120)),
	CONSTRAINT "training_records_confirmed_ck" CHECK ("training_records"."status" <> 'confirmed' or "training_records"."confirmed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"readers" text NOT NULL,
	"reader_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"next_review_on" date NOT NULL,
	"review_reminder_for" date,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policies_kind_ck" CHECK ("policies"."kind" in ('mental_health', 'safeguarding', 'send', 'behaviour', 'anti_bullying', 'attendance', 'staff_wellbeing', 'rse', 'medical', 'online_safety', 'other')),
	CONSTRAINT "policies_readers_ck" CHECK ("policies"."readers" in ('all_staff', 'roles', 'none'))
);
--> statement-breakpoint
CREATE TABLE "policy_reads" (
	"school_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_reads_policy_id_version_user_id_pk" PRIMARY KEY("policy_id","version","user_id")
);
--> statement-breakpoint
CREATE TABLE "policy_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document_id" uuid,
	"link" text,
	"approved_on" date NOT NULL,
	"approved_by" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"next_review_on" date NOT NULL,
	"review_reason" text DEFAULT '' NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "policy_versions_file_or_link_ck" CHECK ("policy_versions"."document_id" is not null or "policy_versions"."link" is not null)
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_ratings" ADD CONSTRAINT "assessment_ratings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_notes" ADD CONSTRAINT "improvement_action_notes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_notes" ADD CONSTRAINT "improvement_action_notes_action_id_improvement_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."improvement_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_action_notes" ADD CONSTRAINT "improvement_action_notes_written_by_users_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_first_assessment_id_assessments_id_fk" FOREIGN KEY ("first_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_last_reviewed_by_users_id_fk" FOREIGN KEY ("last_reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_survey_participants" ADD CONSTRAINT "staff_survey_participants_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_survey_participants" ADD CONSTRAINT "staff_survey_participants_survey_id_staff_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."staff_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_survey_participants" ADD CONSTRAINT "staff_survey_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_survey_responses" ADD CONSTRAINT "staff_survey_responses_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_survey_responses" ADD CONSTRAINT "staff_survey_responses_survey_id_staff_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."staff_surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_surveys" ADD CONSTRAINT "staff_surveys_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_surveys" ADD CONSTRAINT "staff_surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_certificate_document_id_documents_id_fk" FOREIGN KEY ("certificate_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_reads" ADD CONSTRAINT "policy_reads_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_reads" ADD CONSTRAINT "policy_reads_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_reads" ADD CONSTRAINT "policy_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_versions" ADD CONSTRAINT "policy_versions_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_school_idx" ON "documents" USING btree ("trust_id","school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_ratings_statement_uq" ON "assessment_ratings" USING btree ("assessment_id","statement_key");--> statement-breakpoint
CREATE INDEX "assessment_ratings_school_idx" ON "assessment_ratings" USING btree ("school_id","assessment_id");--> statement-breakpoint
CREATE INDEX "assessments_school_idx" ON "assessments" USING btree ("school_id","framework","started_on");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_draft_uq" ON "assessments" USING btree ("school_id","framework") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "improvement_action_notes_action_idx" ON "improvement_action_notes" USING btree ("action_id","written_at");--> statement-breakpoint
CREATE INDEX "improvement_actions_school_idx" ON "improvement_actions" USING btree ("school_id","assessment_id");--> statement-breakpoint
CREATE INDEX "improvement_actions_owner_idx" ON "improvement_actions" USING btree ("school_id","owner_user_id","status");--> statement-breakpoint
CREATE INDEX "resources_trust_idx" ON "resources" USING btree ("trust_id","school_id","status");--> statement-breakpoint
CREATE INDEX "staff_survey_participants_user_idx" ON "staff_survey_participants" USING btree ("school_id","user_id");--> statement-breakpoint
CREATE INDEX "staff_survey_responses_survey_idx" ON "staff_survey_responses" USING btree ("school_id","survey_id","id");--> statement-breakpoint
CREATE INDEX "staff_surveys_school_idx" ON "staff_surveys" USING btree ("school_id","opens_on");--> statement-breakpoint
CREATE INDEX "training_records_person_idx" ON "training_records" USING btree ("school_id","user_id","course","completed_on");--> statement-breakpoint
CREATE INDEX "training_records_status_idx" ON "training_records" USING btree ("school_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "training_records_submission_uq" ON "training_records" USING btree ("school_id","recorded_by","submission_key");--> statement-breakpoint
CREATE INDEX "policies_school_idx" ON "policies" USING btree ("school_id","next_review_on");--> statement-breakpoint
CREATE INDEX "policies_owner_idx" ON "policies" USING btree ("school_id","owner_user_id");--> statement-breakpoint
CREATE INDEX "policy_reads_user_idx" ON "policy_reads" USING btree ("school_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_versions_policy_uq" ON "policy_versions" USING btree ("policy_id","version");--> statement-breakpoint
CREATE INDEX "policy_versions_school_idx" ON "policy_versions" USING btree ("school_id","policy_id");