#!/bin/sh
# Patroni runs this once, on the member that initialises the cluster, with a connection string as $1.
set -eu
psql -v ON_ERROR_STOP=1 -v password="$HAMTA_DB_PASSWORD" "$1" <<'SQL'
create role hamta login password :'password';
create database hamta owner hamta;
SQL
