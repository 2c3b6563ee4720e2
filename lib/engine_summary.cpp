#include "lib/engine_summary.hpp"

#include <algorithm>
#include <cctype>

namespace tlatv::engine {

namespace {

// Distinct features remembered per action (values of counters would otherwise grow forever).
constexpr std::size_t kMaxFeatures = 20'000;
// Groups with unobserved outcomes kept for the report, per action.
constexpr std::size_t kMaxReportedGroups = 20;
// Clusters reported per action.
constexpr std::size_t kMaxClusters = 5;

// `pc[actor] = "idle"` says more than `pc[t] = "idle"`, which says more than `pc[2] = "idle"`
// or `pc = <<...>>`.
int feature_rank(const std::string& feature) {
    const auto bracket = feature.find('[');
    const auto equals = feature.find(" = ");
    if (bracket == std::string::npos || bracket > equals) return 3;
    if (feature.compare(bracket, 7, "[actor]") == 0) return 0;
    const char c = bracket + 1 < feature.size() ? feature[bracket + 1] : ' ';
    return std::isalpha(static_cast<unsigned char>(c)) ? 1 : 2;
}

} // namespace

void SummaryBuilder::add(const CheckedWindow& window) {
    const WindowVerdict& v = window.verdict;
    PerAction& per = actions_[v.action];
    ActionSummary& s = per.summary;
    s.action = v.action;
    ++s.windows;
    ++totals_.windows;
    switch (v.verdict) {
    case eval::Verdict::Pass:
        ++s.passes;
        ++totals_.passes;
        break;
    case eval::Verdict::Fail:
        ++totals_.fails;
        if (v.failure == FailureKind::AcceptedImpossible)
            ++s.accepted_impossible;
        else
            ++s.fails;
        if (s.failing_windows.size() < options_.max_failing_indices)
            s.failing_windows.push_back(v.index);
        if (s.examples.size() < options_.max_examples) s.examples.push_back(v);
        break;
    case eval::Verdict::Error:
        ++s.errors;
        ++totals_.errors;
        // Shown like failures: the report names the window and the error (e.g. a bound reached).
        if (s.examples.size() < options_.max_examples) s.examples.push_back(v);
        break;
    }
    const bool counts_for_clusters =
        v.verdict == eval::Verdict::Pass ||
        (v.verdict == eval::Verdict::Fail && v.failure == FailureKind::Rejected);
    if (counts_for_clusters)
        for (const Feature& feature : window.features) {
            auto it = per.features.find(feature);
            if (it == per.features.end()) {
                if (per.features.size() >= kMaxFeatures) continue;
                it = per.features.emplace(feature, FeatureCount{}).first;
            }
            if (v.verdict == eval::Verdict::Pass)
                ++it->second.passing;
            else
                ++it->second.failing;
        }

    if (v.outcomes) {
        ++s.analysed;
        if (v.outcomes->extra_count > 0) {
            ++s.with_extra_outcomes;
            s.extra_outcomes += v.outcomes->extra_count;
        }
        if (v.outcomes->violating_successors > 0) ++s.invariant_violations;
    }
    if (window.group && !(v.outcomes && v.outcomes->error)) {
        auto it = per.group_index.find(*window.group);
        if (it == per.group_index.end()) {
            if (per.groups.size() >= options_.max_groups) return;
            it = per.group_index.emplace(*window.group, per.groups.size()).first;
            Group g;
            g.action = v.passed_by.value_or(v.action);
            g.pre = window.group->pre();
            g.allowed = window.allowed;
            per.groups.push_back(std::move(g));
        }
        Group& g = per.groups[it->second];
        ++g.windows;
        if (std::find(g.observed.begin(), g.observed.end(), window.observed) == g.observed.end())
            g.observed.push_back(window.observed);
    }
}

std::vector<FailureCluster> SummaryBuilder::clusters(const PerAction& per) {
    const ActionSummary& s = per.summary;
    std::vector<FailureCluster> out;
    if (s.fails == 0) return out;
    for (const auto& [feature, count] : per.features)
        if (count.failing == s.fails && count.passing < s.passes)
            if (auto text = feature.text())
                out.push_back(FailureCluster{std::move(*text), count.failing, count.passing});
    std::sort(out.begin(), out.end(), [](const FailureCluster& a, const FailureCluster& b) {
        if (a.passing != b.passing) return a.passing < b.passing;
        const int ra = feature_rank(a.feature), rb = feature_rank(b.feature);
        if (ra != rb) return ra < rb;
        if (a.feature.size() != b.feature.size()) return a.feature.size() < b.feature.size();
        return a.feature < b.feature;
    });
    // Perfect separators when there are any; otherwise the best partial ones.
    if (!out.empty() && out.front().passing == 0)
        out.erase(std::find_if(out.begin(), out.end(),
                               [](const FailureCluster& c) { return c.passing > 0; }),
                  out.end());
    if (out.size() > kMaxClusters) out.resize(kMaxClusters);
    return out;
}

ValidationSummary SummaryBuilder::finish() {
    ValidationSummary summary = std::move(totals_);
    for (auto& [name, per] : actions_) {
        ActionSummary s = std::move(per.summary);
        for (Group& g : per.groups) {
            std::vector<lib::State> never_seen;
            for (const lib::State& outcome : g.allowed)
                if (std::find(g.observed.begin(), g.observed.end(), outcome) == g.observed.end())
                    never_seen.push_back(outcome);
            if (never_seen.empty()) continue;
            ++s.unobserved_groups;
            if (s.unobserved.size() < kMaxReportedGroups)
                s.unobserved.push_back(UnobservedOutcomes{g.action, std::move(g.pre), g.windows,
                                                          std::move(g.observed),
                                                          std::move(never_seen)});
        }
        per.summary = std::move(s);
        per.summary.clusters = clusters(per);
        summary.actions.push_back(std::move(per.summary));
    }
    return summary;
}

} // namespace tlatv::engine
