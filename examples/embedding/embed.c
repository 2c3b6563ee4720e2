/* Embedding tlatv in a C program: validate a trace, then check one window by hand.
 *
 *   embed_c SPEC.tla SPEC.cfg WINDOWS.ndjson */
#include <tlatv/tlatv.h>

#include <stdio.h>

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: embed_c SPEC.tla SPEC.cfg WINDOWS.ndjson\n");
        return 2;
    }
    tlatv_spec* spec = NULL;
    char* error = NULL;
    if (tlatv_spec_load(argv[1], argv[2], &spec, &error) != TLATV_OK) {
        fprintf(stderr, "%s\n", error);
        tlatv_string_free(error);
        return 2;
    }
    tlatv_validation_counts counts;
    if (tlatv_spec_validate(spec, argv[3], NULL, 0, &counts, NULL, &error) != TLATV_OK) {
        fprintf(stderr, "%s\n", error);
        tlatv_string_free(error);
        tlatv_spec_free(spec);
        return 2;
    }
    printf("%zu windows: %zu pass, %zu fail, %zu errors\n", counts.windows, counts.passes,
           counts.fails, counts.errors);

    tlatv_verdict verdict;
    char* explanation = NULL;
    tlatv_spec_check(spec, "/\\ holder = \"c1\"\n/\\ waiting = <<\"c2\">>",
                     "/\\ holder = \"c2\"\n/\\ waiting = <<>>", "Release", &verdict, &explanation);
    printf("hand-off from c1 to c2: %s\n", verdict == TLATV_PASS   ? "pass"
                                           : verdict == TLATV_FAIL ? "fail"
                                                                   : "error");
    if (explanation) printf("%s\n", explanation);
    tlatv_string_free(explanation);
    tlatv_spec_free(spec);
    return counts.fails == 0 && counts.errors == 0 ? 0 : 1;
}
