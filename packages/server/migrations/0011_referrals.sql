CREATE TABLE "referral_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"status" text NOT NULL,
	"on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"service" text NOT NULL,
	"service_id" uuid,
	"parts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent" text,
	"consent_note" text DEFAULT '' NOT NULL,
	"restricted" boolean DEFAULT false NOT NULL,
	"emergency" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"sent_on" date,
	"first_appointment_on" date,
	"last_step_on" date,
	"decline_reason" text,
	"signposted_to" text,
	"made_by" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submission_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_service_ck" CHECK ("referrals"."service" in ('camhs', 'mhst', 'early_help', 'social_care', 'school_nurse', 'counselling', 'medical_education')),
	CONSTRAINT "referrals_status_ck" CHECK ("referrals"."status" in ('draft', 'sent', 'acknowledged', 'accepted', 'declined', 'waiting', 'first_appointment', 'closed')),
	CONSTRAINT "referrals_sent_ck" CHECK ("referrals"."status" = 'draft' or "referrals"."sent_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "service_versions" (
	"service_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"details" jsonb NOT NULL,
	"status" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trust_id" uuid NOT NULL,
	"school_id" uuid,
	"scope" text NOT NULL,
	"details" jsonb NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"last_checked_on" date NOT NULL,
	"check_reminder_for" date,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "services_scope_ck" CHECK ("services"."scope" in ('national', 'trust', 'school')),
	CONSTRAINT "services_status_ck" CHECK ("services"."status" in ('active', 'retired'))
);
--> statement-breakpoint
ALTER TABLE "referral_steps" ADD CONSTRAINT "referral_steps_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_steps" ADD CONSTRAINT "referral_steps_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_steps" ADD CONSTRAINT "referral_steps_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_made_by_users_id_fk" FOREIGN KEY ("made_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_trust_id_trusts_id_fk" FOREIGN KEY ("trust_id") REFERENCES "public"."trusts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_steps_idx" ON "referral_steps" USING btree ("school_id","referral_id","recorded_at");--> statement-breakpoint
CREATE INDEX "referrals_school_idx" ON "referrals" USING btree ("school_id","status","sent_on");--> statement-breakpoint
CREATE INDEX "referrals_pupil_idx" ON "referrals" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_submission_uq" ON "referrals" USING btree ("school_id","made_by","submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "service_versions_uq" ON "service_versions" USING btree ("service_id","version");--> statement-breakpoint
CREATE INDEX "services_trust_idx" ON "services" USING btree ("trust_id","school_id","status");