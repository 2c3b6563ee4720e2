/* tlatv's C API: TLA+ trace validation through a C ABI, for C, Rust, Go and other languages.
 *
 * Objects: a spec (tlatv_spec), a window built by the caller (tlatv_window), one window's verdict
 * (tlatv_window_verdict) and the per-action report of a validation run (tlatv_report).
 *
 * Conventions
 * - One opaque handle type per object; each is created by a function that says how to free it.
 * - Every function returns a tlatv_status; results come back through out-parameters. (The only
 *   exceptions are the *_free functions, tlatv_version and the *_last_error functions.)
 * - Strings returned through `char**` are NUL-terminated UTF-8, owned by the caller, and must be
 *   freed with tlatv_string_free (string arrays with tlatv_strings_free). Strings returned through
 *   `const char**` belong to the handle they come from: do not free them; they stay valid until
 *   that handle is freed.
 * - Each handle keeps the message of the most recent failure of a call on it
 *   (tlatv_*_last_error).
 * - No C++ exception crosses this boundary; the library never prints and never aborts on bad
 *   input.
 * - Values are exchanged in TLC's printed form ({1, 2}, [a |-> 1], <<"x">>), states in TLC's
 *   state format (lines of the form  /\ x = 1 ).
 *
 * Thread safety (also stated at each function): a tlatv_spec is immutable once loaded. Any
 * number of threads may call the functions taking a `const tlatv_spec*` on the same handle at
 * once. tlatv_spec_last_error reports the most recent failure on that handle from any thread:
 * with several threads, use the `error` out-parameters instead. A tlatv_window is built by one
 * thread at a time. Verdicts and reports are immutable and may be read by any number of threads.
 */
#ifndef TLATV_TLATV_H
#define TLATV_TLATV_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tlatv_status {
    TLATV_OK = 0,
    TLATV_ERROR_INPUT = 1,    /* bad spec, config, state or expression; or an evaluation error */
    TLATV_ERROR_ARGUMENT = 2, /* a NULL where a value is required */
    TLATV_ERROR_INTERNAL = 3, /* a bug in tlatv, or out of memory */
    TLATV_ABSENT = 4          /* the object has no such part (e.g. a passing window's diagnostic) */
} tlatv_status;

typedef enum tlatv_verdict {
    TLATV_PASS = 0,         /* the action can take the pre-state to the post-state */
    TLATV_FAIL = 1,         /* it cannot */
    TLATV_VERDICT_ERROR = 2 /* evaluating the action failed (an error, not FALSE) */
} tlatv_verdict;

typedef struct tlatv_spec tlatv_spec;
typedef struct tlatv_window tlatv_window;
typedef struct tlatv_window_verdict tlatv_window_verdict;
typedef struct tlatv_report tlatv_report;

/* The library version, e.g. "0.1.0". Static storage: do not free. Thread-safe. */
const char* tlatv_version(void);

/* Frees a string returned by tlatv. NULL is allowed.
 * Thread-safe. */
void tlatv_string_free(char* s);
/* Frees an array of `count` strings returned by tlatv, and the strings. NULL is allowed.
 * Thread-safe. */
void tlatv_strings_free(char** strings, size_t count);

/* Loads `spec_file` with every module it imports and applies `config_file` (a TLC .cfg; NULL for
 * none). On success *out is a new handle, to be freed with tlatv_spec_free. On failure *out is
 * NULL and, when `error` is not NULL, *error receives the diagnostics (file:line:col: error: ...),
 * to be freed with tlatv_string_free. Thread-safe. */
tlatv_status tlatv_spec_load(const char* spec_file, const char* config_file, tlatv_spec** out,
                             char** error);

/* A module given as text: its name (as EXTENDS and INSTANCE name it) and its text. */
typedef struct tlatv_module_text {
    const char* name;
    const char* text;
} tlatv_module_text;

