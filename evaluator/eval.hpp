// Evaluation of a compiled spec. An EvalContext holds everything that belongs to one evaluation
// thread: the states, the options and limits, the TLC registers and the caches. The compiled spec
// itself is shared read-only.
//
// Evaluation gives a Value or throws EvalFailure (an EvalError with the file and span of the
// innermost expression that failed). An error is never turned into FALSE.
#pragma once

#include "evaluator/eval_error.hpp"
#include "evaluator/json_file_cache.hpp"
#include "evaluator/spec.hpp"
#include "evaluator/tlc_registers.hpp"
#include "evaluator/value.hpp"
#include "parser/ast.hpp"
#include "tlatv/diagnostic.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tlatv::eval {

namespace ir {
struct Node;
}

// An evaluation error located at the expression that failed.
struct EvalFailure : EvalError {
    EvalFailure(const std::string& message, std::string file, ast::Span span)
        : EvalError(message)
        , file(std::move(file))
        , span(span) {}
    std::string file;
    ast::Span span;

    Diagnostic diagnostic() const;
};

struct EvalLimits {
    // Nested calls of user definitions (recursion) before evaluation stops with an error.
    std::uint32_t max_call_depth = 100000;
    // Bytes of the C++ stack evaluation may use below its entry point, so that deep recursion is
    // an error rather than a crash. 0: what the calling thread's stack has left, less a safety
    // margin (run evaluation on a thread with a larger stack to recurse deeper, like TLC's -Xss).
    std::size_t stack_budget = 0;
};

class EvalContext {
public:
    explicit EvalContext(std::shared_ptr<const CompiledSpec> spec);
    ~EvalContext();
    EvalContext(const EvalContext&) = delete;
    EvalContext& operator=(const EvalContext&) = delete;

    const CompiledSpec& spec() const { return *spec_; }

    // ---- Configuration (set before evaluating) ----
    EvalOptions options;
    EvalLimits limits;
    // IOUtils!IOEnv: the environment the caller chooses to expose (never read implicitly).
    std::map<std::string, std::string, std::less<>> environment;
    // JsonDeserialize / ndJsonDeserialize read files only when this is set.
    bool allow_file_access = false;
    // Shares what those operators read with other contexts of the same run; optional.
    std::shared_ptr<JsonFileCache> json_files;
    // TLC's registers (TLCSet / TLCGet with an integer index); contexts may share one store.
    std::shared_ptr<TlcRegisters> registers = std::make_shared<TlcRegisters>();
    // TLCGet("level"): the position of the current state in the behaviour, when known.
    std::optional<std::int64_t> level;
    // RandomElement draws from a generator seeded with this (deterministic runs).
    std::uint64_t random_seed = 0;
    // TLCGet("config") and TLCGet("stats"): records the caller provides. Without them, "config"
    // describes a breadth-first run with one worker and "stats" is an error.
    std::optional<Value> tlc_config;
    std::optional<Value> tlc_stats;
    // Set by TLCSet("exit", TRUE): the spec asks the checker to stop.
    bool exit_requested = false;
    // Called after each call of a user definition with its value (for tracing); optional.
    std::function<void(const ir::Definition&, const Value&)> trace;

    // ---- States ----
    // The pre-state: one value per variable of spec().variables().
    void set_state(std::vector<Value> state);
    // The post-state; a variable may be unknown (std::nullopt).
    void set_next_state(std::vector<std::optional<Value>> next);
    void clear_states();
    const std::vector<Value>& state() const { return state_; }
    const std::vector<std::optional<Value>>& next_state() const { return next_; }
    bool has_state() const { return has_state_; }

    // ---- Evaluation ----
    // The value of a definition of the root module applied to `args`.
    Value evaluate(std::string_view definition, std::span<const Value> args = {});
    Value evaluate(std::uint32_t definition, std::span<const Value> args = {});

private:
    friend class Evaluator;
    std::shared_ptr<const CompiledSpec> spec_;
    std::vector<Value> state_;
    std::vector<std::optional<Value>> next_;
    bool has_state_ = false;
    std::vector<std::optional<Value>> constant_cache_; // per definition (constant level)
    std::mt19937_64 random_;
    std::chrono::steady_clock::time_point created_ = std::chrono::steady_clock::now();
    bool random_seeded_ = false;
};

} // namespace tlatv::eval
