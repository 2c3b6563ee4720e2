#include "lib/report.hpp"

#include "lib/json_value.hpp"

#include <fmt/format.h>

namespace tlatv::report {

namespace {

using engine::ActionSummary;
using engine::FailureKind;
using engine::WindowVerdict;

std::string json_quote(std::string_view text) {
    return lib::value_to_json(eval::Value::string(text));
}

// A state as JSON; TLC's printed form as a string for values JSON cannot hold.
std::string state_json(const lib::State& state) {
    try {
        return lib::state_to_json(state);
    } catch (const eval::EvalError&) {
        std::string out = "{";
        for (const auto& [name, value] : state)
            out += (out.size() > 1 ? "," : "") + json_quote(name) + ":" +
                   json_quote(value.to_string());
        return out + "}";
    }
}

// A state in TLA+ for a person: `holder = "c2", waiting = <<"c3">>`.
std::string state_text(const lib::State& state) {
    std::string out;
    for (const auto& [name, value] : state)
        out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", name, value.to_string());
    return out.empty() ? "(no variables)" : out;
}

std::string states_json(const std::vector<lib::State>& states) {
    std::string out = "[";
    for (const auto& s : states)
        out += (out.size() > 1 ? "," : "") + state_json(s);
    return out + "]";
}

std::string diagnostic_json(const Diagnostic& d) {
    return fmt::format(R"({{"file":{},"line":{},"column":{},"message":{}}})", json_quote(d.file),
                       d.line, d.column, json_quote(d.message));
}

std::string_view failure_name(FailureKind kind) {
    switch (kind) {
    case FailureKind::None:
        return "none";
    case FailureKind::Rejected:
        return "rejected";
    case FailureKind::AcceptedImpossible:
        return "accepted-impossible";
    }
    return "none";
}

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "-";
    return fmt::format("{:.1f}%", 100.0 * double(part) / double(whole));
}

std::string indent(const std::string& text, std::string_view prefix) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out += fmt::format("{}{}\n", prefix, std::string_view(text).substr(start, end - start));
        start = end + 1;
    }
    return out;
}

} // namespace

