-- The event columns are only ever read back whole (audit chain, catalog tail), never queried into:
-- json stores the text as received, skipping jsonb's parse-and-rebuild on every ingested event.
ALTER TABLE "ingested_events" ALTER COLUMN "data" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "ingested_events" ALTER COLUMN "actor" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "ingested_events" ALTER COLUMN "hub_audit" SET DATA TYPE json;