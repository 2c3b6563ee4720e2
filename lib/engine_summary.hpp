// Folding checked windows, in input order, into the per-action summary: counts, failure clusters
// and the outcomes the spec allows from a pre-state that the system never produced.
#pragma once

#include "lib/engine.hpp"
#include "lib/engine_window.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace tlatv::engine {

class SummaryBuilder {
public:
    explicit SummaryBuilder(const ValidateOptions& options)
        : options_(options) {}

    void add(const CheckedWindow& window);
    ValidationSummary finish();

private:
    struct Group {
        std::string action;
        lib::State pre;
        std::size_t windows = 0;
        std::vector<lib::State> observed;
        std::vector<lib::State> allowed;
    };
    struct FeatureCount {
        std::size_t failing = 0;
        std::size_t passing = 0;
    };
    struct PerAction {
        ActionSummary summary;
        std::unordered_map<Feature, FeatureCount, FeatureHash> features;
        std::vector<Group> groups;
        std::unordered_map<GroupKey, std::size_t, GroupKeyHash> group_index;
    };

    static std::vector<FailureCluster> clusters(const PerAction& action);

    const ValidateOptions& options_;
    std::map<std::string, PerAction> actions_;
    ValidationSummary totals_;
};

} // namespace tlatv::engine