std::string format_diagnostic(const WindowVerdict& v) {
    std::string out;
    if (v.error) return v.error->format();
    if (v.failure == FailureKind::AcceptedImpossible)
        return fmt::format("the window is marked impossible (\"expect\": \"fail\") but {} takes "
                           "the step",
                           v.passed_by.value_or(v.action));
    if (!v.diagnostic) return "the spec cannot take this step";
    const engine::FailureDiagnostic& d = *v.diagnostic;
    if (d.false_conjunct) {
        out += d.false_conjunct->format();
        if (!out.empty() && out.back() != '\n') out += '\n';
        for (const auto& [text, value] : d.operand_values)
            out += fmt::format("  {} = {}\n", text.empty() ? "(operand)" : text, value);
    }
    if (d.closest_action) {
        out += fmt::format("closest successor ({}) differs from the observed post-state in:\n",
                           *d.closest_action);
        for (const auto& var : d.differing)
            out +=
                fmt::format("  {}: observed {}, spec {}\n", var.variable, var.observed, var.spec);
    } else if (!d.enabled) {
        out += "no candidate action is enabled in the pre-state\n";
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string format_table(const engine::ValidationSummary& summary) {
    std::string out;
    std::size_t width = 6;
    for (const ActionSummary& a : summary.actions)
        width = std::max(width, a.action.size());
    out += fmt::format("{:<{}}  {:>7}  {:>6}  {:>6}  {:>6}  {:>7}  {:>8}  {:>6}  {:>10}\n",
                       "action", width, "windows", "pass", "fail", "error", "pass%", "analysed",
                       "extra", "impossible");
    for (const ActionSummary& a : summary.actions)
        out += fmt::format("{:<{}}  {:>7}  {:>6}  {:>6}  {:>6}  {:>7}  {:>8}  {:>6}  {:>10}\n",
                           a.action, width, a.windows, a.passes, a.fails, a.errors,
                           percent(a.passes, a.windows), a.analysed, a.with_extra_outcomes,
                           a.accepted_impossible);
    out += fmt::format("{:<{}}  {:>7}  {:>6}  {:>6}  {:>6}  {:>7}\n", "total", width,
                       summary.windows, summary.passes, summary.fails, summary.errors,
                       percent(summary.passes, summary.windows));
    out += "\n(fail: observed steps the spec cannot take, under-approximation; extra: windows "
           "whose pre-state allows outcomes other than the observed one; impossible: windows "
           "marked \"expect\": \"fail\" that the spec takes, over-approximation)\n";

    for (const ActionSummary& a : summary.actions) {
        const bool under = a.fails > 0 || a.errors > 0;
        const bool over = a.with_extra_outcomes > 0 || a.unobserved_groups > 0 ||
                          a.accepted_impossible > 0 || a.invariant_violations > 0;
        if (!under && !over) continue;
        out += fmt::format("\n== {} ==\n", a.action);
        if (a.fails > 0) {
            out +=
                fmt::format("under-approximation: {} of {} windows rejected", a.fails, a.windows);
            if (!a.failing_windows.empty()) {
                out += " (windows";
                for (std::size_t i = 0; i < a.failing_windows.size() && i < 10; ++i)
                    out += fmt::format(" {}", a.failing_windows[i]);
                out += a.failing_windows.size() > 10 ? " ...)" : ")";
            }
            out += "\n";
            for (const auto& c : a.clusters) {
                if (c.passing == 0)
                    out += fmt::format("  cluster: all {} failing windows have {} (no passing "
                                       "window has it)\n",
                                       c.failing, c.feature);
                else
                    out += fmt::format("  cluster: all {} failing windows have {} (so do {} "
                                       "passing ones)\n",
                                       c.failing, c.feature, c.passing);
            }
        }
        for (const WindowVerdict& example : a.examples)
            out += fmt::format("  window {}{}:\n{}", example.index,
                               example.id ? " (id " + *example.id + ")" : "",
                               indent(format_diagnostic(example), "    "));
        if (a.with_extra_outcomes > 0)
            out += fmt::format("over-approximation: in {} of {} windows with a known pre-state "
                               "the spec allows other outcomes ({} extra in all)\n",
                               a.with_extra_outcomes, a.analysed, a.extra_outcomes);
        if (a.unobserved_groups > 0) {
            out += fmt::format("  {} pre-states from which the spec allows outcomes the system "
                               "never produced, e.g.\n",
                               a.unobserved_groups);
            for (std::size_t i = 0; i < a.unobserved.size() && i < 3; ++i) {
                const auto& g = a.unobserved[i];
                out += fmt::format("    from {} ({}, {} windows):\n", state_text(g.pre), g.action,
                                   g.windows);
                for (const auto& s : g.observed)
                    out += fmt::format("      observed:   {}\n", state_text(s));
                for (const auto& s : g.never_seen)
                    out += fmt::format("      never seen: {}\n", state_text(s));
            }
        }
        if (a.accepted_impossible > 0)
            out += fmt::format("over-approximation: {} windows marked impossible are taken by "
                               "the spec\n",
                               a.accepted_impossible);
        if (a.invariant_violations > 0)
            out += fmt::format("over-approximation: in {} windows a successor the spec allows "
                               "violates an invariant\n",
                               a.invariant_violations);
    }
    if (summary.json_warnings.truncated_fractions + summary.json_warnings.wrapped_integers > 0)
        out += fmt::format("\nnote: {} fractions truncated and {} integers wrapped while "
                           "reading JSON\n",
                           summary.json_warnings.truncated_fractions,
                           summary.json_warnings.wrapped_integers);
    return out;
}

std::string format_verdict_line(const WindowVerdict& v) {
    std::string out = fmt::format(R"({{"index":{},"action":{},"verdict":{})", v.index,
                                  json_quote(v.action), json_quote(engine::to_string(v.verdict)));
    if (v.id) out += fmt::format(R"(,"id":{})", json_quote(*v.id));
    if (v.event != v.action) out += fmt::format(R"(,"event":{})", json_quote(v.event));
    if (v.expect != lib::Expectation::Unspecified)
        out += fmt::format(R"(,"expect":{})", json_quote(lib::to_string(v.expect)));
    if (v.failure != FailureKind::None)
        out += fmt::format(R"(,"failure":{})", json_quote(failure_name(v.failure)));
    if (v.passed_by) out += fmt::format(R"(,"passed_by":{})", json_quote(*v.passed_by));
    if (v.error) out += fmt::format(R"(,"error":{})", diagnostic_json(*v.error));
    if (v.diagnostic) {
        const auto& d = *v.diagnostic;
        out += R"(,"diagnostic":{)";
        out += fmt::format(R"("enabled":{})", d.enabled ? "true" : "false");
        if (d.false_conjunct) {
            out += fmt::format(R"(,"false_conjunct":{})", diagnostic_json(*d.false_conjunct));
            out += R"(,"operands":[)";
            for (std::size_t i = 0; i < d.operand_values.size(); ++i)
                out += fmt::format(R"({}{{"text":{},"value":{}}})", i ? "," : "",
                                   json_quote(d.operand_values[i].first),
                                   json_quote(d.operand_values[i].second));
            out += "]";
        }
        if (d.closest_action) {
            out += fmt::format(R"(,"closest":{{"action":{},"differing":[)",
                               json_quote(*d.closest_action));
            for (std::size_t i = 0; i < d.differing.size(); ++i)
                out += fmt::format(R"({}{{"variable":{},"observed":{},"spec":{}}})", i ? "," : "",
                                   json_quote(d.differing[i].variable),
                                   json_quote(d.differing[i].observed),
                                   json_quote(d.differing[i].spec));
            out += "]}";
        }
        out += "}";
    }
    if (v.outcomes) {
        const auto& o = *v.outcomes;
        out += fmt::format(R"(,"outcomes":{{"allowed":{},"extra":{},"extra_examples":{})",
                           o.outcomes, o.extra_count, states_json(o.extra));
        if (o.violating_successors > 0) {
            out +=
                fmt::format(R"(,"invariant_violations":{},"violations":[)", o.violating_successors);
            for (std::size_t i = 0; i < o.invariant_violations.size(); ++i)
                out += (i ? "," : "") + json_quote(o.invariant_violations[i]);
            out += "]";
        }
        if (o.error) out += fmt::format(R"(,"error":{})", diagnostic_json(*o.error));
        out += "}";
    }
    return out + "}";
}

std::string format_json(const engine::ValidationSummary& summary, const ReportSource& source) {
    std::string out = "{";
    out +=
        fmt::format(R"("format":"tlatv-report/1","spec":{},"config":{},"windows_file":{},)"
                    R"("mapping":{},"threads":{},"seconds":{:.3f},)",
                    json_quote(source.spec), json_quote(source.config), json_quote(source.windows),
                    json_quote(source.mapping), summary.threads, summary.seconds);
    out += R"("invariants":[)";
    for (std::size_t i = 0; i < summary.invariants.size(); ++i)
        out += (i ? "," : "") + json_quote(summary.invariants[i]);
    out += fmt::format(R"(],"totals":{{"windows":{},"pass":{},"fail":{},"error":{}}},)",
                       summary.windows, summary.passes, summary.fails, summary.errors);
    out += fmt::format(R"("json_warnings":{{"truncated_fractions":{},"wrapped_integers":{}}},)",
                       summary.json_warnings.truncated_fractions,
                       summary.json_warnings.wrapped_integers);
    out += R"("actions":[)";
    for (std::size_t n = 0; n < summary.actions.size(); ++n) {
        const ActionSummary& a = summary.actions[n];
        if (n > 0) out += ",";
        out += fmt::format(R"({{"action":{},"windows":{},"pass":{},"fail":{},"error":{},)"
                           R"("pass_rate":{:.4f},)",
                           json_quote(a.action), a.windows, a.passes, a.fails, a.errors,
                           a.pass_rate());
        out += R"("failing_windows":[)";
        for (std::size_t i = 0; i < a.failing_windows.size(); ++i)
            out += fmt::format("{}{}", i ? "," : "", a.failing_windows[i]);
        out += R"(],"clusters":[)";
        for (std::size_t i = 0; i < a.clusters.size(); ++i)
            out += fmt::format(R"({}{{"feature":{},"failing":{},"passing":{}}})", i ? "," : "",
                               json_quote(a.clusters[i].feature), a.clusters[i].failing,
                               a.clusters[i].passing);
        out += R"(],"examples":[)";
        for (std::size_t i = 0; i < a.examples.size(); ++i)
            out += (i ? "," : "") + format_verdict_line(a.examples[i]);
        out += fmt::format(R"(],"over_approximation":{{"analysed":{},"with_extra_outcomes":{},)"
                           R"("extra_outcomes":{},"accepted_impossible":{},)"
                           R"("invariant_violations":{},"unobserved_groups":{},"unobserved":[)",
                           a.analysed, a.with_extra_outcomes, a.extra_outcomes,
                           a.accepted_impossible, a.invariant_violations, a.unobserved_groups);
        for (std::size_t i = 0; i < a.unobserved.size(); ++i) {
            const auto& g = a.unobserved[i];
            out += fmt::format(R"({}{{"action":{},"pre":{},"windows":{},"observed":{},)"
                               R"("never_seen":{}}})",
                               i ? "," : "", json_quote(g.action), state_json(g.pre), g.windows,
                               states_json(g.observed), states_json(g.never_seen));
        }
        out += "]}}";
    }
    return out + "]}";
}

std::string format_progress(std::string_view what, std::size_t done, std::size_t total) {
    if (total == 0) return fmt::format("{}: {} windows", what, done);
    constexpr std::size_t width = 30;
    const std::size_t filled = std::min(width, done * width / total);
    return fmt::format("{}: [{}{}] {}/{}", what, std::string(filled, '='),
                       std::string(width - filled, ' '), done, total);
}

} // namespace tlatv::report
