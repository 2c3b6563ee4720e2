// Checking one window in the spec's terms: the verdict, the diagnostic of a failure, the outcomes
// the spec allows from a fully known pre-state, and the pre-state features used for clusters.
// One WindowChecker per worker thread: it owns that thread's EvalContext.
#pragma once

#include "evaluator/eval.hpp"
#include "lib/engine.hpp"
#include "lib/engine_actions.hpp"
#include "lib/mapping_apply.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tlatv::engine {

// Source text of the spec's files, read once and shared by the workers (for diagnostics).
class SourceCache {
public:
    // The text of `file`, or empty when it cannot be read. Thread-safe.
    std::shared_ptr<const std::string> text(const std::string& file) const;

private:
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::shared_ptr<const std::string>> files_;
};

// A pre-state feature, `pc[actor] = "idle"`: a variable, or its image at a key, and the value.
// Kept as values and printed only for the clusters reported (printing every window's features
// cost almost as much as deciding its step). The hash is computed by the worker that makes the
// feature, so that the serial merge only looks it up.
class Feature {
public:
    // The image at the actor or a parameter (`key_name`, whatever its value in the window), or
    // at `key`, or (neither) the variable's whole value.
    Feature(std::string variable, std::string key_name, std::optional<eval::Value> key,
            eval::Value value);

    friend bool operator==(const Feature& a, const Feature& b) {
        return a.hash_ == b.hash_ && a.variable_ == b.variable_ && a.key_name_ == b.key_name_ &&
               a.key_ == b.key_ && a.value_ == b.value_;
    }
    std::size_t hash() const { return hash_; }
    // `pc[actor] = "idle"`, or nullopt when the value prints longer than a reader would read.
    std::optional<std::string> text() const;

private:
    std::string variable_;
    std::string key_name_;
    std::optional<eval::Value> key_;
    eval::Value value_;
    std::size_t hash_;
};

struct FeatureHash {
    std::size_t operator()(const Feature& feature) const { return feature.hash(); }
};

// The windows whose outcomes are compared: same action instances, same pre-state. Hashed by the
// worker that makes it (see Feature).
class GroupKey {
public:
    GroupKey(const std::vector<eval::Action>& actions, lib::State pre);

    friend bool operator==(const GroupKey& a, const GroupKey& b) {
        return a.hash_ == b.hash_ && a.actions_ == b.actions_ && a.pre_ == b.pre_;
    }
    std::size_t hash() const { return hash_; }
    const lib::State& pre() const { return pre_; }

private:
    std::vector<std::pair<std::string, std::vector<eval::Value>>> actions_; // name, arguments
    lib::State pre_;
    std::size_t hash_;
};

struct GroupKeyHash {
    std::size_t operator()(const GroupKey& key) const { return key.hash(); }
};

// What a worker gives back for one window: the public verdict and what the merge step needs to
// group windows by pre-state.
struct CheckedWindow {
    WindowVerdict verdict;
    std::optional<GroupKey> group;   // none: not grouped
    lib::State observed;             // the post-state on the variables the window fixes
    std::vector<lib::State> allowed; // outcomes the spec allows (capped)
    bool observed_allowed = false;   // the observed outcome is among them
    std::vector<Feature> features;   // of the pre-state, for failure clusters
};

struct CheckSettings {
    const ValidateOptions* options = nullptr;
    const ActionCatalog* catalog = nullptr;
    const SourceCache* sources = nullptr;
    std::vector<std::uint32_t> invariants; // definitions of the spec
    std::size_t max_allowed = 64;          // outcomes kept per window for grouping
};

class WindowChecker {
public:
    WindowChecker(std::shared_ptr<const eval::CompiledSpec> spec, const CheckSettings& settings);

    CheckedWindow check(const lib::Window& window, const lib::SpecWindow& mapped);

private:
    void analyse_outcomes(const std::vector<eval::Action>& actions, const eval::State& pre,
                          const eval::PartialState& post, const lib::StepConditions* conditions,
                          CheckedWindow& out);
    FailureDiagnostic describe(const eval::CheckResult& result, const eval::PartialState& post);
    std::vector<Feature> features(const lib::SpecWindow& mapped, const lib::Window& window,
                                  const std::vector<eval::Action>& actions) const;

    eval::EvalContext ctx_;
    CheckSettings settings_;
};

} // namespace tlatv::engine
