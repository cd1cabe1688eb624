CREATE TABLE "retention_destructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"pupil_name" text NOT NULL,
	"pupil_date_of_birth" text NOT NULL,
	"record_class" text NOT NULL,
	"review_on" date NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"counts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "retention_destructions_class_ck" CHECK ("retention_destructions"."record_class" in ('child-protection', 'sen', 'wellbeing')),
	CONSTRAINT "retention_destructions_status_ck" CHECK ("retention_destructions"."status" in ('proposed', 'destroyed', 'withdrawn')),
	CONSTRAINT "retention_destructions_confirmed_ck" CHECK (("retention_destructions"."status" = 'destroyed') = ("retention_destructions"."confirmed_by" is not null and "retention_destructions"."confirmed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"record_class" text NOT NULL,
	"years" integer NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "retention_settings_class_ck" CHECK ("retention_settings"."record_class" in ('child-protection', 'sen', 'wellbeing')),
	CONSTRAINT "retention_settings_years_ck" CHECK ("retention_settings"."years" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "subject_access_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"item_source" text NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" text NOT NULL,
	"item_title" text NOT NULL,
	"item_at" timestamp with time zone NOT NULL,
	"restricted" boolean NOT NULL,
	"decision" text NOT NULL,
	"category" text,
	"reason" text NOT NULL,
	"redacted_text" text,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subject_access_decisions_decision_ck" CHECK ("subject_access_decisions"."decision" in ('disclose', 'redact', 'withhold')),
	CONSTRAINT "subject_access_decisions_category_ck" CHECK ("subject_access_decisions"."category" is null or "subject_access_decisions"."category" in ('third_party', 'staff_confidence', 'risk_of_harm', 'other')),
	CONSTRAINT "subject_access_decisions_redact_ck" CHECK (("subject_access_decisions"."decision" = 'redact') = ("subject_access_decisions"."redacted_text" is not null))
);
--> statement-breakpoint
CREATE TABLE "subject_access_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_name" text NOT NULL,
	"requester_contact_id" uuid,
	"requester_relationship" text DEFAULT '' NOT NULL,
	"received_how" text NOT NULL,
	"received_on" date NOT NULL,
	"deadline" date NOT NULL,
	"extended_to" date,
	"extension_reason" text,
	"requester_told_on" date,
	"extended_by" uuid,
	"identity_checked_how" text,
	"identity_checked_by_name" text,
	"identity_checked_on" date,
	"identity_recorded_by" uuid,
	"review_started_at" timestamp with time zone,
	"sent_on" date,
	"sent_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_reason" text,
	"closed_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "subject_access_requests_kind_ck" CHECK ("subject_access_requests"."requester_kind" in ('parent', 'pupil', 'representative')),
	CONSTRAINT "subject_access_requests_how_ck" CHECK ("subject_access_requests"."received_how" in ('letter', 'email', 'portal')),
	CONSTRAINT "subject_access_requests_deadline_ck" CHECK ("subject_access_requests"."deadline" > "subject_access_requests"."received_on"),
	CONSTRAINT "subject_access_requests_extension_ck" CHECK ("subject_access_requests"."extended_to" is null or ("subject_access_requests"."extended_to" > "subject_access_requests"."deadline" and "subject_access_requests"."extension_reason" is not null and "subject_access_requests"."requester_told_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "school_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"on" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "school_terms_dates_ck" CHECK ("school_terms"."last_day" >= "school_terms"."first_day")
);
--> statement-breakpoint
CREATE TABLE "pupil_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"left_on" date NOT NULL,
	"due_on" date NOT NULL,
	"destination_name" text,
	"destination_urn" text,
	"destination_uses_tandem" boolean,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "received_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"file" text NOT NULL,
	"restricted" boolean NOT NULL,
	"from_school_name" text NOT NULL,
	"from_school_urn" text,
	"from_address" text,
	"package_id" text NOT NULL,
	"receipt_token" text,
	"items" jsonb NOT NULL,
	"item_count" integer NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"receipt_sent_at" timestamp with time zone,
	"receipt_attempts" integer DEFAULT 0 NOT NULL,
	"receipt_next_at" timestamp with time zone,
	CONSTRAINT "received_files_file_ck" CHECK ("received_files"."file" in ('child-protection', 'wellbeing'))
);
--> statement-breakpoint
CREATE TABLE "transfer_parts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"transfer_id" uuid NOT NULL,
	"file" text NOT NULL,
	"status" text NOT NULL,
	"code_hash" text,
	"package" "bytea",
	"receipt_token_hash" text,
	"items" integer,
	"prepared_at" timestamp with time zone,
	"prepared_by" uuid,
	"downloaded_at" timestamp with time zone,
	"fetched_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"sent_how" text,
	"received_at" timestamp with time zone,
	"receipt_by" text,
	"receipt_school" text,
	"receipt_how" text,
	"receipt_recorded_by" uuid,
	"none_held_by" uuid,
	"overdue_flagged_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "transfer_parts_file_ck" CHECK ("transfer_parts"."file" in ('child-protection', 'wellbeing')),
	CONSTRAINT "transfer_parts_status_ck" CHECK ("transfer_parts"."status" in ('to_send', 'prepared', 'sent', 'received', 'none_held'))
);
--> statement-breakpoint
CREATE TABLE "transfer_previews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_destructions" ADD CONSTRAINT "retention_destructions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_destructions" ADD CONSTRAINT "retention_destructions_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_destructions" ADD CONSTRAINT "retention_destructions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_destructions" ADD CONSTRAINT "retention_destructions_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_destructions" ADD CONSTRAINT "retention_destructions_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_decisions" ADD CONSTRAINT "subject_access_decisions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_decisions" ADD CONSTRAINT "subject_access_decisions_request_id_subject_access_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_access_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_decisions" ADD CONSTRAINT "subject_access_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_requester_contact_id_contacts_id_fk" FOREIGN KEY ("requester_contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_extended_by_users_id_fk" FOREIGN KEY ("extended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_identity_recorded_by_users_id_fk" FOREIGN KEY ("identity_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_access_requests" ADD CONSTRAINT "subject_access_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_closures" ADD CONSTRAINT "school_closures_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_closures" ADD CONSTRAINT "school_closures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_terms" ADD CONSTRAINT "school_terms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_terms" ADD CONSTRAINT "school_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_transfers" ADD CONSTRAINT "pupil_transfers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_transfers" ADD CONSTRAINT "pupil_transfers_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_transfers" ADD CONSTRAINT "pupil_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_files" ADD CONSTRAINT "received_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_files" ADD CONSTRAINT "received_files_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "received_files" ADD CONSTRAINT "received_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_parts" ADD CONSTRAINT "transfer_parts_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_parts" ADD CONSTRAINT "transfer_parts_transfer_id_pupil_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."pupil_transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_parts" ADD CONSTRAINT "transfer_parts_prepared_by_users_id_fk" FOREIGN KEY ("prepared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_parts" ADD CONSTRAINT "transfer_parts_receipt_recorded_by_users_id_fk" FOREIGN KEY ("receipt_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_parts" ADD CONSTRAINT "transfer_parts_none_held_by_users_id_fk" FOREIGN KEY ("none_held_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_previews" ADD CONSTRAINT "transfer_previews_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_previews" ADD CONSTRAINT "transfer_previews_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_destructions_school_idx" ON "retention_destructions" USING btree ("school_id","status","proposed_at");--> statement-breakpoint
CREATE INDEX "retention_destructions_pupil_idx" ON "retention_destructions" USING btree ("pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "retention_destructions_one_open_uq" ON "retention_destructions" USING btree ("school_id","pupil_id","record_class") WHERE "retention_destructions"."status" = 'proposed';--> statement-breakpoint
CREATE INDEX "retention_settings_school_idx" ON "retention_settings" USING btree ("school_id","record_class","set_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_access_decisions_item_uq" ON "subject_access_decisions" USING btree ("request_id","item_source","item_kind","item_id");--> statement-breakpoint
CREATE INDEX "subject_access_decisions_request_idx" ON "subject_access_decisions" USING btree ("school_id","request_id");--> statement-breakpoint
CREATE INDEX "subject_access_requests_school_idx" ON "subject_access_requests" USING btree ("school_id","received_on");--> statement-breakpoint
CREATE INDEX "subject_access_requests_open_idx" ON "subject_access_requests" USING btree ("school_id","deadline") WHERE "subject_access_requests"."closed_at" is null and "subject_access_requests"."sent_on" is null;--> statement-breakpoint
CREATE INDEX "subject_access_requests_pupil_idx" ON "subject_access_requests" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "school_closures_day_uq" ON "school_closures" USING btree ("school_id","on");--> statement-breakpoint
CREATE INDEX "school_terms_school_idx" ON "school_terms" USING btree ("school_id","first_day");--> statement-breakpoint
CREATE INDEX "pupil_transfers_school_idx" ON "pupil_transfers" USING btree ("school_id","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pupil_transfers_leaving_uq" ON "pupil_transfers" USING btree ("pupil_id","left_on");--> statement-breakpoint
CREATE INDEX "received_files_pupil_idx" ON "received_files" USING btree ("school_id","pupil_id","imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "received_files_package_uq" ON "received_files" USING btree ("school_id","package_id");--> statement-breakpoint
CREATE INDEX "received_files_receipt_idx" ON "received_files" USING btree ("receipt_next_at") WHERE "received_files"."receipt_sent_at" is null and "received_files"."receipt_token" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_parts_file_uq" ON "transfer_parts" USING btree ("transfer_id","file");--> statement-breakpoint
CREATE INDEX "transfer_parts_school_idx" ON "transfer_parts" USING btree ("school_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_parts_code_uq" ON "transfer_parts" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "transfer_previews_school_idx" ON "transfer_previews" USING btree ("school_id","created_at");--> statement-breakpoint
-- Retention's records are kept as written: a school's periods keep every change (a new row each
-- time), and a destruction, once done or withdrawn, is never changed or removed.
CREATE OR REPLACE FUNCTION retention_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'retention_destructions' AND TG_OP = 'UPDATE' AND OLD.status = 'proposed' THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% rows are kept as written (%)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$;--> statement-breakpoint
CREATE TRIGGER retention_settings_keep BEFORE UPDATE OR DELETE ON retention_settings
  FOR EACH ROW EXECUTE FUNCTION retention_refuse_change();--> statement-breakpoint
CREATE TRIGGER retention_destructions_keep BEFORE UPDATE OR DELETE ON retention_destructions
  FOR EACH ROW EXECUTE FUNCTION retention_refuse_change();
