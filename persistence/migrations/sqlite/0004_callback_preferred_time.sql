-- The time a caller would like to be called back, in the caller's words ("morgen ab 14 Uhr"),
-- kept apart from the reason. NULL when the caller named none.

ALTER TABLE callback_requests ADD COLUMN preferred_time TEXT;
