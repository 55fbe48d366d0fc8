ALTER TABLE "branches" ADD COLUMN "time_zone" text DEFAULT 'Europe/Madrid' NOT NULL;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "business_day_starts_at_hour" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "branches" ADD COLUMN "currency" text DEFAULT 'EUR' NOT NULL;--> statement-breakpoint
ALTER TABLE "proj_sessions" ADD COLUMN "closed_hour" integer;--> statement-breakpoint
-- Lines of carts never submitted used to count as ordered: mark them DRAFT and take them back out of
-- the product sales they were added to. (Business days already stored stay UTC dates: the zone of past
-- events is not known here, and SQL zone rules could disagree with the Intl rules ingest now uses.)
WITH "drafted" AS (
  UPDATE "proj_round_items" i SET "status" = 'DRAFT'
    FROM "proj_rounds" r
   WHERE r."branch_id" = i."branch_id" AND r."round_id" = i."round_id" AND r."status" = 'DRAFT' AND i."status" = 'ACTIVE'
  RETURNING i."branch_id", i."business_day", i."product_id", i."qty", (i."unit_price_cents" + i."modifiers_cents") * i."qty" AS "cents"
)
UPDATE "proj_product_sales" p SET "qty" = p."qty" - d."qty", "sales_cents" = p."sales_cents" - d."cents"
  FROM (SELECT "branch_id", "business_day", "product_id", sum("qty") AS "qty", sum("cents") AS "cents"
          FROM "drafted" GROUP BY 1, 2, 3) d
 WHERE p."branch_id" = d."branch_id" AND p."business_day" = d."business_day" AND p."product_id" = d."product_id";
