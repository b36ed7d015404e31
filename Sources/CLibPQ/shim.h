#include <postgresql/libpq-fe.h>

/* libpq is not linked: Sources/Postgres/LibPQ.swift loads it with dlopen on first use, so that runs that never
   connect to PostgreSQL do not pay for resolving it and the ~20 libraries it needs (krb5, ldap, gnutls…).
   This table holds every libpq function schemalint calls, each typed from libpq's own declaration, so a call
   through it is checked like a direct call. Include <postgresql/…> rather than asking pkg-config for the
   include folder: pkg-config would also add -lpq. */
#define SCHEMALINT_LIBPQ_FUNCTION(name) __typeof__(name) *_Nonnull name;
typedef struct {
    SCHEMALINT_LIBPQ_FUNCTION(PQconnectdb)
    SCHEMALINT_LIBPQ_FUNCTION(PQconnectdbParams)
    SCHEMALINT_LIBPQ_FUNCTION(PQstatus)
    SCHEMALINT_LIBPQ_FUNCTION(PQerrorMessage)
    SCHEMALINT_LIBPQ_FUNCTION(PQfinish)
    SCHEMALINT_LIBPQ_FUNCTION(PQsetNoticeProcessor)
    SCHEMALINT_LIBPQ_FUNCTION(PQexec)
    SCHEMALINT_LIBPQ_FUNCTION(PQexecParams)
    SCHEMALINT_LIBPQ_FUNCTION(PQclear)
    SCHEMALINT_LIBPQ_FUNCTION(PQresultStatus)
    SCHEMALINT_LIBPQ_FUNCTION(PQtransactionStatus)
    SCHEMALINT_LIBPQ_FUNCTION(PQnfields)
    SCHEMALINT_LIBPQ_FUNCTION(PQntuples)
    SCHEMALINT_LIBPQ_FUNCTION(PQfname)
    SCHEMALINT_LIBPQ_FUNCTION(PQgetisnull)
    SCHEMALINT_LIBPQ_FUNCTION(PQgetvalue)
    SCHEMALINT_LIBPQ_FUNCTION(PQresultErrorField)
    SCHEMALINT_LIBPQ_FUNCTION(PQresultErrorMessage)
} schemalint_libpq;
