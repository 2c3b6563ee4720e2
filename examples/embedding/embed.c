/* Embedding tlatv in a C program: validate a trace, read the per-action report, and check one
 * window built by hand.
 *
 *   embed_c SPEC.tla SPEC.cfg WINDOWS.ndjson */
#include <tlatv/tlatv.h>

#include <stdio.h>

static int fail_with(char* error) {
    fprintf(stderr, "%s\n", error ? error : "unknown error");
    tlatv_string_free(error);
    return 2;
}

int main(int argc, char** argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: embed_c SPEC.tla SPEC.cfg WINDOWS.ndjson\n");
        return 2;
    }
    tlatv_spec* spec = NULL;
    char* error = NULL;
    if (tlatv_spec_load(argv[1], argv[2], &spec, &error) != TLATV_OK) return fail_with(error);

    tlatv_report* report = NULL;
    if (tlatv_spec_validate_file(spec, argv[3], NULL, NULL, NULL, &report, &error) != TLATV_OK) {
        tlatv_spec_free(spec);
        return fail_with(error);
    }
    tlatv_validation_counts counts;
    tlatv_report_counts(report, &counts);
    printf("%zu windows: %zu pass, %zu fail, %zu errors\n", counts.windows, counts.passes,
           counts.fails, counts.errors);
    size_t actions = 0;
    tlatv_report_action_count(report, &actions);
    for (size_t i = 0; i < actions; ++i) {
        tlatv_action_report action;
        tlatv_report_action(report, i, &action);
        printf("  %-10s %zu windows, %zu rejected, %zu with extra outcomes\n", action.action,
               action.windows, action.fails, action.with_extra_outcomes);
    }
    tlatv_report_free(report);

    /* One window, built by hand: c1 hands the lock to the waiting c2. */
    tlatv_window* window = NULL;
    tlatv_window_verdict* verdict = NULL;
    tlatv_window_new("Release", &window);
    tlatv_window_add_argument(window, "c", TLATV_FORMAT_TLA, "\"c1\"");
    tlatv_window_add_state(window, TLATV_PRE, TLATV_FORMAT_JSON,
                           "{\"holder\": \"c1\", \"waiting\": [\"c2\"]}");
    tlatv_window_add_state(window, TLATV_POST, TLATV_FORMAT_TLA,
                           "/\\ holder = \"c2\"\n/\\ waiting = <<>>");
    if (tlatv_spec_check_window(spec, window, NULL, &verdict, &error) != TLATV_OK) {
        tlatv_window_free(window);
        tlatv_spec_free(spec);
        return fail_with(error);
    }
    tlatv_window_verdict_info info;
    tlatv_window_verdict_get(verdict, &info);
    printf("hand-off from c1 to c2: %s\n", info.verdict == TLATV_PASS   ? "pass"
                                           : info.verdict == TLATV_FAIL ? "fail"
                                                                        : "error");
    const char* closest = NULL;
    size_t differing = 0;
    if (tlatv_window_verdict_closest(verdict, &closest, &differing) == TLATV_OK) {
        printf("  closest step: %s\n", closest);
        for (size_t i = 0; i < differing; ++i) {
            const char *variable, *observed, *in_spec;
            tlatv_window_verdict_differing(verdict, i, &variable, &observed, &in_spec);
            printf("    %s: observed %s, spec %s\n", variable, observed, in_spec);
        }
    }
    tlatv_window_verdict_free(verdict);
    tlatv_window_free(window);
    tlatv_spec_free(spec);
    return counts.fails == 0 && counts.errors == 0 ? 0 : 1;
}
