CREATE TABLE "level_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"from_level" text,
	"to_level" text,
	"definition_id" uuid,
	"reason" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"changed_by" uuid NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "level_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"school_provides" jsonb NOT NULL,
	"home_does" jsonb NOT NULL,
	"school_to_do" jsonb NOT NULL,
	"home_to_do" jsonb NOT NULL,
	"evidence_to_move_up" text NOT NULL,
	"parent_summary" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "level_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"audience" text NOT NULL,
	"level" text,
	"batch_id" uuid NOT NULL,
	"shared_by" uuid NOT NULL,
	"shared_at" timestamp with time zone NOT NULL,
	CONSTRAINT "level_shares_audience_ck" CHECK ("level_shares"."audience" in ('parents', 'staff'))
);
--> statement-breakpoint
CREATE TABLE "pupil_imports" (
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
	CONSTRAINT "pupil_imports_kind_ck" CHECK ("pupil_imports"."kind" in ('pupils', 'contacts', 'groups')),
	CONSTRAINT "pupil_imports_status_ck" CHECK ("pupil_imports"."status" in ('previewed', 'applied', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "current_level" text;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "level_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_definition_id_level_definitions_id_fk" FOREIGN KEY ("definition_id") REFERENCES "public"."level_definitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_changes" ADD CONSTRAINT "level_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_definitions" ADD CONSTRAINT "level_definitions_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_definitions" ADD CONSTRAINT "level_definitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_shares" ADD CONSTRAINT "level_shares_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_shares" ADD CONSTRAINT "level_shares_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "level_shares" ADD CONSTRAINT "level_shares_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_imports" ADD CONSTRAINT "pupil_imports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_imports" ADD CONSTRAINT "pupil_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "level_changes_pupil_idx" ON "level_changes" USING btree ("school_id","pupil_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "level_definitions_version_uq" ON "level_definitions" USING btree ("school_id","code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "level_definitions_current_uq" ON "level_definitions" USING btree ("school_id","code") WHERE "level_definitions"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "level_shares_pupil_idx" ON "level_shares" USING btree ("school_id","pupil_id","shared_at");--> statement-breakpoint
CREATE INDEX "pupil_imports_school_idx" ON "pupil_imports" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "pupils_school_level_idx" ON "pupils" USING btree ("school_id","current_level");