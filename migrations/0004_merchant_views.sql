CREATE TABLE `merchant_session` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`merchant_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `merchant_session_token_hash_idx` ON `merchant_session` (`token_hash`);--> statement-breakpoint
CREATE INDEX `merchant_session_merchant_id_idx` ON `merchant_session` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `merchant_session_expires_at_idx` ON `merchant_session` (`expires_at`);--> statement-breakpoint
CREATE TABLE `sso_nonce` (
	`nonce` text PRIMARY KEY NOT NULL,
	`merchant_id` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sso_nonce_merchant_id_idx` ON `sso_nonce` (`merchant_id`);--> statement-breakpoint
CREATE INDEX `sso_nonce_expires_at_idx` ON `sso_nonce` (`expires_at`);--> statement-breakpoint
CREATE TABLE `high_order_period` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `high_order_period_slug_idx` ON `high_order_period` (`slug`);--> statement-breakpoint
CREATE INDEX `high_order_period_ends_on_idx` ON `high_order_period` (`ends_on`);--> statement-breakpoint
CREATE TABLE `merchant_campaign` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`expected_orders_per_day` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `merchant_campaign_merchant_id_starts_on_idx` ON `merchant_campaign` (`merchant_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `readiness_snapshot` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`merchant_id` integer NOT NULL,
	`period_id` integer,
	`campaign_id` integer,
	`period_name` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`expected_orders_per_day` integer NOT NULL,
	`score` integer NOT NULL,
	`items` text NOT NULL,
	`generated_at` integer NOT NULL,
	FOREIGN KEY (`merchant_id`) REFERENCES `merchant`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`period_id`) REFERENCES `high_order_period`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`campaign_id`) REFERENCES `merchant_campaign`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `readiness_snapshot_merchant_id_generated_at_idx` ON `readiness_snapshot` (`merchant_id`,`generated_at`);--> statement-breakpoint
CREATE INDEX `readiness_snapshot_period_id_idx` ON `readiness_snapshot` (`period_id`);--> statement-breakpoint
CREATE INDEX `readiness_snapshot_campaign_id_idx` ON `readiness_snapshot` (`campaign_id`);--> statement-breakpoint
ALTER TABLE `ingest_token` ADD `scope` text DEFAULT 'ingest' NOT NULL;