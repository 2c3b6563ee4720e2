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

    std::optional<Diagnostic> error; // the window's own error, or why the mapping did not apply
    bool ok() const { return !error.has_value(); }
};

// Applies one mapping to many windows (the rename tables are built once). The mapping must
// outlive the applier, and its TLA+ values must be resolved before they are needed: an
// unresolved one gives the window an error naming it. apply() may be called from several threads.
class MappingApplier {
public:
    explicit MappingApplier(const Mapping& mapping);
    ~MappingApplier();
    MappingApplier(MappingApplier&&) noexcept;
    MappingApplier& operator=(MappingApplier&&) noexcept;

    SpecWindow apply(const Window& window) const;

private:
    struct Tables;
    const Mapping* mapping_;
    std::unique_ptr<Tables> tables_;
};

// Without a mapping: the window as it is, its event as the only candidate action.
SpecWindow identity_mapping(const Window& window);

} // namespace tlatv::lib
