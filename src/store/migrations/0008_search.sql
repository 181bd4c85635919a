-- Search on big books: the full-name, company and e-mail indexes also carry
-- the table's sort key (last name, first name; no case), so the first page of
-- a prefix search takes its candidates' keys from the index alone instead of
-- reading each candidate's row (BENCHMARKS.md, "Search").
DROP INDEX IF EXISTS contacts_full_name;
CREATE INDEX contacts_full_name ON contacts(
    (first_name || ' ' || last_name) COLLATE NOCASE,
    last_name COLLATE NOCASE, first_name COLLATE NOCASE);
DROP INDEX IF EXISTS contacts_company;
CREATE INDEX contacts_company ON contacts(
    company COLLATE NOCASE, last_name COLLATE NOCASE, first_name COLLATE NOCASE);
CREATE INDEX contacts_email_sort ON contacts(
    email_norm, last_name COLLATE NOCASE, first_name COLLATE NOCASE)
    WHERE email_norm IS NOT NULL;
-- A dense prefix enters big last-name groups by index (store/search_groups.rs);
-- between them it reads the sort index of migration 7, which carries the e-mail
-- and company for that.
CREATE INDEX contacts_last_email ON contacts(
    last_name COLLATE NOCASE, email_norm, first_name COLLATE NOCASE)
    WHERE email_norm IS NOT NULL;
CREATE INDEX contacts_last_company ON contacts(
    last_name COLLATE NOCASE, company COLLATE NOCASE, first_name COLLATE NOCASE);
