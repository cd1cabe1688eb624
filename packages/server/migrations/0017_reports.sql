CREATE TABLE "termly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"term_key" text NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date NOT NULL,
	"figures" jsonb NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "sex" text;--> statement-breakpoint
ALTER TABLE "termly_reports" ADD CONSTRAINT "termly_reports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "termly_reports_term_uq" ON "termly_reports" USING btree ("school_id","term_key");--> statement-breakpoint
CREATE INDEX "termly_reports_school_idx" ON "termly_reports" USING btree ("school_id","prepared_at");--> statement-breakpoint
CREATE INDEX "level_changes_school_at_idx" ON "level_changes" USING btree ("school_id","changed_at");--> statement-breakpoint
CREATE INDEX "concerns_school_logged_idx" ON "concerns" USING btree ("school_id","logged_at");--> statement-breakpoint
ALTER TABLE "pupils" ADD CONSTRAINT "pupils_sex_ck" CHECK ("pupils"."sex" in ('female', 'male'));