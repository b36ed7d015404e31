/* The floor under schemalint's migration checks: libpg_query alone parsing the same files to its JSON parse tree
 * (what schemalint reads), on as many threads as asked, with nothing else done. benchmarks/migrations.sh prints
 * its time beside schemalint's and Squawk's: what is left above it is schemalint's own work.
 *
 *   cc -O2 parse-floor.c -o parse-floor -lpg_query -lpthread
 *   parse-floor THREADS FILE...
 *
 * Each file is parsed whole (schemalint parses each drizzle-kit piece apart, which costs about the same). */
#include <pg_query.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static char **paths;
static int count;
static atomic_int next_file;
static atomic_int failures;

static char *read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    rewind(file);
    char *text = malloc(size + 1);
    size_t read = text ? fread(text, 1, size, file) : 0;
    fclose(file);
    if (!text) return NULL;
    text[read] = 0;
    return text;
}

static void *parse_files(void *unused) {
    (void)unused;
    for (;;) {
        int index = atomic_fetch_add(&next_file, 1);
        if (index >= count) return NULL;
        char *text = read_file(paths[index]);
        if (!text) { atomic_fetch_add(&failures, 1); continue; }
        PgQueryParseResult result = pg_query_parse(text);
        pg_query_free_parse_result(result);
        free(text);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: parse-floor THREADS FILE...\n"); return 2; }
    int threads = atoi(argv[1]);
    if (threads < 1 || threads > 64) { fprintf(stderr, "parse-floor: THREADS must be 1 to 64\n"); return 2; }
    paths = argv + 2;
    count = argc - 2;
    pthread_t workers[64];
    for (int i = 0; i < threads; i++) pthread_create(&workers[i], NULL, parse_files, NULL);
    for (int i = 0; i < threads; i++) pthread_join(workers[i], NULL);
    if (failures) { fprintf(stderr, "parse-floor: %d files could not be read\n", (int)failures); return 2; }
    return 0;
}
