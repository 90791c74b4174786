--liquibase formatted sql

--changeset migrations-tests:1
CREATE TABLE legacy_ledger (id integer PRIMARY KEY, amount integer);
