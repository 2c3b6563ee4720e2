// tlatv's C++ API: load a spec with its TLC configuration, evaluate, enumerate successors and
// check windows. Values cross this API in TLC's printed form (`{1, 2}`, `[a |-> 1]`), so that
// they can be compared with TLC's output and pasted back into a spec.
//
// Thread safety: a Spec is immutable once loaded; any number of threads may use one Spec at the
// same time (each call evaluates in a context of its own).
#pragma once

#include "tlatv/result.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv {

// How integers behave: as TLC's 32-bit integers (overflow is an error), or exact.
enum class IntegerMode { Tlc32, Exact };

struct SpecOptions {
    std::string config_file;              // TLC .cfg; empty for none
    std::vector<std::string> search_path; // where EXTENDS/INSTANCE look after the spec's folder
    IntegerMode integers = IntegerMode::Tlc32;
};

enum class Verdict { Pass, Fail, Error };

struct CheckOutcome {
    Verdict verdict = Verdict::Fail;
    std::string action;                     // Pass: the label of the action that took the window
    std::vector<std::string> unconstrained; // post variables the window left open
    std::string explanation;                // Fail / Error: the diagnostic, as text for a person
    std::vector<Diagnostic> errors;         // Error: located errors
};

// What to validate: windows cut from traces of the system (docs/windows-format.md), with an
// optional mapping from log names to spec names (docs/mapping-format.md).
struct ValidateRequest {
    std::string windows_file;
    std::string mapping_file;            // empty: names are taken as they are
    unsigned threads = 0;                // 0: every core
    std::vector<std::string> invariants; // checked on every successor enumerated
};

// One action's figures (docs/report-format.md has their exact meaning).
struct ActionReport {
    std::string action;
    std::size_t windows = 0, passes = 0, fails = 0, errors = 0;
    std::size_t with_extra_outcomes = 0; // over-approximation: windows where the spec allows more
    std::size_t accepted_impossible = 0; // windows marked "expect": "fail" that the spec takes
    std::vector<std::string> clusters;   // pre-state features that set failing windows apart
};

struct ValidationReport {
    std::size_t windows = 0, passes = 0, fails = 0, errors = 0;
    std::vector<ActionReport> actions; // sorted by name
    std::string table;                 // the report as the CLI prints it
    std::string json;                  // the report as JSON (docs/report-format.md)
    bool all_pass() const { return fails == 0 && errors == 0; }
};

namespace detail {
struct SpecData;
}

class Spec {
public:
    // Parses and resolves `spec_file` with every module it imports, and applies the config.
    static Result<Spec> load(const std::string& spec_file, const SpecOptions& options = {});

    const std::string& module_name() const;
    std::vector<std::string> variables() const; // in declaration order

    // The value of a definition of the spec that takes no arguments, in TLC's printed form.
    Result<std::string> evaluate(std::string_view definition) const;

    // Every successor of `state` (TLC's state text, `/\ x = 1 /\ y = 2`) under `action` (a
    // definition of the spec, e.g. "Next" or "Request"), each in TLC's state text.
    Result<std::vector<std::string>> successors(std::string_view state,
                                                std::string_view action = "Next") const;

    // Whether `action` can take `pre` to `post` (TLC state text; `post` may give only some
    // variables, which leaves the others open).
    CheckOutcome check(std::string_view pre, std::string_view post,
                       std::string_view action = "Next") const;

    // Validates a file of windows against the spec, per action, in parallel. Input errors (the
    // windows or mapping file cannot be read) are the Result's errors; a window that fails or
    // cannot be checked is counted in the report.
    Result<ValidationReport> validate(const ValidateRequest& request) const;

private:
    explicit Spec(std::shared_ptr<const detail::SpecData> data)
        : data_(std::move(data)) {}
    std::shared_ptr<const detail::SpecData> data_;
};

// Evaluates a constant expression in a module that EXTENDS `extends`; the value in TLC's
// printed form, or the error.
Result<std::string> evaluate(std::string_view expression,
                             const std::vector<std::string>& extends = {"Integers", "Sequences",
                                                                        "FiniteSets", "TLC"},
                             IntegerMode integers = IntegerMode::Tlc32);

} // namespace tlatv
