/* The C API from C: load the lock-service example, evaluate, enumerate successors, check windows,
 * and misuse the API on purpose. Prints one line per failed check and a closing count. */
#include "tlatv/tlatv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed = 0;
static int failed = 0;

#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (cond) {                                                                                \
            ++passed;                                                                              \
        } else {                                                                                   \
            ++failed;                                                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
        }                                                                                          \
    } while (0)

/* A request by `client` for the free lock, built in C. */
static tlatv_window* take_free_lock(const char* client_json) {
    tlatv_window* w = NULL;
    EXPECT(tlatv_window_new("Request", &w) == TLATV_OK);
    EXPECT(tlatv_window_add_argument(w, "c", TLATV_FORMAT_JSON, client_json) == TLATV_OK);
    EXPECT(tlatv_window_add_state(w, TLATV_PRE, TLATV_FORMAT_JSON,
                                  "{\"holder\": \"none\", \"waiting\": []}") == TLATV_OK);
    EXPECT(tlatv_window_set_variable(w, TLATV_POST, "holder", TLATV_FORMAT_JSON, client_json) ==
           TLATV_OK);
    EXPECT(tlatv_window_set_variable(w, TLATV_POST, "waiting", TLATV_FORMAT_TLA, "<<>>") ==
           TLATV_OK);
    return w;
}

/* The hand-off of the lock from c1 to the waiting c2, in TLC's state text. */
static tlatv_window* hand_off(void) {
    tlatv_window* w = NULL;
    EXPECT(tlatv_window_new("Release", &w) == TLATV_OK);
    EXPECT(tlatv_window_add_argument(w, "c", TLATV_FORMAT_TLA, "\"c1\"") == TLATV_OK);
    EXPECT(tlatv_window_add_state(w, TLATV_PRE, TLATV_FORMAT_TLA,
                                  "/\\ holder = \"c1\"\n/\\ waiting = <<\"c2\">>") == TLATV_OK);
    EXPECT(tlatv_window_add_state(w, TLATV_POST, TLATV_FORMAT_TLA,
                                  "/\\ holder = \"c2\"\n/\\ waiting = <<>>") == TLATV_OK);
    EXPECT(tlatv_window_set_id(w, "hand-off") == TLATV_OK);
    return w;
}

struct verdict_log {
    size_t count;
    size_t failing;
    unsigned long long last_index;
    int in_order;
};

static void log_verdict(void* context, const tlatv_window_verdict* verdict) {
    struct verdict_log* log = (struct verdict_log*)context;
    tlatv_window_verdict_info info;
    if (tlatv_window_verdict_get(verdict, &info) != TLATV_OK) return;
    ++log->count;
    if (info.verdict != TLATV_PASS) ++log->failing;
    if (info.index != log->last_index + 1) log->in_order = 0;
    log->last_index = info.index;
}

/* A stream of `remaining` requests, then the end; -1 when `fail_at` is reached. */
struct request_stream {
    int remaining;
    int fail_at;
};

static int next_request(void* context, tlatv_window** window) {
    struct request_stream* stream = (struct request_stream*)context;
    if (stream->fail_at == stream->remaining) return -1;
    if (stream->remaining == 0) return 0;
    *window = take_free_lock(stream->remaining % 2 ? "\"c1\"" : "\"c3\"");
    --stream->remaining;
    return 1;
}

