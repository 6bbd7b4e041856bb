#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: initdb into a temporary directory, listen on 127.0.0.1 at a free
# port with SCRAM password authentication, one role with a password and one database.
#
#   eval "$(scripts/postgres.sh start)"   # starts it; prints `export PAYMENT_OPS_TEST_POSTGRES_URL=…` (and
#                                         # PAYMENT_OPS_TEST_POSTGRES_DIR, which `stop` needs)
#   swift test --filter PostgreSQL
#   scripts/postgres.sh stop              # stops it and removes its directory
#
# `stop` takes the directory from PAYMENT_OPS_TEST_POSTGRES_DIR or its first argument. Debian's server binaries live
# in /usr/lib/postgresql/<version>/bin, not on PATH; initdb refuses to run as root, so as root the server runs as the
# `postgres` user, in a directory that user owns.
set -euo pipefail

bin_dir() {
    if [[ -n "${PG_BIN:-}" ]]; then
        echo "$PG_BIN"
        return
    fi
    if command -v pg_ctl > /dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return
    fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1)
    if [[ -z "$found" ]]; then
        echo "postgres.sh: no PostgreSQL server binaries found (apt-get install postgresql, or set PG_BIN)" >&2
        exit 1
    fi
    echo "$found"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local bin dir port password role database
    bin=$(bin_dir)
    dir=$(mktemp -d /tmp/payment-ops-pg.XXXXXX)
    chmod 755 "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    port=$(free_port)
    role=payops
    database=payops
    # Letters and digits only, so the URL needs no percent-encoding.
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    printf '%s\n' "$password" > "$dir/pwfile"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/pwfile"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        exit 1
    }
    rm -f "$dir/pwfile"
    # Sockets in the cluster's own directory; TCP on loopback only; enough connections for parallel test suites.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off" start > /dev/null || {
        cat "$dir/server.log" >&2
        exit 1
    }
    # Tests create schemas, databases and roles of their own (a role without CONNECT, for its error message).
    as_owner "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE $role LOGIN CREATEDB CREATEROLE PASSWORD '$password'" \
        -c "CREATE DATABASE $database OWNER $role" > /dev/null
    echo "export PAYMENT_OPS_TEST_POSTGRES_URL=postgres://$role:$password@127.0.0.1:$port/$database"
    echo "export PAYMENT_OPS_TEST_POSTGRES_DIR=$dir"
}

stop() {
    local dir=${1:-${PAYMENT_OPS_TEST_POSTGRES_DIR:-}}
    if [[ -z "$dir" || ! -d "$dir/data" ]]; then
        echo "postgres.sh stop: no cluster directory (pass it, or set PAYMENT_OPS_TEST_POSTGRES_DIR)" >&2
        exit 1
    fi
    as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:-}" ;;
    *)
        echo "usage: scripts/postgres.sh start | stop [DIR]" >&2
        exit 2
        ;;
esac
