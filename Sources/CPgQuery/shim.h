#include <pg_query.h>
#include <string.h>
