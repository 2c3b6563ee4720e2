/* tlatv's C API: TLA+ trace validation through a C ABI, for C, Rust, Go and other languages.
 *
 * Conventions
 * - One opaque handle type per object; each is created by a function that says how to free it.
 * - Every function returns a tlatv_status; results come back through out-parameters.
 * - Strings returned to the caller are NUL-terminated UTF-8, owned by the caller, and must be
 *   freed with tlatv_string_free (string arrays with tlatv_strings_free).
 * - No C++ exception crosses this boundary; the library never prints and never aborts on bad
 *   input.
 * - Values are exchanged in TLC's printed form ({1, 2}, [a |-> 1], <<"x">>), states in TLC's
 *   state format (lines of the form  /\ x = 1 ).
 *
 * Thread safety: a tlatv_spec is immutable once loaded. Any number of threads may call the
 * functions taking a `const tlatv_spec*` on the same handle at once. tlatv_spec_last_error
 * reports the most recent failure on that handle from any thread: with several threads, use the
 * `error` out-parameters instead.
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
    TLATV_ERROR_INTERNAL = 3  /* a bug in tlatv: please report it */
} tlatv_status;

typedef enum tlatv_verdict {
    TLATV_PASS = 0,        /* the action can take the pre-state to the post-state */
    TLATV_FAIL = 1,        /* it cannot */
    TLATV_VERDICT_ERROR = 2 /* evaluating the action failed (an error, not FALSE) */
} tlatv_verdict;

typedef struct tlatv_spec tlatv_spec;

/* The library version, e.g. "0.1.0". Static storage: do not free. Thread-safe. */
const char* tlatv_version(void);

/* Frees a string returned by tlatv. NULL is allowed. */
void tlatv_string_free(char* s);
/* Frees an array of `count` strings returned by tlatv, and the strings. NULL is allowed. */
void tlatv_strings_free(char** strings, size_t count);

/* Loads `spec_file` with every module it imports and applies `config_file` (a TLC .cfg; NULL for
 * none). On success *out is a new handle, to be freed with tlatv_spec_free. On failure *out is
 * NULL and, when `error` is not NULL, *error receives the diagnostics (file:line:col: error: ...),
 * to be freed with tlatv_string_free. Thread-safe. */
tlatv_status tlatv_spec_load(const char* spec_file, const char* config_file, tlatv_spec** out,
                             char** error);

/* Frees a spec. NULL is allowed. Not while another thread uses it. */
void tlatv_spec_free(tlatv_spec* spec);

/* The message of the most recent failure on `spec`, or "" when none. Valid until the next call
 * on the handle; do not free. */
const char* tlatv_spec_last_error(const tlatv_spec* spec);

/* The value of the zero-argument definition `name`, in TLC's printed form, into *value (free with
 * tlatv_string_free). */
tlatv_status tlatv_spec_evaluate(const tlatv_spec* spec, const char* name, char** value,
                                 char** error);

/* The successors of `state` under `action` (a definition, e.g. "Next"; NULL means "Next"): an
 * array of *count state texts into *states (free with tlatv_strings_free). */
tlatv_status tlatv_spec_successors(const tlatv_spec* spec, const char* state, const char* action,
                                   char*** states, size_t* count, char** error);

/* Checks the window (`pre`, `post`) against `action` (NULL means "Next"). `post` may give only
 * some variables. *verdict receives the verdict; *explanation (may be NULL; free with
 * tlatv_string_free) the diagnostic of a failure or error. Returns TLATV_OK whenever a verdict,
 * including TLATV_VERDICT_ERROR, was reached. */
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
                                 tlatv_validation_counts* counts, char** report_json,
                                 char** error);

/* Evaluates a constant expression in a module extending Integers, Sequences, FiniteSets and TLC
 * (TLC's 32-bit integers). Thread-safe. */
tlatv_status tlatv_evaluate(const char* expression, char** value, char** error);

#ifdef __cplusplus
}
#endif

#endif /* TLATV_TLATV_H */