/* Loads a spec given as text: the root module `module_text`, the TLC configuration `config_text`
 * (NULL for none), `module_count` further modules (`modules` may be NULL when 0), found by EXTENDS
 * and INSTANCE before the `search_path_count` directories of `search_path`. Diagnostics name the
 * modules <Name>.tla. As tlatv_spec_load otherwise: *out is freed with tlatv_spec_free, *error
 * with tlatv_string_free. Thread-safe. */
tlatv_status tlatv_spec_load_text(const char* module_text, const char* config_text,
                                  const tlatv_module_text* modules, size_t module_count,
                                  const char* const* search_path, size_t search_path_count,
                                  tlatv_spec** out, char** error);

/* Frees a spec. NULL is allowed. Not while another thread uses it. */
void tlatv_spec_free(tlatv_spec* spec);

/* The message of the most recent failure on `spec`, or "" when none. Valid until the next call
 * on the handle; do not free.
 * Thread-safe (see the note on threads above). */
const char* tlatv_spec_last_error(const tlatv_spec* spec);

/* The value of the zero-argument definition `name`, in TLC's printed form, into *value (free with
 * tlatv_string_free).
 * Thread-safe on one spec. */
tlatv_status tlatv_spec_evaluate(const tlatv_spec* spec, const char* name, char** value,
                                 char** error);

/* The successors of `state` under `action` (a definition, e.g. "Next"; NULL means "Next"): an
 * array of *count state texts into *states (free with tlatv_strings_free).
 * Thread-safe on one spec. */
tlatv_status tlatv_spec_successors(const tlatv_spec* spec, const char* state, const char* action,
                                   char*** states, size_t* count, char** error);

/* Checks the window (`pre`, `post`) against `action` (NULL means "Next"). `post` may give only
 * some variables. *verdict receives the verdict; *explanation (may be NULL; free with
 * tlatv_string_free) the diagnostic of a failure or error. Returns TLATV_OK whenever a verdict,
 * including TLATV_VERDICT_ERROR, was reached.
 * Thread-safe on one spec. */
tlatv_status tlatv_spec_check(const tlatv_spec* spec, const char* pre, const char* post,
                              const char* action, tlatv_verdict* verdict, char** explanation);

/* Window counts of a validation run. */
typedef struct tlatv_validation_counts {
    size_t windows;
    size_t passes;
    size_t fails;  /* observed steps the spec cannot take (or impossible ones it takes) */
    size_t errors; /* windows that could not be checked */
} tlatv_validation_counts;

/* Validates the windows in `windows_file` (docs/windows-format.md) against the spec, per action,
 * on `threads` threads (0: every core). `mapping_file` (docs/mapping-format.md) may be NULL.
 * *counts receives the totals; *report_json, when not NULL, the whole report as JSON
 * (docs/report-format.md; free with tlatv_string_free). Returns TLATV_ERROR_INPUT when the
 * windows or mapping file cannot be read; failing windows are counted, not errors. */
tlatv_status tlatv_spec_validate(const tlatv_spec* spec, const char* windows_file,
                                 const char* mapping_file, unsigned threads,
                                 tlatv_validation_counts* counts, char** report_json, char** error);

/* ---- Windows built by the caller ----
 * A window is one observed transition: the action as logged, its arguments, the pre-state and the
 * post-state (docs/windows-format.md). States may be partial. Values are given as TLA+ text in
 * TLC's printed form ({1, 2}, <<"a">>, [x |-> 1], n1 for a model value) or as JSON text (converted
 * as TLC's Json module does). A value that does not read is reported when the window is checked,
 * as that window's error. A tlatv_window is used by one thread at a time. */

typedef enum tlatv_value_format { TLATV_FORMAT_TLA = 0, TLATV_FORMAT_JSON = 1 } tlatv_value_format;

typedef enum tlatv_state_side { TLATV_PRE = 0, TLATV_POST = 1 } tlatv_state_side;

