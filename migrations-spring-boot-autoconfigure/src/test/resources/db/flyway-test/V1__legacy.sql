create table legacy_audit (id bigint primary key, note varchar(100));
