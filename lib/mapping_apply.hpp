// Applying a mapping to a window: from the log's names and values to the spec's.
#pragma once

#include "lib/mapping.hpp"
#include "lib/window.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::lib {

// An argument of a candidate action: one value, or every element of a set.
struct BoundParameter {
    enum class Kind : std::uint8_t { Value, Range };
    std::string name;
    Kind kind = Kind::Value;
    eval::Value value; // the argument, or the set it ranges over
};

struct SpecAction {
    std::string action;
    std::vector<BoundParameter> parameters; // as the mapping lists them; none when unmapped
};

// Evaluates a mapping's TLA+ that depends on the window: the definitions compile_mapping made
// of it (lib/mapping_model.hpp gives the implementation, with the evaluator). Thread-safe.
class MappingEvaluator {
public:
    virtual ~MappingEvaluator() = default;
    // The definition applied to the window record `w`, in `state` (and `next`, for primed
    // variables) when given. Throws eval::EvalError.
    virtual eval::Value evaluate(std::uint32_t definition, const eval::Value& w,
                                 const std::vector<eval::Value>* state = nullptr,
                                 const std::vector<eval::Value>* next = nullptr) const = 0;
};

// What a mapping asks of a step beyond the post-state's variables: each derived variable the
// window records in its post-state has the expression's value in the successor, and each
// constraint holds of the step. Evaluated on the thread that applied the mapping.
class StepConditions {
public:
    struct Derived {
        std::string log_name;
        std::uint32_t definition = 0; // applied to the window record
        eval::Value observed;         // the window's post-state value, renamed
    };

    StepConditions(const MappingEvaluator& evaluator, eval::Value window,
                   std::vector<Derived> derived, std::vector<std::uint32_t> constraints);

    // Whether the step pre -> next satisfies them: the window's step. Throws eval::EvalError on
    // evaluation errors.
    bool accepts(const std::vector<eval::Value>& pre, const std::vector<eval::Value>& next) const;
    // Whether the constraints hold of the step: a step of the spec at all (over-approximation
    // counts only those). Throws eval::EvalError.
    bool admits(const std::vector<eval::Value>& pre, const std::vector<eval::Value>& next) const;
    // Adds each derived variable's value in `state` to `into`, by log name (the outcomes of
    // over-approximation, beside the variables the window fixes).
    void add_derived(const std::vector<eval::Value>& state, State& into) const;
    // Adds the window's values of the derived variables to `into`, by log name.
    void add_observed(State& into) const;
    bool empty() const { return derived_.empty() && constraints_.empty(); }

private:
    eval::Value derived_value(const Derived& d, const std::vector<eval::Value>& state) const;

    const MappingEvaluator* evaluator_; // the applier's; outlives the windows it maps
    eval::Value window_;
    std::vector<Derived> derived_;
    std::vector<std::uint32_t> constraints_;
};

// A window in the spec's terms.
struct SpecWindow {
    std::uint64_t index = 0;
    std::optional<std::string> id;
    std::optional<std::string> trace_id;
    std::string event; // the action as logged
    Expectation expect = Expectation::Unspecified;
    std::string file;
    std::uint64_t line = 0;

    // The spec actions the event may be; the window passes when one of them can take the step.
    std::vector<SpecAction> candidates;
    State pre;  // renamed, with the defaults of absent variables
    State post; // renamed; absent variables stay unconstrained
    // Absent variables that range over a set in the pre-state.
    std::map<std::string, eval::Value, std::less<>> pre_ranges;
    // The mapping's derived variables and constraints for this window; null when it has none.
    std::shared_ptr<const StepConditions> conditions;

    std::optional<Diagnostic> error; // the window's own error, or why the mapping did not apply
    bool ok() const { return !error.has_value(); }
};

// Applies one mapping to many windows (the rename tables are built once). The mapping must
// outlive the applier, and its TLA+ values must be resolved before they are needed: an
// unresolved one gives the window an error naming it. TLA+ that depends on the window is
// evaluated by `evaluator` (mapping_evaluator() of lib/mapping_model.hpp). apply() may be called
// from several threads.
class MappingApplier {
public:
    explicit MappingApplier(const Mapping& mapping,
                            std::shared_ptr<const MappingEvaluator> evaluator = nullptr);
    ~MappingApplier();
    MappingApplier(MappingApplier&&) noexcept;
    MappingApplier& operator=(MappingApplier&&) noexcept;

    SpecWindow apply(const Window& window) const;

private:
    struct Tables;
    const Mapping* mapping_;
    std::unique_ptr<Tables> tables_;
    std::shared_ptr<const MappingEvaluator> evaluator_;
};

// The window as the mapping's TLA+ sees it (`w`): a record of `pre`, `post`, `action` and, when
// the window has them, `id`, `trace_id`, `actor`, `input`, `args` (positional arguments) and each
// named argument or extra field of the line (`node`), with the log's names and values.
eval::Value window_record(const Window& window);

// Without a mapping: the window as it is, its event as the only candidate action.
SpecWindow identity_mapping(const Window& window);

} // namespace tlatv::lib
