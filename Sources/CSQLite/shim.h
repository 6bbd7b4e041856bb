#ifndef PAYMENT_OPS_CSQLITE_SHIM_H
#define PAYMENT_OPS_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a cast of -1 to a function pointer, which Swift cannot import.
static inline sqlite3_destructor_type payment_ops_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// Extended result codes are macros built from expressions (`SQLITE_CONSTRAINT | (8<<8)`), which Swift does
/// not import; these constants carry them across.
static const int payment_ops_sqlite_constraint_check = SQLITE_CONSTRAINT_CHECK;
static const int payment_ops_sqlite_constraint_foreignkey = SQLITE_CONSTRAINT_FOREIGNKEY;
static const int payment_ops_sqlite_constraint_notnull = SQLITE_CONSTRAINT_NOTNULL;
static const int payment_ops_sqlite_constraint_primarykey = SQLITE_CONSTRAINT_PRIMARYKEY;
static const int payment_ops_sqlite_constraint_unique = SQLITE_CONSTRAINT_UNIQUE;

#endif
