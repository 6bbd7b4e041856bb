#ifndef PAYMENT_OPS_CLIBPQ_SHIM_H
#define PAYMENT_OPS_CLIBPQ_SHIM_H

// libpq is loaded with dlopen when a PostgreSQL URL is first used (see LibPQ.swift) rather than linked, so that
// start-up on SQLite does not map it and its TLS and Kerberos dependencies. This header declares types only
// (PGconn, PGresult, PQconninfoOption, the status enums), and nothing here calls libpq by name.
//
// Debian puts the header in /usr/include/postgresql; Homebrew's libpq puts it on the include path directly.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

#endif
