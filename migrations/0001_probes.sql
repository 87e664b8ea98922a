CREATE TABLE `ingest_receipt` (
	`idempotency_key` text PRIMARY KEY NOT NULL,
	`check_result_id` integer,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`check_result_id`) REFERENCES `check_result`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ingest_receipt_check_result_id_idx` ON `ingest_receipt` (`check_result_id`);--> statement-breakpoint
CREATE INDEX `ingest_receipt_received_at_idx` ON `ingest_receipt` (`received_at`);--> statement-breakpoint
CREATE TABLE `ingest_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingest_token_token_hash_idx` ON `ingest_token` (`token_hash`);--> statement-breakpoint
CREATE TABLE `connection_credential` (
	`connection_id` integer PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`iv` text NOT NULL,
	`ciphertext` text NOT NULL,
	`auth_tag` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`connection_id`) REFERENCES `connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `provider_detection` (
	`provider_id` integer PRIMARY KEY NOT NULL,
	`incident_id` integer,
	`failing_share` real DEFAULT 0 NOT NULL,
	`failing_merchants` integer DEFAULT 0 NOT NULL,
	`recovering_since_at` integer,
	`evaluated_at` integer NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `provider`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`incident_id`) REFERENCES `incident`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `provider_detection_incident_id_idx` ON `provider_detection` (`incident_id`);--> statement-breakpoint
ALTER TABLE `maintenance` ADD `cancelled_at` integer;--> statement-breakpoint
ALTER TABLE `maintenance` ADD `source` text DEFAULT 'ops' NOT NULL;--> statement-breakpoint
ALTER TABLE `maintenance` ADD `external_ref` text;--> statement-breakpoint
CREATE UNIQUE INDEX `maintenance_source_external_ref_idx` ON `maintenance` (`source`,`external_ref`);