/* Validates windows built in C against the under-approximating spec given as text. */
static void validate_built_windows(const char* under_text, const char* config_text) {
    tlatv_spec* spec = NULL;
    char* error = NULL;
    EXPECT(tlatv_spec_load_text(under_text, config_text, NULL, 0, NULL, 0, &spec, &error) ==
           TLATV_OK);
    if (!spec) {
        fprintf(stderr, "cannot load the spec text: %s\n", error ? error : "?");
        tlatv_string_free(error);
        ++failed;
        return;
    }

    /* One window: the hand-off is what the wrong spec cannot do. */
    tlatv_window* handoff = hand_off();
    tlatv_window_verdict* verdict = NULL;
    EXPECT(tlatv_spec_check_window(spec, handoff, NULL, &verdict, &error) == TLATV_OK);
    tlatv_window_verdict_info info;
    EXPECT(tlatv_window_verdict_get(verdict, &info) == TLATV_OK);
    EXPECT(info.verdict == TLATV_FAIL && info.failure == TLATV_FAILURE_REJECTED);
    EXPECT(strcmp(info.id, "hand-off") == 0 && strcmp(info.action, "Release") == 0);
    EXPECT(info.argument_count == 1);
    const char* name = NULL;
    const char* value = NULL;
    EXPECT(tlatv_window_verdict_argument(verdict, 0, &name, &value) == TLATV_OK);
    EXPECT(name && strcmp(name, "c") == 0 && value && strcmp(value, "\"c1\"") == 0);
    const char* closest_action = NULL;
    size_t differing = 0;
    EXPECT(tlatv_window_verdict_closest(verdict, &closest_action, &differing) == TLATV_OK);
    EXPECT(closest_action && strcmp(closest_action, "Release(\"c1\")") == 0 && differing == 2);
    const char *variable = NULL, *observed = NULL, *in_spec = NULL;
    EXPECT(tlatv_window_verdict_differing(verdict, 0, &variable, &observed, &in_spec) == TLATV_OK);
    EXPECT(variable && strcmp(variable, "holder") == 0 && strcmp(observed, "\"c2\"") == 0 &&
           strcmp(in_spec, "\"none\"") == 0);
    EXPECT(tlatv_window_verdict_differing(verdict, 9, &variable, &observed, &in_spec) ==
           TLATV_ERROR_ARGUMENT);
    EXPECT(strlen(tlatv_window_verdict_last_error(verdict)) > 0);
    tlatv_location where;
    EXPECT(tlatv_window_verdict_error(verdict, &where) == TLATV_ABSENT);
    tlatv_window_verdict_free(verdict);

    /* A false conjunct with its place: c2 cannot release a lock c1 holds. */
    tlatv_window* wrong_client = NULL;
    EXPECT(tlatv_window_new("Release", &wrong_client) == TLATV_OK);
    EXPECT(tlatv_window_add_argument(wrong_client, "c", TLATV_FORMAT_TLA, "\"c2\"") == TLATV_OK);
    EXPECT(tlatv_window_add_state(wrong_client, TLATV_PRE, TLATV_FORMAT_TLA,
                                  "/\\ holder = \"c1\" /\\ waiting = <<>>") == TLATV_OK);
    EXPECT(tlatv_window_add_state(wrong_client, TLATV_POST, TLATV_FORMAT_TLA,
                                  "/\\ holder = \"none\" /\\ waiting = <<>>") == TLATV_OK);
    EXPECT(tlatv_spec_check_window(spec, wrong_client, NULL, &verdict, &error) == TLATV_OK);
    size_t operands = 0;
    EXPECT(tlatv_window_verdict_false_conjunct(verdict, &where, &operands) == TLATV_OK);
    EXPECT(strcmp(where.file, "LockServiceUnder.tla") == 0 && where.line > 0 &&
           strcmp(where.text, "holder = c") == 0 && operands > 0);
    tlatv_window_verdict_free(verdict);
    tlatv_window_free(wrong_client);

    /* A value that does not read is the window's error, not the call's. */
    tlatv_window* unreadable = NULL;
    EXPECT(tlatv_window_new("Request", &unreadable) == TLATV_OK);
    EXPECT(tlatv_window_add_state(unreadable, TLATV_PRE, TLATV_FORMAT_JSON, "{\"holder\": null}") ==
           TLATV_OK);
    EXPECT(tlatv_spec_check_window(spec, unreadable, NULL, &verdict, &error) == TLATV_OK);
    EXPECT(tlatv_window_verdict_get(verdict, &info) == TLATV_OK &&
           info.verdict == TLATV_VERDICT_ERROR);
    EXPECT(tlatv_window_verdict_error(verdict, &where) == TLATV_OK && strstr(where.text, "null"));
    tlatv_window_verdict_free(verdict);
    tlatv_window_free(unreadable);

    /* A window set: two requests pass, the hand-off fails, for the right action. */
    tlatv_window* set[3];
    set[0] = take_free_lock("\"c1\"");
    set[1] = handoff;
    set[2] = take_free_lock("\"c3\"");
    struct verdict_log log = {0, 0, 0, 1};
    tlatv_report* report = NULL;
    tlatv_validate_options options = {NULL, 1, 0, NULL, 0};
    EXPECT(tlatv_spec_validate_windows(spec, (const tlatv_window* const*)set, 3, log_verdict, &log,
                                       &options, &report, &error) == TLATV_OK);
    EXPECT(log.count == 3 && log.failing == 1 && log.in_order);
    tlatv_validation_counts counts;
    EXPECT(tlatv_report_counts(report, &counts) == TLATV_OK);
    EXPECT(counts.windows == 3 && counts.passes == 2 && counts.fails == 1);
    size_t actions = 0;
    EXPECT(tlatv_report_action_count(report, &actions) == TLATV_OK && actions == 2);
    tlatv_action_report release;
    EXPECT(tlatv_report_action(report, 0, &release) == TLATV_OK);
    EXPECT(strcmp(release.action, "Release") == 0 && release.fails == 1 &&
           release.failing_window_count == 1 && release.example_count == 1);
    unsigned long long failing_index = 0;
    EXPECT(tlatv_report_failing_window(report, 0, 0, &failing_index) == TLATV_OK &&
           failing_index == 2);
    const tlatv_window_verdict* example = NULL;
    EXPECT(tlatv_report_example(report, 0, 0, &example) == TLATV_OK);
    EXPECT(tlatv_window_verdict_get(example, &info) == TLATV_OK && info.index == 2);
    tlatv_action_report request;
    EXPECT(tlatv_report_action(report, 1, &request) == TLATV_OK);
    EXPECT(strcmp(request.action, "Request") == 0 && request.passes == 2 && request.fails == 0);
    EXPECT(tlatv_report_action(report, 2, &request) == TLATV_ERROR_ARGUMENT);
    EXPECT(strlen(tlatv_report_last_error(report)) > 0);
    const char* json = NULL;
    EXPECT(tlatv_report_json(report, &json) == TLATV_OK && strstr(json, "\"Release\""));
    tlatv_report_free(report);
    for (int i = 0; i < 3; ++i)
        tlatv_window_free(set[i]);

    /* A stream: windows are handed over one by one and freed by tlatv. */
    struct request_stream stream = {500, -2};
    struct verdict_log stream_log = {0, 0, 0, 1};
    options.batch_size = 32;
    options.threads = 2;
    EXPECT(tlatv_spec_validate_stream(spec, next_request, &stream, log_verdict, &stream_log,
                                      &options, &report, &error) == TLATV_OK);
    EXPECT(stream_log.count == 500 && stream_log.failing == 0 && stream_log.in_order);
    EXPECT(tlatv_report_counts(report, &counts) == TLATV_OK && counts.passes == 500);
    tlatv_report_free(report);
    /* A source that stops with an error fails the call; nothing leaks. */
    struct request_stream broken = {10, 5};
    EXPECT(tlatv_spec_validate_stream(spec, next_request, &broken, NULL, NULL, NULL, &report,
                                      &error) == TLATV_ERROR_INPUT);
    EXPECT(report == NULL && error != NULL && strstr(error, "stopped"));
    tlatv_string_free(error);
    error = NULL;

    /* Misuse is refused with a message. */
    EXPECT(tlatv_spec_check_window(spec, NULL, NULL, &verdict, &error) == TLATV_ERROR_ARGUMENT);
    tlatv_string_free(error);
    error = NULL;
    EXPECT(tlatv_window_new(NULL, &handoff) == TLATV_ERROR_ARGUMENT);
    tlatv_spec_free(spec);

    /* Text that does not parse is a located error. */
    EXPECT(tlatv_spec_load_text("---- MODULE Broken ----\nVARIABLE\n====\n", NULL, NULL, 0, NULL, 0,
                                &spec, &error) == TLATV_ERROR_INPUT);
    EXPECT(spec == NULL && error != NULL && strstr(error, "Broken.tla:"));
    tlatv_string_free(error);
}

