// Embedding tlatv in a C++ program: validate the lock service's trace against a spec and print,
// per action, what the spec cannot reproduce.
//
//   embed_cpp SPEC.tla SPEC.cfg WINDOWS.ndjson
#include <tlatv/tlatv.hpp>

#include <cstdio>

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
    return report->all_pass() ? 0 : 1;
}