typedef enum tlatv_expectation {
    TLATV_EXPECT_UNSPECIFIED = 0,
    TLATV_EXPECT_PASS = 1, /* the spec can take this step */
    TLATV_EXPECT_FAIL = 2  /* the step is impossible in the spec (a negative example) */
} tlatv_expectation;

/* A new window for the logged action `action`, with empty states, into *out (free with
 * tlatv_window_free). Thread-safe. */
tlatv_status tlatv_window_new(const char* action, tlatv_window** out);
/* Frees a window. NULL is allowed.
 * Not while another thread uses the window. */
void tlatv_window_free(tlatv_window* window);
/* The message of the most recent failure of a call on `window`, or "". Do not free; valid until
 * the next call on the window.
 * One thread at a time per window. */
const char* tlatv_window_last_error(const tlatv_window* window);

/* Adds a whole state to the `side` state: a JSON object of variables ({"x": 1}) or TLC's state
 * text (/\ x = 1). Later additions override earlier ones variable by variable.
 * Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_add_state(tlatv_window* window, tlatv_state_side side,
                                    tlatv_value_format format, const char* text);
/* Sets one variable of the `side` state.
 * Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_set_variable(tlatv_window* window, tlatv_state_side side,
                                       const char* variable, tlatv_value_format format,
                                       const char* value);
/* Appends an argument of the action: named, or positional when `name` is NULL.
 * Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_add_argument(tlatv_window* window, const char* name,
                                       tlatv_value_format format, const char* value);
/* The window's own id, shown in reports (NULL: none).
 * Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_set_id(tlatv_window* window, const char* id);
/* Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_set_expect(tlatv_window* window, tlatv_expectation expect);
/* The process that took the step; the input (message) that triggered it.
 * Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_set_actor(tlatv_window* window, tlatv_value_format format,
                                    const char* value);
/* Nothing to free. One thread at a time per window. */
tlatv_status tlatv_window_set_input(tlatv_window* window, tlatv_value_format format,
                                    const char* value);

/* ---- Validation ---- */

/* How windows are validated. Zero-initialize it for the defaults. */
typedef struct tlatv_validate_options {
    const char* mapping_file;      /* docs/mapping-format.md; NULL: names as they are */
    unsigned threads;              /* 0: every core */
    size_t batch_size;             /* windows held in memory at a time; 0: 512 */
    const char* const* invariants; /* definitions checked on every successor enumerated */
    size_t invariant_count;
} tlatv_validate_options;

/* Gives the next window of a stream: returns 1 and sets *window to a window that tlatv then owns
 * (and frees), 0 at the end of the stream, or -1 to stop validation with an error. Called from
 * the thread that called the validating function. */
typedef int (*tlatv_window_source)(void* context, tlatv_window** window);
/* Receives each window's verdict, in input order, as soon as its batch is checked, from the
 * thread that called the validating function. The verdict belongs to tlatv and is valid during
 * the call only (tlatv_window_verdict_copy keeps it). */
typedef void (*tlatv_verdict_callback)(void* context, const tlatv_window_verdict* verdict);

/* Checks one window; its verdict (with the diagnostic of a failure) into *out, to be freed with
 * tlatv_window_verdict_free. A window that cannot be checked is a verdict TLATV_VERDICT_ERROR and
 * the call returns TLATV_OK; TLATV_ERROR_INPUT means the options are wrong (mapping, invariants).
 * `options` may be NULL. Thread-safe on one spec; not on one window. */
tlatv_status tlatv_spec_check_window(const tlatv_spec* spec, const tlatv_window* window,
                                     const tlatv_validate_options* options,
                                     tlatv_window_verdict** out, char** error);

/* Validates the windows `source` gives until it gives none, a batch at a time: memory does not
 * grow with the stream. `on_verdict` may be NULL. On success *out is the report (free with
 * tlatv_report_free). Thread-safe on one spec (each call has its own state). */
