#include <libpq-fe.h>

/* libpq's notice processor is a C function pointer with a context argument; Swift passes a closure box as it. */
