/* The C API from C: load the lock-service example, evaluate, enumerate successors, check windows,
 * and misuse the API on purpose. Prints one line per failed check and a closing count. */
#include "tlatv/tlatv.h"

#include <stdio.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define EXPECT(cond)                                                                             \
    do {                                                                                         \
        if (cond) {                                                                              \
            ++passed;                                                                            \
        } else {                                                                                 \
            ++failed;                                                                            \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);            \
        }                                                                                        \
    } while (0)

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: c_api_test SPEC.tla SPEC.cfg WINDOWS.ndjson\n");
        return 2;
    }
    EXPECT(strcmp(tlatv_version(), "0.1.0") == 0);

    char* value = NULL;
    char* error = NULL;
    EXPECT(tlatv_evaluate("{1, 2} \\cup {3}", &value, &error) == TLATV_OK);
    EXPECT(value && strcmp(value, "{1, 2, 3}") == 0);
    tlatv_string_free(value);
    EXPECT(tlatv_evaluate("Head(<<>>)", &value, &error) == TLATV_ERROR_INPUT);
    EXPECT(value == NULL && error != NULL && strstr(error, "Head") != NULL);
    tlatv_string_free(error);

    tlatv_spec* spec = NULL;
    EXPECT(tlatv_spec_load("no/such/Spec.tla", NULL, &spec, &error) == TLATV_ERROR_INPUT);
    EXPECT(spec == NULL && error != NULL);
    tlatv_string_free(error);
    EXPECT(tlatv_spec_load(NULL, NULL, &spec, NULL) == TLATV_ERROR_ARGUMENT);

    EXPECT(tlatv_spec_load(argv[1], argv[2], &spec, &error) == TLATV_OK);
    if (!spec) {
        fprintf(stderr, "cannot load the spec: %s\n", error ? error : "?");
        return 1;
    }
    EXPECT(tlatv_spec_evaluate(spec, "vars", &value, NULL) != TLATV_OK); /* needs a state */
    EXPECT(strlen(tlatv_spec_last_error(spec)) > 0);

    const char* free_lock = "/\\ holder = \"none\"\n/\\ waiting = <<>>";
    char** states = NULL;
    size_t count = 0;
    EXPECT(tlatv_spec_successors(spec, free_lock, "Next", &states, &count, &error) == TLATV_OK);
    EXPECT(count == 3); /* any of the three clients takes the free lock */
    tlatv_strings_free(states, count);

    tlatv_verdict verdict = TLATV_VERDICT_ERROR;
    char* explanation = NULL;
    EXPECT(tlatv_spec_check(spec, free_lock, "/\\ holder = \"c2\"\n/\\ waiting = <<>>", "Request",
                            &verdict, &explanation) == TLATV_OK);
    EXPECT(verdict == TLATV_PASS);
    EXPECT(explanation == NULL);
    EXPECT(tlatv_spec_check(spec, free_lock, "/\\ holder = \"none\"\n/\\ waiting = <<\"c1\">>",
                            "Request", &verdict, &explanation) == TLATV_OK);
    EXPECT(verdict == TLATV_FAIL);
    EXPECT(explanation != NULL);
    tlatv_string_free(explanation);
    EXPECT(tlatv_spec_check(spec, free_lock, "/\\ holder = 1 +", "Request", &verdict,
                            &explanation) == TLATV_OK);
    EXPECT(verdict == TLATV_VERDICT_ERROR);
    tlatv_string_free(explanation);

    /* A whole window set: the lock service's trace passes. */
    tlatv_validation_counts counts = {0, 0, 0, 0};
    char* report = NULL;
    EXPECT(tlatv_spec_validate(spec, argv[3], NULL, 2, &counts, &report, &error) == TLATV_OK);
    EXPECT(counts.windows == 196 && counts.passes == 196 && counts.fails == 0 &&
           counts.errors == 0);
    EXPECT(report != NULL && strstr(report, "\"Release\"") != NULL);
    tlatv_string_free(report);
    EXPECT(tlatv_spec_validate(spec, "no/such/windows.ndjson", NULL, 1, &counts, NULL, &error) ==
           TLATV_ERROR_INPUT);
    EXPECT(error != NULL);
    tlatv_string_free(error);

    tlatv_spec_free(spec);
    tlatv_spec_free(NULL);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
