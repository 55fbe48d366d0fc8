ALTER TABLE "ingested_events" DROP CONSTRAINT "ingested_events_hub_id_hubs_id_fk";
