-- H2 measures VARCHAR in UTF-16 units: 255 characters outside the Basic Multilingual Plane (e.g. emoji)
-- need 510. Notes are limited to 255 code points by the API, as on PostgreSQL and MySQL.
ALTER TABLE api_keys ALTER COLUMN notes SET DATA TYPE VARCHAR(510);