/* The whole text of a file, to be freed with free(), or NULL. */
static char* read_text(const char* path) {
    FILE* in = fopen(path, "rb");
    if (!in) return NULL;
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char* text = (char*)malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, in) != (size_t)size) {
        free(text);
        text = NULL;
    }
    if (text) text[size] = '\0';
    fclose(in);
    return text;
}

int main(int argc, char** argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: c_api_test SPEC.tla SPEC.cfg WINDOWS.ndjson UNDER.tla UNDER.cfg\n");
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

    /* The same file through the report handle, with a verdict for each window. */
    tlatv_report* file_report = NULL;
    struct verdict_log file_log = {0, 0, 0, 1};
    EXPECT(tlatv_spec_validate_file(spec, argv[3], log_verdict, &file_log, NULL, &file_report,
                                    &error) == TLATV_OK);
    EXPECT(file_log.count == 196 && file_log.failing == 0 && file_log.in_order);
    tlatv_report_free(file_report);
    EXPECT(tlatv_spec_validate_file(spec, "no/such/windows.ndjson", NULL, NULL, NULL, &file_report,
                                    &error) == TLATV_ERROR_INPUT);
    EXPECT(file_report == NULL && error != NULL);
    tlatv_string_free(error);

    tlatv_spec_free(spec);
    tlatv_spec_free(NULL);

    char* under_text = read_text(argv[4]);
    char* under_config = read_text(argv[5]);
    EXPECT(under_text != NULL && under_config != NULL);
    if (under_text && under_config) validate_built_windows(under_text, under_config);
    free(under_text);
    free(under_config);
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
