CREATE TABLE `card_charge` (
	`reference` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`share_key` text,
	`amount_cents` integer NOT NULL,
	`tip_cents` integer NOT NULL,
	`actor` text NOT NULL,
	`request_id` text,
	`status` text NOT NULL,
	`approval_code` text,
	`last4` text,
	`result` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `card_charge_status_idx` ON `card_charge` (`status`);