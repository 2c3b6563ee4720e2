// tlatv's C++ API: load a spec with its TLC configuration (from files or from text), evaluate,
// enumerate successors, and validate windows (one, a stream, a file) into per-window verdicts and
// a per-action report. Values cross this API in TLC's printed form (`{1, 2}`, `[a |-> 1]`), so
// that they can be compared with TLC's output and pasted back into a spec.
//
// No exception escapes: failures are Result values with located diagnostics, and a window that
// cannot be checked is a verdict of kind Error.
//
// Thread safety: a Spec is immutable once loaded; any number of threads may use one Spec at the
// same time (each call evaluates in a context of its own).
#pragma once

#include "tlatv/report.hpp"
#include "tlatv/result.hpp"
#include "tlatv/verdict.hpp"
#include "tlatv/window.hpp"

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
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

// A spec given as text rather than files.
struct SpecText {
    std::string module; // the root module, `---- MODULE Name ---- ... ====`
    std::string config; // the TLC .cfg text; empty for none (then SpecOptions::config_file)
    // Further modules by name, found by EXTENDS and INSTANCE before the search path.
    std::map<std::string, std::string> modules;
};

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

// How windows given through the API are validated (a file's windows: ValidateRequest).
struct ValidateOptions {
    std::string mapping_file;            // docs/mapping-format.md; empty: names as they are
    unsigned threads = 0;                // 0: every core
    std::vector<std::string> invariants; // checked on every successor enumerated
    std::size_t batch_size = 512;        // windows held in memory at a time
};

// The next window of a stream, or nullopt at its end. Called from the thread that validates.
using WindowSource = std::function<std::optional<Window>()>;
// Called with each window's verdict, in input order, from the thread that validates, as soon as
// the window's batch is checked. The verdict is valid during the call only.
using VerdictCallback = std::function<void(const WindowVerdict&)>;

namespace detail {
struct SpecData;
}

class Spec {
public:
    // Parses and resolves `spec_file` with every module it imports, and applies the config.
    static Result<Spec> load(const std::string& spec_file, const SpecOptions& options = {});
    // The same for a spec given as text. `options.search_path` serves EXTENDS and INSTANCE after
    // `text.modules`; diagnostics name the modules `<Name>.tla`.
    static Result<Spec> load_text(const SpecText& text, const SpecOptions& options = {});

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
    // cannot be checked is counted in the report. `on_verdict`, when given, receives every
    // window's verdict as it is produced.
    Result<ValidationReport> validate(const ValidateRequest& request,
                                      const VerdictCallback& on_verdict = {}) const;

    // Validates the windows `next_window` gives until it gives none, a batch at a time (memory
    // does not grow with the stream). Windows are indexed 1, 2, ... in the order given. An
    // exception thrown by `next_window` or `on_verdict` ends validation as the Result's error.
    Result<ValidationReport> validate_stream(const WindowSource& next_window,
                                             const ValidateOptions& options = {},
                                             const VerdictCallback& on_verdict = {}) const;
    // The same for windows held in memory.
    Result<ValidationReport> validate_windows(const std::vector<Window>& windows,
                                              const ValidateOptions& options = {},
                                              const VerdictCallback& on_verdict = {}) const;

    // One window's verdict with its diagnostic. The Result's errors are those of the options
    // (mapping, invariants); a window that cannot be checked is a verdict of kind Error.
    Result<WindowVerdict> check_window(const Window& window,
                                       const ValidateOptions& options = {}) const;

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
