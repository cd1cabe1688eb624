CREATE TABLE "checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"mood" smallint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"wants_to_talk" boolean NOT NULL,
	"risk_concern_id" uuid,
	"talk_to_user_id" uuid,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"escalate_at" timestamp with time zone,
	"submission_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checkins_mood_ck" CHECK ("checkins"."mood" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "family_confirmations" (
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"item" text NOT NULL,
	"item_id" uuid NOT NULL,
	"item_version" integer DEFAULT 0 NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_confirmations_user_id_item_item_id_item_version_pk" PRIMARY KEY("user_id","item","item_id","item_version"),
	CONSTRAINT "family_confirmations_item_ck" CHECK ("family_confirmations"."item" in ('plan', 'letter'))
);
--> statement-breakpoint
CREATE TABLE "family_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"sent_by" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"intervention_id" uuid,
	"concern_id" uuid,
	"place_id" uuid,
	"submission_key" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "family_messages_kind_ck" CHECK ("family_messages"."kind" in ('tell', 'support'))
);
--> statement-breakpoint
CREATE TABLE "family_news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "family_no_access" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"reason_kind" text NOT NULL,
	"reason" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lifted_reason" text,
	CONSTRAINT "family_no_access_reason_ck" CHECK ("family_no_access"."reason_kind" in ('court_order', 'school_decision'))
);
--> statement-breakpoint
CREATE TABLE "family_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_news" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "family_settings" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"partnership" jsonb NOT NULL,
	"risk_words" jsonb NOT NULL,
	"checkin_frequency" text DEFAULT 'weekly' NOT NULL,
	"help_location" text DEFAULT '' NOT NULL,
	"day_ends_at" text DEFAULT '15:30' NOT NULL,
	"pupil_account_years" integer[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trusted_adults" (
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trusted_adults_school_id_pupil_id_pk" PRIMARY KEY("school_id","pupil_id")
);
--> statement-breakpoint
ALTER TABLE "one_time_tokens" DROP CONSTRAINT "one_time_tokens_purpose_ck";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "no_contact" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "concerns" ADD COLUMN "from_parent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "shared_with_parents_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "shared_with_parents_by" uuid;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_talk_to_user_id_users_id_fk" FOREIGN KEY ("talk_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_confirmations" ADD CONSTRAINT "family_confirmations_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_confirmations" ADD CONSTRAINT "family_confirmations_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_confirmations" ADD CONSTRAINT "family_confirmations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_messages" ADD CONSTRAINT "family_messages_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_news" ADD CONSTRAINT "family_news_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_news" ADD CONSTRAINT "family_news_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_no_access" ADD CONSTRAINT "family_no_access_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_no_access" ADD CONSTRAINT "family_no_access_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_no_access" ADD CONSTRAINT "family_no_access_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_no_access" ADD CONSTRAINT "family_no_access_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_no_access" ADD CONSTRAINT "family_no_access_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_preferences" ADD CONSTRAINT "family_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_settings" ADD CONSTRAINT "family_settings_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "family_settings" ADD CONSTRAINT "family_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_adults" ADD CONSTRAINT "trusted_adults_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_adults" ADD CONSTRAINT "trusted_adults_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_adults" ADD CONSTRAINT "trusted_adults_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trusted_adults" ADD CONSTRAINT "trusted_adults_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkins_pupil_idx" ON "checkins" USING btree ("school_id","pupil_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_submission_uq" ON "checkins" USING btree ("school_id","pupil_id","submission_key");--> statement-breakpoint
CREATE INDEX "checkins_talk_idx" ON "checkins" USING btree ("school_id","talk_to_user_id") WHERE "checkins"."wants_to_talk" and "checkins"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "checkins_escalate_idx" ON "checkins" USING btree ("escalate_at") WHERE "checkins"."wants_to_talk" and "checkins"."acknowledged_at" is null and "checkins"."escalated_at" is null;--> statement-breakpoint
CREATE INDEX "family_confirmations_pupil_idx" ON "family_confirmations" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE INDEX "family_messages_pupil_idx" ON "family_messages" USING btree ("school_id","pupil_id","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "family_messages_submission_uq" ON "family_messages" USING btree ("sent_by","submission_key");--> statement-breakpoint
CREATE INDEX "family_news_unsent_idx" ON "family_news" USING btree ("created_at") WHERE "family_news"."sent_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "family_no_access_active_uq" ON "family_no_access" USING btree ("contact_id") WHERE "family_no_access"."lifted_at" is null;--> statement-breakpoint
CREATE INDEX "family_no_access_pupil_idx" ON "family_no_access" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE INDEX "trusted_adults_user_idx" ON "trusted_adults" USING btree ("school_id","user_id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_shared_with_parents_by_users_id_fk" FOREIGN KEY ("shared_with_parents_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_tokens" ADD CONSTRAINT "one_time_tokens_purpose_ck" CHECK ("one_time_tokens"."purpose" in ('password_reset', 'invitation', 'pupil_setup'));