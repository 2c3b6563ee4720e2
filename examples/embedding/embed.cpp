// Embedding tlatv in a C++ program: validate the lock service's trace against a spec, print per
// action what the spec cannot reproduce and where it allows more, explain the first rejected
// window, and check one window built in code.
//
//   embed_cpp SPEC.tla SPEC.cfg WINDOWS.ndjson
#include <tlatv/tlatv.hpp>

#include <cstdio>

namespace {

void explain(const tlatv::WindowVerdict& verdict) {
    std::printf("window %llu (%s) is rejected\n", static_cast<unsigned long long>(verdict.index),
                verdict.action.c_str());
    if (verdict.false_conjunct) {
        const tlatv::FalseConjunct& fc = *verdict.false_conjunct;
        std::printf("  %s:%u:%u: false: %s\n", fc.file.c_str(), fc.line, fc.column,
                    fc.text.c_str());
        for (const auto& operand : fc.operands)
            std::printf("    %s = %s\n", operand.text.c_str(), operand.value.c_str());
    }
    if (verdict.closest) {
        std::printf("  closest step: %s\n", verdict.closest->action.c_str());
        for (const auto& d : verdict.closest->differing)
            std::printf("    %s: observed %s, spec %s\n", d.variable.c_str(), d.observed.c_str(),
                        d.spec.c_str());
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: embed_cpp SPEC.tla SPEC.cfg WINDOWS.ndjson\n");
        return 2;
    }
    auto spec = tlatv::Spec::load(argv[1], {argv[2]});
    if (!spec) {
        std::fprintf(stderr, "%s\n", spec.error_text().c_str());
        return 2;
    }
    auto report = spec->validate({argv[3]});
    if (!report) {
        std::fprintf(stderr, "%s\n", report.error_text().c_str());
        return 2;
    }
    for (const auto& action : report->actions)
        std::printf("%-10s %zu windows, %zu rejected, %zu with extra outcomes\n",
                    action.action.c_str(), action.windows, action.fails,
                    action.with_extra_outcomes);
    for (const auto& action : report->actions)
        if (!action.examples.empty()) explain(action.examples.front());

    // A window built in code: c1 hands the lock to the waiting c2.
    tlatv::Window hand_off;
    hand_off.action = "Release";
    hand_off.arguments.push_back({"c", tlatv::Value::string("c1")});
    hand_off.pre = tlatv::State::json(R"({"holder": "c1", "waiting": ["c2"]})");
    hand_off.post = tlatv::State::tla("/\\ holder = \"c2\" /\\ waiting = <<>>");
    auto verdict = spec->check_window(hand_off);
    if (!verdict) {
        std::fprintf(stderr, "%s\n", verdict.error_text().c_str());
        return 2;
    }
    std::printf("hand-off from c1 to c2: %s\n", verdict->passed() ? "pass" : "not taken");
    return report->all_pass() ? 0 : 1;
}
