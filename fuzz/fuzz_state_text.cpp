// libFuzzer target: TLC's printed state text (`/\ x = 1`), split into variables and read as
// values against a small compiled spec.
#include "evaluator/action_state.hpp"
#include "evaluator/eval_error.hpp"
#include "evaluator/spec.hpp"
#include "evaluator/value_parse.hpp"
#include "lib/state_text.hpp"
#include "parser/parse.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

namespace {

// Variables named as in the seed states most often are (DieHard's big/small, x, y, ...); any
// other name exercises the unknown-variable path.
constexpr std::string_view kSpec = "---- MODULE FuzzState ----\n"
                                   "VARIABLES x, y, big, small, pc, state, msgs\n"
                                   "====\n";

std::shared_ptr<const tlatv::eval::CompiledSpec> compile_fuzz_spec() {
    auto parsed = tlatv::parser::parse_module(kSpec, "FuzzState.tla");
    if (!parsed.module) return nullptr;
    auto compiled = tlatv::eval::compile_spec(
        *parsed.module, [](std::string_view) -> const tlatv::ast::Module* { return nullptr; });
    return compiled.spec;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto spec = compile_fuzz_spec();
    if (!spec) {
        std::fputs("fuzz_state_text: the fixed spec does not compile\n", stderr);
        std::abort();
    }
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto read = tlatv::eval::read_state_text(*spec, text, "<fuzz>");
    for (const auto& error : read.errors)
        (void)error.format();
    // Every value, whatever its variable's name: the seeds come from many specs.
    for (const auto& entry : tlatv::split_state_text(text).entries) {
        try {
            (void)tlatv::eval::parse_value(entry.value_text).to_string();
        } catch (const tlatv::eval::EvalError&) {
            // Malformed value text is an error value, as expected.
        }
    }
    return 0;
}