tlatv_status tlatv_spec_validate_stream(const tlatv_spec* spec, tlatv_window_source source,
                                        void* source_context, tlatv_verdict_callback on_verdict,
                                        void* verdict_context,
                                        const tlatv_validate_options* options, tlatv_report** out,
                                        char** error);

/* The same for `count` windows held by the caller (they stay the caller's).
 * *out is freed with tlatv_report_free, *error with tlatv_string_free. Thread-safe on
 * one spec. */
tlatv_status tlatv_spec_validate_windows(const tlatv_spec* spec, const tlatv_window* const* windows,
                                         size_t count, tlatv_verdict_callback on_verdict,
                                         void* verdict_context,
                                         const tlatv_validate_options* options, tlatv_report** out,
                                         char** error);

/* The same for the windows of a file (docs/windows-format.md). TLATV_ERROR_INPUT when the file
 * cannot be read.
 * *out is freed with tlatv_report_free, *error with tlatv_string_free. Thread-safe on
 * one spec. */
tlatv_status tlatv_spec_validate_file(const tlatv_spec* spec, const char* windows_file,
                                      tlatv_verdict_callback on_verdict, void* verdict_context,
                                      const tlatv_validate_options* options, tlatv_report** out,
                                      char** error);

/* ---- One window's verdict ----
 * A verdict is immutable: any number of threads may read one at the same time. Its strings
 * belong to it. */

typedef enum tlatv_failure_kind {
    TLATV_FAILURE_NONE = 0,
    TLATV_FAILURE_REJECTED = 1,           /* the spec cannot take the observed step */
    TLATV_FAILURE_ACCEPTED_IMPOSSIBLE = 2 /* the window expects "fail" and the spec takes it */
} tlatv_failure_kind;

typedef struct tlatv_window_verdict_info {
    unsigned long long index; /* 1-based place in the file or stream */
    const char* id;           /* "" when the window has none */
    const char* event;        /* the action as logged */
    const char* action;       /* the spec action it is counted under */
    tlatv_verdict verdict;
    tlatv_failure_kind failure;
    tlatv_expectation expect;
    const char* passed_by; /* pass: the action instance that took the step, e.g. Request("c1") */
    int enabled;           /* fail: some candidate action had a successor from the pre-state */
    size_t argument_count;
} tlatv_window_verdict_info;

/* A place in a source file, and what is there. */
typedef struct tlatv_location {
    const char* file;
    unsigned line;           /* 1-based; 0 when unknown */
    unsigned column;         /* 1-based; 0 when unknown */
    const char* text;        /* the false conjunct's text, or the error's message */
    const char* source_line; /* the line at `line`, for a caret display; may be "" */
} tlatv_location;

/* A copy of `verdict` (e.g. of one passed to a callback), to be freed with
 * tlatv_window_verdict_free.
 * Thread-safe. */
tlatv_status tlatv_window_verdict_copy(const tlatv_window_verdict* verdict,
                                       tlatv_window_verdict** out);
/* Frees a verdict returned by tlatv_spec_check_window or tlatv_window_verdict_copy. NULL is
 * allowed. Never free the verdicts passed to callbacks or owned by a report.
 * Not while another thread uses the verdict. */
void tlatv_window_verdict_free(tlatv_window_verdict* verdict);
/* Nothing to free (strings belong to the verdict). Thread-safe. */
const char* tlatv_window_verdict_last_error(const tlatv_window_verdict* verdict);

/* Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_get(const tlatv_window_verdict* verdict,
                                      tlatv_window_verdict_info* info);
/* The argument at `i` (< argument_count) as logged: its name ("" when positional) and value.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_argument(const tlatv_window_verdict* verdict, size_t i,
                                           const char** name, const char** value);
/* A rejected window's first false conjunct, with the number of its operands; TLATV_ABSENT when
 * there is none.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_false_conjunct(const tlatv_window_verdict* verdict,
                                                 tlatv_location* where, size_t* operand_count);
/* The operand at `i` of the false conjunct: its source text and value.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_operand(const tlatv_window_verdict* verdict, size_t i,
                                          const char** text, const char** value);
/* The successor closest to the observed post-state: the action instance giving it and how many
 * variables differ; TLATV_ABSENT when there is none.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_closest(const tlatv_window_verdict* verdict, const char** action,
                                          size_t* differing_count);
/* The differing variable at `i`: its name, its observed value and the closest successor's.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_differing(const tlatv_window_verdict* verdict, size_t i,
                                            const char** variable, const char** observed,
                                            const char** spec);
/* Why the window could not be checked (TLATV_VERDICT_ERROR); TLATV_ABSENT otherwise.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_error(const tlatv_window_verdict* verdict, tlatv_location* where);
/* Over-approximation on a window whose pre-state is fully known: the distinct outcomes the spec
 * allows and, of those, the ones other than the observed one; TLATV_ABSENT when not analysed.
 * Nothing to free (strings belong to the verdict). Thread-safe. */
tlatv_status tlatv_window_verdict_outcomes(const tlatv_window_verdict* verdict, size_t* outcomes,
                                           size_t* extra);

/* ---- The report of a validation run ----
 * A report is immutable: any number of threads may read one at the same time. Its strings and
 * example verdicts belong to it. */

/* One action's figures (docs/report-format.md). */
typedef struct tlatv_action_report {
    const char* action;
    size_t windows, passes, fails, errors;
    size_t analysed;             /* windows whose pre-state was fully known */
    size_t with_extra_outcomes;  /* of those, windows where the spec allows more */
    size_t extra_outcomes;       /* the extra outcomes, summed */
    size_t unobserved_groups;    /* pre-states with outcomes the system never produced */
    size_t accepted_impossible;  /* windows expecting "fail" that the spec takes */
    size_t invariant_violations; /* windows with a successor violating an invariant */
    size_t cluster_count;
    size_t failing_window_count;
    size_t example_count;
} tlatv_action_report;

/* Frees a report. NULL is allowed.
 * Not while another thread uses the report. */
void tlatv_report_free(tlatv_report* report);
/* Nothing to free (strings and verdicts belong to the report). Thread-safe. */
const char* tlatv_report_last_error(const tlatv_report* report);

/* Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_counts(const tlatv_report* report, tlatv_validation_counts* counts);
/* Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_action_count(const tlatv_report* report, size_t* count);
/* The action at `i` (< action_count; sorted by name).
 * Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_action(const tlatv_report* report, size_t i, tlatv_action_report* out);
/* The failure cluster `j` of action `i`: a pre-state feature and how many failing and passing
 * windows have it.
 * Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_cluster(const tlatv_report* report, size_t i, size_t j,
                                  const char** feature, size_t* failing, size_t* passing);
/* The index of the failing window `j` of action `i`.
 * Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_failing_window(const tlatv_report* report, size_t i, size_t j,
                                         unsigned long long* index);
/* The failing window `j` of action `i` kept with its diagnostic; the verdict belongs to the
 * report.
 * Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_example(const tlatv_report* report, size_t i, size_t j,
                                  const tlatv_window_verdict** verdict);
/* The report as JSON (docs/report-format.md) and as the CLI's table.
 * Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_json(const tlatv_report* report, const char** json);
/* Nothing to free (strings and verdicts belong to the report). Thread-safe. */
tlatv_status tlatv_report_table(const tlatv_report* report, const char** table);

/* Evaluates a constant expression in a module extending Integers, Sequences, FiniteSets and TLC
 * (TLC's 32-bit integers). Thread-safe.
 * *value and *error are freed with tlatv_string_free. */
tlatv_status tlatv_evaluate(const char* expression, char** value, char** error);

#ifdef __cplusplus
}
#endif

#endif /* TLATV_TLATV_H */
