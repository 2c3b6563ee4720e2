// The engine's verdicts and summary as the public API's verdict and report objects.
#include "lib/api_convert.hpp"
#include "lib/report.hpp"

#include <string_view>

namespace tlatv::api {

namespace {

Verdict public_verdict_kind(eval::Verdict verdict) {
    switch (verdict) {
    case eval::Verdict::Pass:
        return Verdict::Pass;
    case eval::Verdict::Fail:
        return Verdict::Fail;
    case eval::Verdict::Error:
        break;
    }
    return Verdict::Error;
}

FailureKind public_failure(engine::FailureKind kind) {
    switch (kind) {
    case engine::FailureKind::Rejected:
        return FailureKind::Rejected;
    case engine::FailureKind::AcceptedImpossible:
        return FailureKind::AcceptedImpossible;
    case engine::FailureKind::None:
        break;
    }
    return FailureKind::None;
}

Expectation public_expectation(lib::Expectation expect) {
    switch (expect) {
    case lib::Expectation::Pass:
        return Expectation::Pass;
    case lib::Expectation::Fail:
        return Expectation::Fail;
    case lib::Expectation::Unspecified:
        break;
    }
    return Expectation::Unspecified;
}

Diagnostic displayed(Diagnostic d, const PathDisplay& display) {
    d.file = display(d.file);
    return d;
}

// The engine words its false-conjunct diagnostic for a person ("this conjunct is false: x = 1");
// the conjunct's text is what follows the prefix.
std::string conjunct_text(const std::string& message) {
    constexpr std::string_view prefix = "this conjunct is false: ";
    return message.starts_with(prefix) ? message.substr(prefix.size()) : std::string();
}

} // namespace

WindowVerdict public_verdict(const engine::WindowVerdict& v, const PathDisplay& display) {
    WindowVerdict out;
    out.index = v.index;
    out.id = v.id.value_or("");
    out.event = v.event;
    out.action = v.action;
    out.verdict = public_verdict_kind(v.verdict);
    out.failure = public_failure(v.failure);
    out.expect = public_expectation(v.expect);
    out.passed_by = v.passed_by.value_or("");
    if (v.error) out.error = displayed(*v.error, display);
    if (v.diagnostic) {
        const engine::FailureDiagnostic& d = *v.diagnostic;
        out.enabled = d.enabled;
        if (d.false_conjunct) {
            FalseConjunct fc;
            fc.file = display(d.false_conjunct->file);
            fc.line = d.false_conjunct->line;
            fc.column = d.false_conjunct->column;
            fc.text = conjunct_text(d.false_conjunct->message);
            fc.source_line = d.false_conjunct->source_line;
            for (const auto& [text, value] : d.operand_values)
                fc.operands.push_back({text, value});
            out.false_conjunct = std::move(fc);
        }
        if (d.closest_action) {
            ClosestSuccessor closest;
            closest.action = *d.closest_action;
            for (const engine::DifferingVariable& dv : d.differing)
                closest.differing.push_back({dv.variable, dv.observed, dv.spec});
            out.closest = std::move(closest);
        }
    }
    if (v.outcomes) {
        OutcomeAnalysis analysis;
        analysis.outcomes = v.outcomes->outcomes;
        analysis.extra = v.outcomes->extra_count;
        for (const lib::State& s : v.outcomes->extra)
            analysis.extra_examples.push_back(lib::state_to_json(s));
        analysis.invariant_violations = v.outcomes->invariant_violations;
        if (v.outcomes->error) analysis.error = displayed(*v.outcomes->error, display);
        out.outcomes = std::move(analysis);
    }
    return out;
}

ValidationReport public_report(const engine::ValidationSummary& s, const PathDisplay& display) {
    ValidationReport out;
    out.windows = s.windows;
    out.passes = s.passes;
    out.fails = s.fails;
    out.errors = s.errors;
    out.threads = s.threads;
    out.seconds = s.seconds;
    for (const engine::ActionSummary& a : s.actions) {
        ActionReport r;
        r.action = a.action;
        r.windows = a.windows;
        r.passes = a.passes;
        r.fails = a.fails;
        r.errors = a.errors;
        r.analysed = a.analysed;
        r.with_extra_outcomes = a.with_extra_outcomes;
        r.extra_outcomes = a.extra_outcomes;
        r.unobserved_groups = a.unobserved_groups;
        r.accepted_impossible = a.accepted_impossible;
        r.invariant_violations = a.invariant_violations;
        for (const engine::FailureCluster& c : a.clusters)
            r.clusters.push_back({c.feature, c.failing, c.passing});
        r.failing_windows = a.failing_windows;
        for (const engine::WindowVerdict& example : a.examples)
            r.examples.push_back(public_verdict(example, display));
        out.actions.push_back(std::move(r));
    }
    out.table = report::format_table(s);
    return out;
}

} // namespace tlatv::api
