ALTER TABLE `check` ADD `last_cause_id` integer REFERENCES cause(id);--> statement-breakpoint
CREATE INDEX `check_last_cause_id_idx` ON `check` (`last_cause_id`);