CREATE TABLE "case_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	CONSTRAINT "case_team_members_source_ck" CHECK ("case_team_members"."source" in ('added_by_lead', 'concern_routed', 'plan_lead', 'meeting_lead'))
);
--> statement-breakpoint
ALTER TABLE "concern_actions" ADD COLUMN "carried_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD COLUMN "carried_by" uuid;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD COLUMN "dropped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD COLUMN "dropped_by" uuid;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD COLUMN "drop_reason" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "level_definitions" ADD COLUMN "parent_at_home" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "details_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "scope_year_groups" integer[];--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "scope_widened_reason" text;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "scope_widened_by" uuid;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD COLUMN "scope_widened_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_pupil_id_pupils_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_team_members" ADD CONSTRAINT "case_team_members_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_team_members_pupil_idx" ON "case_team_members" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE INDEX "case_team_members_user_idx" ON "case_team_members" USING btree ("school_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_team_members_active_uq" ON "case_team_members" USING btree ("school_id","pupil_id","user_id") WHERE "case_team_members"."removed_at" is null;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_carried_by_users_id_fk" FOREIGN KEY ("carried_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concern_actions" ADD CONSTRAINT "concern_actions_dropped_by_users_id_fk" FOREIGN KEY ("dropped_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_scope_widened_by_users_id_fk" FOREIGN KEY ("scope_widened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_submission_uq" ON "meetings" USING btree ("school_id","created_by","submission_key");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_submission_uq" ON "plans" USING btree ("school_id","created_by","submission_key");--> statement-breakpoint
-- Case teams for records made before caseloads: the SENDCO of each mental-health concern's pupils
-- (concerns on the DSL's route never add anyone), each plan's lead and each meeting's creator.
INSERT INTO "case_team_members" ("school_id", "pupil_id", "user_id", "source", "created_at")
SELECT DISTINCT ON (c."school_id", cp."pupil_id", ra."user_id") c."school_id", cp."pupil_id", ra."user_id", 'concern_routed', c."logged_at"
FROM "concerns" c
JOIN "concern_pupils" cp ON cp."concern_id" = c."id"
JOIN "role_assignments" ra ON ra."school_id" = c."school_id" AND ra."revoked_at" IS NULL AND ra."role" = 'sendco'
WHERE c."route" <> 'dsl'
ORDER BY c."school_id", cp."pupil_id", ra."user_id", c."logged_at"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "case_team_members" ("school_id", "pupil_id", "user_id", "source", "created_at")
SELECT DISTINCT ON ("school_id", "pupil_id", "lead_user_id") "school_id", "pupil_id", "lead_user_id", 'plan_lead', "created_at"
FROM "plans" ORDER BY "school_id", "pupil_id", "lead_user_id", "created_at"
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "case_team_members" ("school_id", "pupil_id", "user_id", "source", "created_at")
SELECT DISTINCT ON ("school_id", "pupil_id", "created_by") "school_id", "pupil_id", "created_by", 'meeting_lead', "created_at"
FROM "meetings" ORDER BY "school_id", "pupil_id", "created_by", "created_at"
ON CONFLICT DO NOTHING;
