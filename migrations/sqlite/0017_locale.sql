-- The language a resident used the site in, for the messages sent to them later about their
-- opinion (status changes, feedback): BCP 47 tags as crate::i18n::Locale writes them.
ALTER TABLE opinions ADD COLUMN lang TEXT NOT NULL DEFAULT 'zh-CN';
