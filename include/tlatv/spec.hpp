// tlatv's C++ API: load a spec with its TLC configuration, evaluate, enumerate successors and
// check windows. Values cross this API in TLC's printed form (`{1, 2}`, `[a |-> 1]`), so that
// they can be compared with TLC's output and pasted back into a spec.
//
// Thread safety: a Spec is immutable once loaded; any number of threads may use one Spec at the
// same time (each call evaluates in a context of its own).
#pragma once

#include "tlatv/result.hpp"

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
