#include <tlatv/tlatv.hpp>

#include <cstdio>

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    auto spec = tlatv::Spec::load(argv[1], {argv[2]});
    if (!spec) {
        std::fprintf(stderr, "%s\n", spec.error_text().c_str());
        return 1;
    }
    auto next = spec->successors("/\\ holder = \"none\"\n/\\ waiting = <<>>");
    if (!next || next.value().size() != 3) return 1;
    std::printf("consumer: %zu successors\n", next.value().size());
    return 0;
}
