#include "evaluator/eval.hpp"

#include "evaluator/action.hpp"
#include "evaluator/eval_json.hpp"
#include "evaluator/ir.hpp"

#include <fmt/format.h>

#include <pthread.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace tlatv::eval {

using ir::Definition;
using ir::Node;
using ir::NodeKind;

Diagnostic EvalFailure::diagnostic() const {
    Diagnostic d;
    d.file = file;
    d.line = span.begin.line;
    d.column = span.begin.column;
    d.message = what();
    return d;
}

namespace {

// The slots of one running definition body; see ir.hpp.
struct Frame {
    Frame* parent = nullptr;
    Value* slots = nullptr;
    // Bit i set: slot i holds the cached value of a zero-argument LET definition or of a lazy
    // argument, as computed outside any prime.
    std::uint64_t cached = 0;
    // Arguments of a user operator are passed unevaluated, as TLC does: pending[i], when set, is
    // the argument expression of parameter i, to be evaluated in `caller` when first used (an
    // unused argument is never evaluated, and `F(a) == a'` primes the argument expression).
    const Node* const* pending = nullptr;
    std::uint32_t pending_count = 0;
    Frame* caller = nullptr;
};

// The argument expressions of a call, for Frame::pending.
class PendingArgs {
public:
    explicit PendingArgs(std::size_t size) {
        if (size > kInline) heap_.resize(size);
    }
    const Node** data() { return heap_.empty() ? inline_ : heap_.data(); }

private:
    static constexpr std::size_t kInline = 6;
    const Node* inline_[kInline] = {};
    std::vector<const Node*> heap_;
};

// Slots for a frame: a few inline, more on the heap.
class FrameStorage {
public:
    explicit FrameStorage(std::uint32_t size) {
        if (size > kInline) heap_.resize(size);
    }
    Value* data() { return heap_.empty() ? inline_ : heap_.data(); }

private:
    static constexpr std::uint32_t kInline = 6;
    Value inline_[kInline];
    std::vector<Value> heap_;
};

// Arguments of a builtin call: a few inline.
class ArgBuffer {
public:
    explicit ArgBuffer(std::size_t size)
        : size_(size) {
        if (size > kInline) heap_.resize(size);
    }
    Value* data() { return heap_.empty() ? inline_ : heap_.data(); }
    std::span<const Value> span() { return {data(), size_}; }

private:
    static constexpr std::size_t kInline = 4;
    Value inline_[kInline];
    std::vector<Value> heap_;
    std::size_t size_;
};

} // namespace

class Evaluator {
public:
    explicit Evaluator(EvalContext& ctx)
        : ctx_(ctx)
        , spec_(*ctx.spec_)
        , ir_(spec_.ir())
        , stack_limit_(stack_limit(ctx.limits.stack_budget)) {}

    Value call_definition(std::uint32_t index, Frame* link, std::span<const Value> args);

    [[noreturn]] void fail(const Node& n, const std::string& message) const {
        throw EvalFailure(message, ir_.files.at(n.file), n.span);
    }

    // Evaluates `n`; an EvalError without a location gets the location of `n`.
    Value eval(const Node& n, Frame* f) {
        try {
            return eval_node(n, f);
        } catch (const EvalFailure&) {
            throw;
        } catch (const EvalError& e) {
            fail(n, e.what());
        }
    }

private:
    EvalContext& ctx_;
    const CompiledSpec& spec_;
    const ResolvedSpec& ir_;
    bool primed_ = false;
    std::vector<Value> at_stack_;
    std::uint32_t depth_ = 0;
    const char* stack_limit_ = nullptr; // evaluation stops before the stack goes below this

    static const char* stack_position() {
        return static_cast<const char*>(__builtin_frame_address(0));
    }
    static const char* stack_limit(std::size_t budget);
    // Counts one more nested call; throws when the depth or the stack budget is exhausted.
    void enter_call(const std::string& name) {
        if (++depth_ > ctx_.limits.max_call_depth || stack_position() < stack_limit_) {
            --depth_;
            throw EvalError(fmt::format("Recursion too deep while evaluating {} (more than {} "
                                        "nested calls, or the stack budget reached).",
                                        name, ctx_.limits.max_call_depth));
        }
    }
    struct CallGuard {
        std::uint32_t& depth;
        ~CallGuard() { --depth; }
    };

    Value eval_node(const Node& n, Frame* f);

    static Frame* walk(Frame* f, std::uint32_t hops) {
        while (hops-- > 0) {
            if (f == nullptr) throw EvalError("internal error: broken static chain");
            f = f->parent;
        }
        return f;
    }

    bool as_bool(const Node& n, const Value& v, std::string_view what) const {
        if (!v.is_bool())
            fail(n, fmt::format("Attempted to evaluate {} when it was a {}: {}", what, kind_name(v),
                                v.to_string()));
        return v.as_bool();
    }

    bool eval_bool(const Node& n, Frame* f, std::string_view what) {
        Value v = eval(n, f);
        return as_bool(n, v, what);
    }

    const Definition& definition(std::uint32_t& index, Frame*& link) const {
        const Definition* d = &ir_.definitions[index];
        while (d->replaced_by) {
            index = *d->replaced_by;
            d = &ir_.definitions[index];
            link = nullptr;
        }
        return *d;
    }

    Value run_body(const Definition& d, Frame* link, Value* slots,
                   const Node* const* pending = nullptr, std::uint32_t pending_count = 0,
                   Frame* caller = nullptr);
    Value force_argument(Frame* frame, std::uint32_t slot);
    Value definition_value(const Definition& d, std::uint32_t index, Frame* link);
    Value call_node(const Node& n, Frame* f);
    [[gnu::noinline]] Value call_through_instance(const Node& n, Frame* f);
    Value call_with_link(const Node& n, Frame* f, Frame* link);
    [[gnu::noinline]] Value construct(const Node& n, Frame* f);
    [[gnu::noinline]] Value call_param(const Node& n, Frame* f);
    [[gnu::noinline]] Value call_builtin(const Node& n, Frame* f);
    [[gnu::noinline]] Value call_eval_op(const Node& n, Frame* f);
    [[gnu::noinline]] Value constant(const Node& n, Frame* f);
    Value state_variable(const Node& n) const;
    [[gnu::noinline]] Value operator_argument(const Node& n, Frame* f);

    // Binders.
    void bind(const ir::Bound& b, const Value& element, Frame* f, const Node& at);
    template <typename Fn>
    bool for_each_binding(const Node& n, Frame* f, std::span<const Value> sets, std::size_t i,
                          Fn&& fn);
    std::vector<Value> bound_sets(const Node& n, Frame* f);
    [[gnu::noinline]] Value quantifier(const Node& n, Frame* f, bool forall);
    [[gnu::noinline]] Value choose(const Node& n, Frame* f);
    [[gnu::noinline]] Value set_filter(const Node& n, Frame* f);
    [[gnu::noinline]] Value set_map(const Node& n, Frame* f);

    // Functions.
    [[gnu::noinline]] Value function_value(const Node& fc, Frame* f);
    Value constructor_domain(const Node& fc, std::span<const Value> sets);
    void bind_domain_element(const Node& fc, const Value& element, Frame* f);
    Value apply_constructor(const Node& fc, Frame* f, const Value& arg);
    bool constructor_domain_contains(const Node& fc, Frame* f, const Value& arg);
    bool is_lazy_except(const Node& n, Frame* f);
    std::optional<Value> apply_lazy_except(const Node& n, Frame* f, const Value& arg);
    [[gnu::noinline]] Value function_application(const Node& n, Frame* f);
    [[gnu::noinline]] Value except(const Node& n, Frame* f);
    // The new value at `clause.path[step - 1]`, whose old value is `old`: the clause's value with
    // `@` bound to `old` at the end of the path, else the update of the rest of the path.
    Value except_value(const ir::ExceptClause& clause, std::size_t step, const Value& old, Frame* f,
                       const Node& at);
    Value except_path(const ir::ExceptClause& clause, std::size_t step, const Value& fn, Frame* f,
                      const Node& at);
    [[gnu::noinline]] bool member(const Value& element, const Node& set, Frame* f);

    [[gnu::noinline]] Value unchanged(const Node& n, Frame* f);

    // ---- Actions: successor enumeration (see evaluator/action.hpp) ----
public:
    struct ActionWalk;
    struct Conjunct;
    // Walks `request`'s action from its frames; see walk_action in action.hpp.
    void run_action_walk(const WalkRequest& request);
    // Splits `whole` into TLC's actions.
    void split_action(const Action& whole, std::vector<Action>& out);
    // See evaluate_in_state in action.hpp.
    Value value_in_state(const Action& expression, const State& state);

private:
    ActionWalk* action_walk_ = nullptr;
    // Frames the walk created and still runs in: their caches may hold values computed with
    // primed variables of a branch that was left, so they are forgotten when a branch ends.
    std::vector<Frame*> action_frames_;
    // Frames made while splitting, with their sizes (to copy them into an Action).
    std::vector<std::pair<Frame*, std::uint32_t>> split_frames_;

    bool walk_node(const Node& n, Frame* f, const Conjunct* rest);
    bool walk_rest(const Conjunct* rest);
    bool walk_conjunction(const Node& n, Frame* f, const Conjunct* rest);
    bool walk_assignment(std::uint32_t variable, const Value& v, const Conjunct* rest);
    bool walk_unchanged(const Node& n, Frame* f, const Conjunct* rest);
    bool walk_call(const Node& n, Frame* f, const Conjunct* rest, bool unchanged_mode);
    bool walk_cdot(const Node& n, Frame* f, const Conjunct* rest);
    bool walk_condition(const Node& n, Frame* f, const Conjunct* rest);
    bool finish_branch();
    bool reject(const Node& n, Frame* f);
    void forget_caches();
    std::optional<std::uint32_t> assignable_variable(const Node& n, Frame* f);
    const Node* unfold(const Node* n, Frame*& f, int& depth);
    std::optional<std::uint32_t> primed_variable(const Node& n, Frame* f, int depth);
    std::optional<std::uint32_t> variable_of(const Node& n, Frame* f, int depth);
    void split(const Node& n, Frame* f, const Definition* named, Frame* named_frame,
               std::vector<Action>& out);
    void add_split_piece(const Node& n, Frame* f, const Definition* named, Frame* named_frame,
                         std::vector<Action>& out);
    // ENABLED A: some successor of the current state satisfies A (a walk of A that stops at the
    // first completed state).
    Value enabled(const Node& n, Frame* f);

    friend class DefinitionOperator;
};

namespace {

// A user definition (or LAMBDA) passed as an operator argument. It refers to the frame it was
// made in, so it is valid only while that frame runs: TLA+ cannot store operators in values.
class DefinitionOperator final : public Operator {
public:
    DefinitionOperator(Evaluator& evaluator, std::uint32_t index, const Definition& d, Frame* link)
        : evaluator_(evaluator)
        , index_(index)
        , definition_(d)
        , link_(link) {}
    Value call(std::span<const Value> args) const override;
    std::size_t arity() const override { return definition_.arity(); }
    std::string name() const override { return definition_.name; }
    const Value* literal_body() const override {
        const Node* body = definition_.body.get();
        if (body && body->kind == NodeKind::Literal &&
            (body->value.is_int() || body->value.is_string()))
            return &body->value;
        return nullptr;
    }

private:
    Evaluator& evaluator_;
    std::uint32_t index_;
    const Definition& definition_;
    Frame* link_;
};

class BuiltinOperator final : public Operator {
public:
    BuiltinOperator(const Builtin& b, const EvalOptions& options)
        : builtin_(b)
        , options_(options) {}
    Value call(std::span<const Value> args) const override {
        if (builtin_.arity != kVariadic && args.size() != static_cast<std::size_t>(builtin_.arity))
            throw EvalError(fmt::format("The operator {} requires {} arguments.", builtin_.name,
                                        builtin_.arity));
        return builtin_.fn(args, options_);
    }
    std::size_t arity() const override {
        return builtin_.arity == kVariadic ? 0 : static_cast<std::size_t>(builtin_.arity);
    }
    std::string name() const override { return std::string(builtin_.name); }

private:
    const Builtin& builtin_;
    const EvalOptions& options_;
};

} // namespace

Value DefinitionOperator::call(std::span<const Value> args) const {
    if (args.size() != definition_.arity())
        throw EvalError(fmt::format("The operator {} requires {} arguments, but was given {}.",
                                    definition_.name, definition_.arity(), args.size()));
    return evaluator_.call_definition(index_, link_, args);
}

// ---- Calls ----

namespace {

// The lowest address of the calling thread's stack (cached per thread), or nullptr if unknown.
const char* thread_stack_low() {
    thread_local const char* low = [] {
        const char* result = nullptr;
        pthread_attr_t attr;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            void* address = nullptr;
            std::size_t size = 0;
            if (pthread_attr_getstack(&attr, &address, &size) == 0)
                result = static_cast<const char*>(address);
            pthread_attr_destroy(&attr);
        }
        return result;
    }();
    return low;
}

} // namespace

const char* Evaluator::stack_limit(std::size_t budget) {
    const char* here = stack_position();
    if (budget == 0) {
        constexpr std::size_t kMargin = 256u << 10;
        const char* low = thread_stack_low();
        const std::size_t left = low != nullptr && low < here
                                     ? static_cast<std::size_t>(here - low)
                                     : std::size_t{1} << 20; // unknown: assume 1 MiB
        budget = left > 2 * kMargin ? left - kMargin : left / 2;
    }
    return here - std::min<std::size_t>(budget, static_cast<std::size_t>(here - (const char*)0));
}

Value Evaluator::run_body(const Definition& d, Frame* link, Value* slots,
                          const Node* const* pending, std::uint32_t pending_count, Frame* caller) {
    if (!d.body)
        throw EvalError(
            fmt::format("The operator {} is declared RECURSIVE but never defined.", d.name));
    enter_call(d.name);
    CallGuard guard{depth_};
    Frame frame{link, slots, 0, pending, pending_count, caller};
    Value v = eval(*d.body, &frame);
    if (ctx_.trace) ctx_.trace(d, v);
    return v;
}

Value Evaluator::definition_value(const Definition& d, std::uint32_t index, Frame* link) {
    if (d.value_override) return *d.value_override;
    const bool let_cache = d.let_cache_slot && *d.let_cache_slot < 64 && link != nullptr;
    if (let_cache && !primed_ && (link->cached >> *d.let_cache_slot & 1u))
        return link->slots[*d.let_cache_slot];
    const bool constant_cache = d.constant_level && d.level == 0 && !d.let_cache_slot;
    if (constant_cache && ctx_.constant_cache_[index]) return *ctx_.constant_cache_[index];
    FrameStorage storage(d.frame_size);
    Value v;
    if (d.is_function) {
        Frame frame{link, storage.data(), 0};
        v = function_value(*d.body, &frame);
    } else {
        v = run_body(d, link, storage.data());
    }
    if (let_cache && !primed_) {
        link->slots[*d.let_cache_slot] = v;
        link->cached |= std::uint64_t{1} << *d.let_cache_slot;
    }
    if (constant_cache) ctx_.constant_cache_[index] = v;
    return v;
}

Value Evaluator::call_definition(std::uint32_t index, Frame* link, std::span<const Value> args) {
    const Definition& d = definition(index, link);
    if (d.arity() == 0) return definition_value(d, index, link);
    FrameStorage storage(d.frame_size);
    Value* slots = storage.data();
    std::copy(args.begin(), args.end(), slots);
    return run_body(d, link, slots);
}

// P(a)!Op(b): P's frame holds the instance arguments. Kept out of call_node so that the common
// call needs no room for it on the stack.
Value Evaluator::call_through_instance(const Node& n, Frame* f) {
    FrameStorage instance_slots(n.count);
    for (std::uint32_t i = 0; i < n.count; ++i)
        instance_slots.data()[i] = eval(n.kids[i], f);
    Frame instance_frame;
    instance_frame.slots = instance_slots.data();
    return call_with_link(n, f, &instance_frame);
}

Value Evaluator::call_node(const Node& n, Frame* f) {
    if (n.count > 0) return call_through_instance(n, f);
    return call_with_link(n, f, walk(f, n.hops));
}

Value Evaluator::call_with_link(const Node& n, Frame* f, Frame* link) {
    std::uint32_t index = n.index;
    const Definition& d = definition(index, link);
    if (d.arity() == 0) return definition_value(d, index, link);
    FrameStorage storage(d.frame_size);
    Value* slots = storage.data();
    const std::size_t arity = n.kids.size() - n.count;
    PendingArgs pending(arity);
    bool any_pending = false;
    for (std::size_t i = 0; i < arity; ++i) {
        const Node& arg = n.kids[n.count + i];
        // Literals, operator arguments and `@` are taken at once; the rest when used.
        if (i >= 64 || arg.kind == NodeKind::Literal || arg.kind == NodeKind::OperatorArg ||
            arg.kind == NodeKind::ExceptAt) {
            slots[i] = eval(arg, f);
        } else {
            pending.data()[i] = &arg;
            any_pending = true;
        }
    }
    if (!any_pending) return run_body(d, link, slots);
    return run_body(d, link, slots, pending.data(), static_cast<std::uint32_t>(arity), f);
}

Value Evaluator::force_argument(Frame* frame, std::uint32_t slot) {
    const std::uint64_t bit = std::uint64_t{1} << slot;
    if (!primed_ && (frame->cached & bit)) return frame->slots[slot];
    Value v = eval(*frame->pending[slot], frame->caller);
    if (!primed_) {
        frame->slots[slot] = v;
        frame->cached |= bit;
    }
    return v;
}

Value Evaluator::call_param(const Node& n, Frame* f) {
    const Value& op = walk(f, n.hops)->slots[n.index];
    ArgBuffer args(n.kids.size());
    for (std::size_t i = 0; i < n.kids.size(); ++i)
        args.data()[i] = eval(n.kids[i], f);
    const Operator& o = op.as_operator();
    if (o.arity() != n.kids.size())
        fail(n, fmt::format("The operator argument {} takes {} arguments, but was given {}.",
                            n.text, o.arity(), n.kids.size()));
    return o.call(args.span());
}

Value Evaluator::call_builtin(const Node& n, Frame* f) {
    ArgBuffer args(n.kids.size());
    const ArgumentUsedFn used = n.builtin->argument_used;
    for (std::size_t i = 0; i < n.kids.size(); ++i)
        if (!used || used(i, std::span<const Value>(args.data(), i)))
            args.data()[i] = eval(n.kids[i], f);
    return n.builtin->fn(args.span(), ctx_.options);
}

Value Evaluator::operator_argument(const Node& n, Frame* f) {
    switch (static_cast<ir::OperatorArgKind>(n.flags)) {
    case ir::OperatorArgKind::Definition: {
        std::uint32_t index = n.index;
        Frame* link = walk(f, n.hops);
        const Definition& d = definition(index, link);
        return Value::op(std::make_shared<DefinitionOperator>(*this, index, d, link));
    }
    case ir::OperatorArgKind::Builtin:
        return Value::op(std::make_shared<BuiltinOperator>(*n.builtin, ctx_.options));
    case ir::OperatorArgKind::Param:
        return walk(f, n.hops)->slots[n.index];
    case ir::OperatorArgKind::Lambda:
        break;
    }
    fail(n, "internal error: unknown operator argument");
}

Value Evaluator::constant(const Node& n, Frame* f) {
    const ir::ConstantInfo& info = ir_.constants[n.index];
    if (auto d = spec_.constant_definition(n.index)) {
        ArgBuffer args(n.kids.size());
        for (std::size_t i = 0; i < n.kids.size(); ++i)
            args.data()[i] = eval(n.kids[i], f);
        return call_definition(*d, nullptr, args.span());
    }
    if (const Value* v = spec_.constant_value(n.index)) {
        if (!n.kids.empty()) fail(n, fmt::format("The constant {} is not an operator.", info.name));
        return *v;
    }
    fail(n,
         fmt::format("The constant {} has no value (assign it in the configuration).", info.name));
}

Value Evaluator::state_variable(const Node& n) const {
    const std::string& name = ir_.variables[n.index].name;
    if (!ctx_.has_state_)
        fail(n, fmt::format("The variable {} has no value: no state is given.", name));
    if (primed_) {
        if (n.index >= ctx_.next_.size() || !ctx_.next_[n.index])
            fail(n, fmt::format("{}' is not bound.", name));
        return *ctx_.next_[n.index];
    }
    if (n.index >= ctx_.state_.size())
        fail(n, fmt::format("The variable {} has no value in the state.", name));
    return ctx_.state_[n.index];
}

// ---- Binders ----

void Evaluator::bind(const ir::Bound& b, const Value& element, Frame* f, const Node& at) {
    if (!b.tuple) {
        for (std::uint32_t slot : b.slots)
            f->slots[slot] = element;
        return;
    }
    if (!element.is_sequence() || element.size() != b.slots.size())
        fail(at, fmt::format("Attempted to bind a tuple of {} variables to {}", b.slots.size(),
                             element.to_string()));
    auto items = element.items();
    for (std::size_t i = 0; i < b.slots.size(); ++i)
        f->slots[b.slots[i]] = items[i];
}

std::vector<Value> Evaluator::bound_sets(const Node& n, Frame* f) {
    std::vector<Value> sets;
    sets.reserve(n.bounds.size());
    for (const auto& b : n.bounds) {
        if (!b.set)
            fail(n, "TLC cannot evaluate an unbounded quantifier or CHOOSE (x without \\in S).");
        Value s = eval(*b.set, f);
        if (!s.is_set())
            fail(*b.set, fmt::format("Attempted to enumerate a value that is not a set: {}",
                                     s.to_string()));
        sets.push_back(std::move(s));
    }
    return sets;
}

// Calls fn() for every assignment of the binders from `i` on; stops when fn returns false.
// `x, y \in S` binds x and y independently, each ranging over S.
template <typename Fn>
bool Evaluator::for_each_binding(const Node& n, Frame* f, std::span<const Value> sets,
                                 std::size_t i, Fn&& fn) {
    if (i == n.bounds.size()) return fn();
    const ir::Bound& b = n.bounds[i];
    if (b.tuple || b.slots.size() == 1) {
        bool go_on = true;
        sets[i].for_each_element([&](const Value& e) {
            bind(b, e, f, n);
            go_on = for_each_binding(n, f, sets, i + 1, fn);
            return go_on;
        });
        return go_on;
    }
    // Several names over one set: nested loops, one per name.
    std::function<bool(std::size_t)> name_loop = [&](std::size_t k) -> bool {
        if (k == b.slots.size()) return for_each_binding(n, f, sets, i + 1, fn);
        bool go_on = true;
        sets[i].for_each_element([&](const Value& e) {
            f->slots[b.slots[k]] = e;
            go_on = name_loop(k + 1);
            return go_on;
        });
        return go_on;
    };
    return name_loop(0);
}

Value Evaluator::quantifier(const Node& n, Frame* f, bool forall) {
    std::vector<Value> sets = bound_sets(n, f);
    bool result = forall;
    for_each_binding(n, f, sets, 0, [&] {
        bool b = eval_bool(n.kids[0], f, forall ? "the body of \\A" : "the body of \\E");
        if (b != forall) {
            result = !forall;
            return false;
        }
        return true;
    });
    return Value::boolean(result);
}

Value Evaluator::choose(const Node& n, Frame* f) {
    std::vector<Value> sets = bound_sets(n, f);
    std::optional<Value> found;
    const ir::Bound& b = n.bounds[0];
    sets[0].for_each_element([&](const Value& e) {
        bind(b, e, f, n);
        if (eval_bool(n.kids[0], f, "the body of CHOOSE")) {
            found = e;
            return false;
        }
        return true;
    });
    if (!found)
        fail(n, "Attempted to compute the value of an expression of form CHOOSE x \\in S: P, but "
                "no element of S satisfied P.");
    return *found;
}

Value Evaluator::set_filter(const Node& n, Frame* f) {
    std::vector<Value> sets = bound_sets(n, f);
    std::vector<Value> kept;
    const ir::Bound& b = n.bounds[0];
    sets[0].for_each_element([&](const Value& e) {
        bind(b, e, f, n);
        if (eval_bool(n.kids[0], f, "the condition of a set filter")) kept.push_back(e);
        return true;
    });
    return Value::set(std::move(kept));
}

Value Evaluator::set_map(const Node& n, Frame* f) {
    std::vector<Value> sets = bound_sets(n, f);
    std::vector<Value> images;
    for_each_binding(n, f, sets, 0, [&] {
        images.push_back(eval(n.kids[0], f));
        return true;
    });
    return Value::set(std::move(images));
}

bool Evaluator::member(const Value& element, const Node& set, Frame* f) {
    // {x \in S : P} is answered point-wise, as TLC does (P is evaluated for `element` only).
    const Node* filter = nullptr;
    Frame* filter_frame = f;
    FrameStorage storage(0);
    Frame def_frame;
    if (set.kind == NodeKind::SetFilter) {
        filter = &set;
    } else if (set.kind == NodeKind::CallDef && set.kids.empty() && set.count == 0) {
        std::uint32_t index = set.index;
        Frame* link = walk(f, set.hops);
        const Definition& d = definition(index, link);
        if (d.arity() == 0 && !d.is_function && !d.value_override && d.body &&
            d.body->kind == NodeKind::SetFilter &&
            !(d.constant_level && ctx_.constant_cache_[index])) {
            storage = FrameStorage(d.frame_size);
            def_frame = Frame{link, storage.data(), 0};
            filter = d.body.get();
            filter_frame = &def_frame;
        }
    }
    if (filter != nullptr) {
        std::vector<Value> sets = bound_sets(*filter, filter_frame);
        if (!sets[0].contains(element)) return false;
        bind(filter->bounds[0], element, filter_frame, *filter);
        return eval_bool(filter->kids[0], filter_frame, "the condition of a set filter");
    }
    Value s = eval(set, f);
    if (!s.is_set())
        fail(set, fmt::format("Attempted to check if the value {} is an element of {}, which is "
                              "not a set.",
                              element.to_string(), s.to_string()));
    return s.contains(element);
}

// ---- Functions ----

namespace {
std::size_t domain_components(const Node& fc) {
    std::size_t count = 0;
    for (const auto& b : fc.bounds)
        count += b.tuple ? 1 : b.slots.size();
    return count;
}
} // namespace

void Evaluator::bind_domain_element(const Node& fc, const Value& element, Frame* f) {
    if (domain_components(fc) == 1) {
        bind(fc.bounds[0], element, f, fc);
        return;
    }
    auto parts = element.items();
    std::size_t k = 0;
    for (const auto& b : fc.bounds) {
        if (b.tuple) {
            bind(b, parts[k++], f, fc);
        } else {
            for (std::uint32_t slot : b.slots)
                f->slots[slot] = parts[k++];
        }
    }
}

Value Evaluator::constructor_domain(const Node& fc, std::span<const Value> sets) {
    if (domain_components(fc) == 1) return sets[0];
    std::vector<Value> factors;
    for (std::size_t i = 0; i < fc.bounds.size(); ++i) {
        const std::size_t copies = fc.bounds[i].tuple ? 1 : fc.bounds[i].slots.size();
        for (std::size_t k = 0; k < copies; ++k)
            factors.push_back(sets[i]);
    }
    return Value::product(std::move(factors));
}

Value Evaluator::function_value(const Node& fc, Frame* f) {
    std::vector<Value> sets = bound_sets(fc, f);
    Value domain = constructor_domain(fc, sets);
    if (!domain.is_finite_set())
        fail(fc, fmt::format("A function over the infinite domain {} can only be applied, not "
                             "used as a whole value.",
                             domain.to_string()));
    std::vector<Value> images;
    images.reserve(static_cast<std::size_t>(domain.cardinality()));
    for (const Value& e : domain.enumerate()) {
        bind_domain_element(fc, e, f);
        images.push_back(eval(fc.kids[0], f));
    }
    return Value::function(domain, std::move(images));
}

bool Evaluator::constructor_domain_contains(const Node& fc, Frame* f, const Value& arg) {
    std::vector<Value> sets = bound_sets(fc, f);
    const std::size_t components = domain_components(fc);
    if (components == 1) return sets[0].contains(arg);
    if (!arg.is_sequence() || arg.size() != components) return false;
    auto parts = arg.items();
    std::size_t k = 0;
    for (std::size_t i = 0; i < fc.bounds.size(); ++i) {
        const std::size_t copies = fc.bounds[i].tuple ? 1 : fc.bounds[i].slots.size();
        for (std::size_t c = 0; c < copies; ++c)
            if (!sets[i].contains(parts[k++])) return false;
    }
    return true;
}

// `[x \in S |-> e][a]`: only the point `a` is computed, as TLC's lazy functions do.
Value Evaluator::apply_constructor(const Node& fc, Frame* f, const Value& arg) {
    if (!constructor_domain_contains(fc, f, arg))
        fail(fc, fmt::format("Attempted to apply function to argument {}, which is not in the "
                             "domain of the function.",
                             arg.to_string()));
    bind_domain_element(fc, arg, f);
    return eval(fc.kids[0], f);
}

// `[[x \in S |-> e] EXCEPT ![k] = v]` with S infinite: TLC's lazy function keeps the updates
// and stays point-wise (FcnLambdaValue's excepts), so it can still be applied.
bool Evaluator::is_lazy_except(const Node& n, Frame* f) {
    if (n.kind != NodeKind::Except) return false;
    const Node& base = n.kids[0];
    if (base.kind == NodeKind::Except) return is_lazy_except(base, f);
    if (base.kind != NodeKind::FunCons) return false;
    std::vector<Value> sets = bound_sets(base, f);
    return !constructor_domain(base, sets).is_finite_set();
}

// The image of `arg` under a lazy EXCEPT (see is_lazy_except), or nullopt outside the domain.
// As TLC does, the clauses are evaluated in order, each at the point it names (a point outside
// the domain is skipped), and the last update of a point wins.
std::optional<Value> Evaluator::apply_lazy_except(const Node& n, Frame* f, const Value& arg) {
    auto base_at = [&](const Value& point) -> std::optional<Value> {
        const Node& base = n.kids[0];
        if (base.kind == NodeKind::Except) return apply_lazy_except(base, f, point);
        if (!constructor_domain_contains(base, f, point)) return std::nullopt;
        bind_domain_element(base, point, f);
        return eval(base.kids[0], f);
    };
    std::vector<std::pair<Value, Value>> updates;
    auto image_at = [&](const Value& point) -> std::optional<Value> {
        for (auto it = updates.rbegin(); it != updates.rend(); ++it)
            if (equals(it->first, point)) return it->second;
        return base_at(point);
    };
    for (const auto& clause : n.clauses) {
        const ir::ExceptStep& first = clause.path[0];
        Value key = first.is_field ? first.field : eval(*first.index, f);
        std::optional<Value> old = image_at(key);
        if (!old) continue;
        updates.emplace_back(std::move(key), except_value(clause, 1, *old, f, n));
    }
    return image_at(arg);
}

Value Evaluator::function_application(const Node& n, Frame* f) {
    const Node& fn = n.kids[0];
    Value arg;
    if (n.kids.size() == 2) {
        arg = eval(n.kids[1], f);
    } else {
        std::vector<Value> parts;
        for (std::size_t i = 1; i < n.kids.size(); ++i)
            parts.push_back(eval(n.kids[i], f));
        arg = Value::tuple(std::move(parts));
    }
    if (fn.kind == NodeKind::FunCons) return apply_constructor(fn, f, arg);
    if (fn.kind == NodeKind::Except && is_lazy_except(fn, f)) {
        if (std::optional<Value> image = apply_lazy_except(fn, f, arg)) return *image;
        fail(n, fmt::format("Attempted to apply function to argument {}, which is not in the "
                            "domain of the function.",
                            arg.to_string()));
    }
    if (fn.kind == NodeKind::Slot) {
        // `Op(f) == f[a]` called as Op([x \in Nat |-> e]): the unevaluated argument is applied
        // point-wise in the caller's frame (its binder slots are its own there).
        Frame* target = walk(f, fn.hops);
        if (fn.index < target->pending_count && target->pending[fn.index] &&
            target->pending[fn.index]->kind == NodeKind::FunCons &&
            !(target->cached >> fn.index & 1u))
            return apply_constructor(*target->pending[fn.index], target->caller, arg);
    }
    if (fn.kind == NodeKind::CallDef && fn.kids.empty() && fn.count == 0) {
        std::uint32_t index = fn.index;
        Frame* link = walk(f, fn.hops);
        const Definition& d = definition(index, link);
        const bool cached = (d.constant_level && d.level == 0 && ctx_.constant_cache_[index]) ||
                            (d.let_cache_slot && *d.let_cache_slot < 64 && link != nullptr &&
                             (link->cached >> *d.let_cache_slot & 1u));
        if (d.arity() == 0 && d.body && d.body->kind == NodeKind::FunCons && !cached &&
            !d.value_override) {
            FrameStorage storage(d.frame_size);
            Frame frame{link, storage.data(), 0};
            enter_call(d.name);
            CallGuard guard{depth_};
            return apply_constructor(*d.body, &frame, arg);
        }
    }
    Value fv = eval(fn, f);
    if (!fv.is_function())
        fail(n, fmt::format("Attempted to apply {} to an argument, but it is not a function.",
                            fv.to_string()));
    return fv.apply(arg);
}

Value Evaluator::except_path(const ir::ExceptClause& clause, std::size_t step, const Value& fn,
                             Frame* f, const Node& at) {
    const ir::ExceptStep& s = clause.path[step];
    Value key = s.is_field ? s.field : eval(*s.index, f);
    if (!fn.is_function())
        fail(at, fmt::format("Attempted to apply EXCEPT to {}, which is not a function.",
                             fn.to_string()));
    const Value* old = fn.find(key);
    if (old == nullptr) {
        // TLC: a key outside the domain leaves the function as it is, but a key that cannot be
        // compared with the domain's elements is an error.
        (void)fn.domain().contains(key);
        return fn;
    }
    return fn.with_updated(key, except_value(clause, step + 1, *old, f, at));
}

Value Evaluator::except_value(const ir::ExceptClause& clause, std::size_t step, const Value& old,
                              Frame* f, const Node& at) {
    if (step < clause.path.size()) return except_path(clause, step, old, f, at);
    at_stack_.push_back(old);
    struct Pop {
        std::vector<Value>& stack;
        ~Pop() { stack.pop_back(); }
    } pop{at_stack_};
    return eval(*clause.value, f);
}

Value Evaluator::except(const Node& n, Frame* f) {
    Value fn = eval(n.kids[0], f);
    for (const auto& clause : n.clauses)
        fn = except_path(clause, 0, fn, f, n);
    return fn;
}

Value Evaluator::unchanged(const Node& n, Frame* f) {
    Value now = eval(n, f);
    const bool saved = primed_;
    primed_ = true;
    Value next;
    try {
        next = eval(n, f);
    } catch (...) {
        primed_ = saved;
        throw;
    }
    primed_ = saved;
    return Value::boolean(equals(now, next));
}

// Set, tuple and record constructors and field access: out of eval_node, whose stack frame every
// level of recursion pays for.
Value Evaluator::construct(const Node& n, Frame* f) {
    switch (n.kind) {
    case NodeKind::SetEnum: {
        std::vector<Value> elements;
        elements.reserve(n.kids.size());
        for (const Node& k : n.kids)
            elements.push_back(eval(k, f));
        return Value::set(std::move(elements));
    }
    case NodeKind::Tuple: {
        std::vector<Value> items;
        items.reserve(n.kids.size());
        for (const Node& k : n.kids)
            items.push_back(eval(k, f));
        return Value::tuple(std::move(items));
    }
    case NodeKind::RecordCons:
    case NodeKind::RecordSet: {
        std::vector<std::pair<std::string, Value>> fields;
        fields.reserve(n.kids.size());
        for (std::size_t i = 0; i < n.kids.size(); ++i)
            fields.emplace_back(n.fields[i], eval(n.kids[i], f));
        return n.kind == NodeKind::RecordCons ? Value::record(std::move(fields))
                                              : Value::record_set(std::move(fields));
    }
    case NodeKind::FunSet: {
        Value domain = eval(n.kids[0], f);
        Value range = eval(n.kids[1], f);
        return Value::function_set(domain, range);
    }
    case NodeKind::Dot: {
        Value r = eval(n.kids[0], f);
        if (!r.is_function())
            fail(n, fmt::format("Attempted to access field {} of {}, which is not a record.",
                                n.fields[0], r.to_string()));
        if (const Value* v = r.field(n.fields[0])) return *v;
        return r.apply(n.value);
    }
    default:
        break;
    }
    fail(n, "internal error: not a constructor");
}

// ---- The switch ----

Value Evaluator::eval_node(const Node& n, Frame* f) {
    switch (n.kind) {
    case NodeKind::Literal:
        return n.value;
    case NodeKind::Slot: {
        Frame* target = walk(f, n.hops);
        if (n.index < target->pending_count && target->pending[n.index])
            return force_argument(target, n.index);
        return target->slots[n.index];
    }
    case NodeKind::Constant:
        return constant(n, f);
    case NodeKind::StateVar:
        return state_variable(n);
    case NodeKind::OperatorArg:
        return operator_argument(n, f);
    case NodeKind::ExceptAt:
        if (at_stack_.empty()) fail(n, "`@' used outside an EXCEPT clause.");
        return at_stack_.back();

    case NodeKind::CallDef:
        return call_node(n, f);
    case NodeKind::CallBuiltin:
        return call_builtin(n, f);
    case NodeKind::CallParam:
        return call_param(n, f);
    case NodeKind::CallEvalOp:
        return call_eval_op(n, f);

    case NodeKind::And:
        for (const Node& k : n.kids)
            if (!eval_bool(k, f, "a conjunct of /\\")) return Value::boolean(false);
        return Value::boolean(true);
    case NodeKind::Or:
        for (const Node& k : n.kids)
            if (eval_bool(k, f, "a disjunct of \\/")) return Value::boolean(true);
        return Value::boolean(false);
    case NodeKind::Not:
        return Value::boolean(!eval_bool(n.kids[0], f, "the operand of ~"));
    case NodeKind::Implies:
        if (!eval_bool(n.kids[0], f, "the left side of =>")) return Value::boolean(true);
        return Value::boolean(eval_bool(n.kids[1], f, "the right side of =>"));
    case NodeKind::Equiv: {
        bool a = eval_bool(n.kids[0], f, "the left side of <=>");
        bool b = eval_bool(n.kids[1], f, "the right side of <=>");
        return Value::boolean(a == b);
    }
    case NodeKind::If:
        return eval_bool(n.kids[0], f, "the condition of IF") ? eval(n.kids[1], f)
                                                              : eval(n.kids[2], f);
    case NodeKind::Case: {
        const std::size_t arms = n.flags ? n.kids.size() - 1 : n.kids.size();
        for (std::size_t i = 0; i < arms; i += 2)
            if (eval_bool(n.kids[i], f, "a CASE guard")) return eval(n.kids[i + 1], f);
        if (n.flags) return eval(n.kids.back(), f);
        fail(n, "Attempted to evaluate a CASE with no conditions true.");
    }
    case NodeKind::Eq: {
        Value a = eval(n.kids[0], f);
        Value b = eval(n.kids[1], f);
        return Value::boolean(equals(a, b));
    }
    case NodeKind::Neq: {
        Value a = eval(n.kids[0], f);
        Value b = eval(n.kids[1], f);
        return Value::boolean(!equals(a, b));
    }
    case NodeKind::In: {
        Value e = eval(n.kids[0], f);
        return Value::boolean(member(e, n.kids[1], f));
    }
    case NodeKind::NotIn: {
        Value e = eval(n.kids[0], f);
        return Value::boolean(!member(e, n.kids[1], f));
    }
    case NodeKind::Let:
        if (n.count > 0 && n.index < 64) {
            const std::uint32_t end = std::min<std::uint32_t>(n.index + n.count, 64);
            for (std::uint32_t s = n.index; s < end; ++s)
                f->cached &= ~(std::uint64_t{1} << s);
        }
        return eval(n.kids[0], f);

    case NodeKind::Forall:
        return quantifier(n, f, true);
    case NodeKind::Exists:
        return quantifier(n, f, false);
    case NodeKind::Choose:
        return choose(n, f);
    case NodeKind::SetFilter:
        return set_filter(n, f);
    case NodeKind::SetMap:
        return set_map(n, f);
    case NodeKind::FunCons:
        return function_value(n, f);

    case NodeKind::SetEnum:
    case NodeKind::Tuple:
    case NodeKind::RecordCons:
    case NodeKind::RecordSet:
    case NodeKind::FunSet:
    case NodeKind::Dot:
        return construct(n, f);
    case NodeKind::FunApp:
        return function_application(n, f);
    case NodeKind::ConstructorDomain: {
        std::vector<Value> sets = bound_sets(n.kids[0], f);
        return constructor_domain(n.kids[0], sets);
    }
    case NodeKind::Except:
        return except(n, f);

    case NodeKind::Prime: {
        const bool saved = primed_;
        primed_ = true;
        try {
            Value v = eval(n.kids[0], f);
            primed_ = saved;
            return v;
        } catch (...) {
            primed_ = saved;
            throw;
        }
    }
    case NodeKind::Unchanged:
        return unchanged(n.kids[0], f);
    case NodeKind::ActionBox:
        if (eval_bool(n.kids[0], f, "the action of [A]_v")) return Value::boolean(true);
        return unchanged(n.kids[1], f);
    case NodeKind::ActionAngle:
        if (!eval_bool(n.kids[0], f, "the action of <<A>>_v")) return Value::boolean(false);
        return Value::boolean(!unchanged(n.kids[1], f).as_bool());
    case NodeKind::Enabled:
        return enabled(n, f);
    case NodeKind::Cdot:
        fail(n, "The action composition \\cdot cannot be evaluated yet.");
    case NodeKind::Temporal:
        fail(n, fmt::format("The temporal operator {} cannot be evaluated on states.", n.text));
    }
    fail(n, "internal error: unknown node");
}

// ---- TLC's operators that need the context ----

namespace {

// TLCGet("config") of a breadth-first run with one worker, as trace-validation specs expect.
Value default_tlc_config() {
    return Value::record({{"mode", Value::string("bfs")},
                          {"depth", Value::integer(-1)},
                          {"deadlock", Value::boolean(false)},
                          {"worker", Value::integer(1)},
                          {"seed", Value::integer(0)},
                          {"fingerprint", Value::integer(0)},
                          {"traces", Value::integer(0)},
                          {"spec", Value::string("")},
                          {"config", Value::string("")},
                          {"install", Value::string("")}});
}

} // namespace

Value Evaluator::call_eval_op(const Node& n, Frame* f) {
    ArgBuffer buffer(n.kids.size());
    for (std::size_t i = 0; i < n.kids.size(); ++i)
        buffer.data()[i] = eval(n.kids[i], f);
    std::span<const Value> args = buffer.span();
    switch (static_cast<ir::EvalOp>(n.index)) {
    case ir::EvalOp::TLCGet: {
        const Value& key = args[0];
        if (key.is_int()) {
            auto value = ctx_.registers->get(key.as_int());
            if (!value)
                fail(n, fmt::format("TLCGet({}): the register has not been set.", key.as_int()));
            return *value;
        }
        const std::string_view name = key.is_string() ? key.as_string() : std::string_view();
        if (name == "level") {
            if (!ctx_.level) fail(n, "TLCGet(\"level\") is not known in this evaluation.");
            return Value::integer(*ctx_.level);
        }
        if (name == "config") return ctx_.tlc_config ? *ctx_.tlc_config : default_tlc_config();
        if (name == "stats") {
            if (!ctx_.tlc_stats) fail(n, "TLCGet(\"stats\") is not known in this evaluation.");
            return *ctx_.tlc_stats;
        }
        if (name == "duration")
            return Value::integer(std::chrono::duration_cast<std::chrono::seconds>(
                                      std::chrono::steady_clock::now() - ctx_.created_)
                                      .count());
        fail(n, fmt::format("TLCGet({}) is not supported.", key.to_string()));
    }
    case ir::EvalOp::TLCSet: {
        if (args[0].is_string() && args[0].as_string() == "exit") {
            // TLC stops model checking; here the caller decides (EvalContext::exit_requested).
            ctx_.exit_requested = as_bool(n.kids[1], args[1],
                                          "the second argument of "
                                          "TLCSet(\"exit\", ...)");
            return Value::boolean(true);
        }
        if (!args[0].is_int())
            fail(n, fmt::format("TLCSet({}, ...) is not supported: only integer registers and "
                                "\"exit\" are.",
                                args[0].to_string()));
        ctx_.registers->set(args[0].as_int(), args[1]);
        return Value::boolean(true);
    }
    case ir::EvalOp::Print:
        if (ctx_.options.print_sink) ctx_.options.print_sink(args[0]);
        return args[1];
    case ir::EvalOp::PrintT:
        if (ctx_.options.print_sink) ctx_.options.print_sink(args[0]);
        return Value::boolean(true);
    case ir::EvalOp::Assert:
        if (!as_bool(n.kids[0], args[0], "the first argument of Assert"))
            fail(n, fmt::format("The first argument of Assert evaluated to FALSE; the second "
                                "argument was: {}",
                                args[1].is_string() ? std::string(args[1].as_string())
                                                    : args[1].to_string()));
        return Value::boolean(true);
    case ir::EvalOp::JavaTime: {
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
        return Value::integer(ms & 0x7fffffff);
    }
    case ir::EvalOp::RandomElement: {
        const Value& s = args[0];
        if (!s.is_set() || !s.is_finite_set())
            fail(n, fmt::format("RandomElement needs a finite set, not {}.", s.to_string()));
        auto elements = s.enumerate();
        if (elements.empty()) fail(n, "RandomElement of the empty set.");
        if (!ctx_.random_seeded_) {
            ctx_.random_.seed(ctx_.random_seed);
            ctx_.random_seeded_ = true;
        }
        return elements[ctx_.random_() % elements.size()];
    }
    case ir::EvalOp::TLCEval:
        return args[0];
    case ir::EvalOp::Any:
        return Value::any();
    case ir::EvalOp::IOEnv: {
        std::vector<std::pair<std::string, Value>> fields;
        for (const auto& [name, value] : ctx_.environment)
            fields.emplace_back(name, Value::string(value));
        if (fields.empty()) return Value::function_from_pairs({});
        return Value::record(std::move(fields));
    }
    case ir::EvalOp::Atoi: {
        if (!args[0].is_string())
            fail(n, fmt::format("atoi needs a string, not {}.", args[0].to_string()));
        std::string_view text = args[0].as_string();
        std::size_t digits = text.size() > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (digits == text.size() ||
            text.find_first_not_of("0123456789", digits) != std::string_view::npos)
            fail(n, fmt::format("atoi: {} is not an integer.", args[0].to_string()));
        Value v = Value::integer_from_decimal(text[0] == '+' ? text.substr(1) : text);
        if (ctx_.options.int_mode == IntMode::Tlc32 &&
            (v.is_big_int() || v.as_int() > INT32_MAX || v.as_int() < INT32_MIN))
            fail(n, fmt::format("atoi: {} does not fit in 32 bits.", args[0].to_string()));
        return v;
    }
    case ir::EvalOp::ZeroPadN: {
        if (!args[0].is_int() || !args[1].is_int()) fail(n, "zeroPadN needs two integers.");
        std::string digits = std::to_string(args[0].as_int());
        const std::int64_t width = args[1].as_int();
        if (static_cast<std::int64_t>(digits.size()) < width)
            digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
        return Value::string(digits);
    }
    case ir::EvalOp::TLCModelValue:
        if (!args[0].is_string())
            fail(n, fmt::format("TLCModelValue needs a string, not {}.", args[0].to_string()));
        return Value::model_value(args[0].as_string());
    case ir::EvalOp::AssertEq:
        if (!equals(args[0], args[1]))
            fail(n, fmt::format("AssertEq: {} is not equal to {}.", args[0].to_string(),
                                args[1].to_string()));
        return Value::boolean(true);
    case ir::EvalOp::TLCCache:
        return args[0];
    case ir::EvalOp::TLCGetOrDefault: {
        if (args[0].is_int())
            if (auto value = ctx_.registers->get(args[0].as_int())) return *value;
        return args[1];
    }
    case ir::EvalOp::PickSuccessor:
        return Value::boolean(as_bool(n.kids[0], args[0], "the argument of PickSuccessor"));
    case ir::EvalOp::Unsupported:
        fail(n, fmt::format("{} is not supported by tlatv (it runs processes, writes files or "
                            "needs TLC's model checker).",
                            n.text));
    case ir::EvalOp::JsonDeserialize:
    case ir::EvalOp::NdJsonDeserialize: {
        if (!ctx_.allow_file_access)
            fail(n, fmt::format("{} reads a file, which this evaluation does not allow.", n.text));
        if (!args[0].is_string())
            fail(n, fmt::format("{} needs a file name, not {}.", n.text, args[0].to_string()));
        const bool nd = static_cast<ir::EvalOp>(n.index) == ir::EvalOp::NdJsonDeserialize;
        auto read = [&] {
            return nd ? read_ndjson_file(args[0].as_string()) : read_json_file(args[0].as_string());
        };
        if (!ctx_.json_files) return read();
        return ctx_.json_files->get(nd ? JsonFileCache::Format::NdJson
                                       : JsonFileCache::Format::Json,
                                    args[0].as_string(), read);
    }
    case ir::EvalOp::Deserialize: {
        // IOUtils: with [format |-> "TXT"] the file's text, as the output of a process that
        // printed it (CCF's trace spec reads its node count so).
        if (!ctx_.allow_file_access)
            fail(n, "Deserialize reads a file, which this evaluation does not allow.");
        if (!args[0].is_string())
            fail(n, fmt::format("Deserialize needs a file name, not {}.", args[0].to_string()));
        const Value* format = args[1].is_record() ? args[1].field("format") : nullptr;
        if (format == nullptr || !format->is_string() || format->as_string() != "TXT")
            fail(n, fmt::format("Deserialize supports the format \"TXT\" only, not {}.",
                                args[1].to_string()));
        std::ifstream in{std::string(args[0].as_string()), std::ios::binary};
        if (!in) fail(n, fmt::format("Deserialize cannot read {}.", args[0].to_string()));
        std::ostringstream text;
        text << in.rdbuf();
        return Value::record({{"exitValue", Value::integer(0)},
                              {"stdout", Value::string(text.str())},
                              {"stderr", Value::string("")}});
    }
    }
    fail(n, "internal error: unknown TLC operator");
}

// ---- EvalContext ----

EvalContext::EvalContext(std::shared_ptr<const CompiledSpec> spec)
    : spec_(std::move(spec)) {
    options.int_mode = spec_->int_mode();
    constant_cache_.resize(spec_->ir().definitions.size());
}

EvalContext::~EvalContext() = default;

void EvalContext::set_state(std::vector<Value> state) {
    state_ = std::move(state);
    has_state_ = true;
}

void EvalContext::set_next_state(std::vector<std::optional<Value>> next) {
    next_ = std::move(next);
}

void EvalContext::clear_states() {
    state_.clear();
    next_.clear();
    has_state_ = false;
}

Value EvalContext::evaluate(std::string_view definition, std::span<const Value> args) {
    auto index = spec_->find_definition(definition);
    if (!index)
        throw EvalFailure(
            fmt::format("Unknown definition {} in module {}.", definition, spec_->root_module()),
            "", ast::Span{});
    return evaluate(*index, args);
}

Value EvalContext::evaluate(std::uint32_t index, std::span<const Value> args) {
    const Definition& d = spec_->definition(index);
    auto located = [&](const std::string& message) {
        const auto& files = spec_->ir().files;
        return EvalFailure(message, d.file < files.size() ? files[d.file] : std::string(), d.span);
    };
    if (args.size() != d.arity())
        throw located(fmt::format("The operator {} requires {} arguments, but was given {}.",
                                  d.name, d.arity(), args.size()));
    Evaluator evaluator(*this);
    try {
        return evaluator.call_definition(index, nullptr, args);
    } catch (const EvalFailure&) {
        throw;
    } catch (const EvalError& e) {
        throw located(e.what());
    }
}

} // namespace tlatv::eval

// ---- Actions: successor enumeration (see evaluator/action.hpp) ----
//
// The walk keeps the conjuncts still to do as a linked list on the C++ stack (a continuation):
// a branch point (\/, \E, x' \in S) runs the rest of the action once per alternative, and a
// finished branch hands the state to the walk's sink. Frames the walk enters stay alive while
// their continuation runs.

namespace tlatv::eval {

// What remains to do after the current conjunct.
struct Evaluator::Conjunct {
    enum class Kind : std::uint8_t {
        Walk,       // walk `node` as an action
        Unchanged,  // walk UNCHANGED `node`
        Changed,    // require ~UNCHANGED `node` (the v of <<A>>_v)
        Collect,    // A \cdot B: keep the completed intermediate state
        RestorePre, // A \cdot B: B is done; the rest runs in the outer pre-state again
    };
    Kind kind = Kind::Walk;
    const Node* node = nullptr;
    Frame* frame = nullptr;
    const Conjunct* next = nullptr;
    std::vector<PartialState>* collected = nullptr;
    const std::vector<Value>* outer_pre = nullptr;
    const std::vector<Value>* inner_pre = nullptr;
};

struct Evaluator::ActionWalk {
    const WalkRequest& request;
    std::chrono::steady_clock::time_point deadline;
    std::uint64_t steps = 0;
    std::size_t states = 0;
    std::size_t conjuncts_held = 0; // on the current branch, for the trace
    bool recorded = false;
};

namespace {

// Copies of an action's frames, linked innermost first, for one walk.
class ActionFrames {
public:
    explicit ActionFrames(const std::vector<std::vector<Value>>& saved)
        : slots_(saved)
        , frames_(saved.size()) {
        for (std::size_t i = 0; i < frames_.size(); ++i) {
            frames_[i].slots = slots_[i].data();
            frames_[i].parent = i + 1 < frames_.size() ? &frames_[i + 1] : nullptr;
        }
    }
    Frame* innermost() { return frames_.empty() ? nullptr : &frames_[0]; }
    std::vector<Frame>& frames() { return frames_; }
    const std::vector<Value>& slots(std::size_t i) const { return slots_[i]; }

private:
    std::vector<std::vector<Value>> slots_;
    std::vector<Frame> frames_;
};

// Restores what a walk or a split changes in the context, also when it throws.
struct ContextRestore {
    EvalContext& ctx;
    std::vector<Value>& state;
    std::vector<std::optional<Value>>& next;
    bool& has_state;
    std::vector<Value> saved_state = state;
    std::vector<std::optional<Value>> saved_next = next;
    bool saved_has_state = has_state;
    ~ContextRestore() {
        state = std::move(saved_state);
        next = std::move(saved_next);
        has_state = saved_has_state;
    }
};

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

} // namespace

void Evaluator::run_action_walk(const WalkRequest& request) {
    const Action& action = *request.action;
    if (action.expression == nullptr)
        throw EvalError("internal error: an action without an expression");
    ContextRestore restore{ctx_, ctx_.state_, ctx_.next_, ctx_.has_state_};
    const std::size_t variables = ir_.variables.size();
    ctx_.has_state_ = true;
    if (request.initial) {
        ctx_.state_.clear();
    } else {
        if (request.pre == nullptr || request.pre->size() != variables)
            throw EvalError(fmt::format("The pre-state must give all {} variables.", variables));
        ctx_.state_ = *request.pre;
    }
    ctx_.next_ = request.fixed;
    ctx_.next_.resize(variables);

    ActionFrames frames(action.frames);
    const std::size_t frames_before = action_frames_.size();
    for (Frame& fr : frames.frames())
        action_frames_.push_back(&fr);
    // Further conjuncts of the action, each in frames of its own, walked after the expression.
    std::vector<std::unique_ptr<ActionFrames>> more_frames;
    std::vector<Conjunct> more(action.conjuncts.size());
    for (std::size_t i = action.conjuncts.size(); i-- > 0;) {
        const Action& part = action.conjuncts[i];
        if (part.expression == nullptr || !part.conjuncts.empty())
            throw EvalError("internal error: a malformed conjunct of an action");
        more_frames.push_back(std::make_unique<ActionFrames>(part.frames));
        for (Frame& fr : more_frames.back()->frames())
            action_frames_.push_back(&fr);
        more[i] = Conjunct{Conjunct::Kind::Walk, part.expression, more_frames.back()->innermost(),
                           i + 1 < more.size() ? &more[i + 1] : nullptr};
    }
    ActionWalk walk{request, std::chrono::steady_clock::now() + request.limits.time_budget};
    action_walk_ = &walk;
    // An initial predicate assigns the unprimed variables: they are read from the state being
    // built, as primed variables are in a next-state action.
    const bool saved_primed = primed_;
    primed_ = request.initial;
    try {
        walk_node(*action.expression, frames.innermost(), more.empty() ? nullptr : &more[0]);
    } catch (const EvalFailure& e) {
        primed_ = saved_primed;
        action_walk_ = nullptr;
        action_frames_.resize(frames_before);
        // The initial predicate reads the state being built as if primed: say it unprimed.
        const std::string_view message = e.what();
        constexpr std::string_view unbound = "' is not bound.";
        if (request.initial && message.ends_with(unbound))
            throw EvalFailure(fmt::format("{} is read before the initial predicate assigns it.",
                                          message.substr(0, message.size() - unbound.size())),
                              e.file, e.span);
        throw;
    } catch (...) {
        primed_ = saved_primed;
        action_walk_ = nullptr;
        action_frames_.resize(frames_before);
        throw;
    }
    primed_ = saved_primed;
    action_walk_ = nullptr;
    action_frames_.resize(frames_before);
}

void Evaluator::forget_caches() {
    for (Frame* fr : action_frames_)
        fr->cached = 0;
}

bool Evaluator::walk_node(const Node& n, Frame* f, const Conjunct* rest) {
    ActionWalk& w = *action_walk_;
    if ((++w.steps & 1023u) == 0 && std::chrono::steady_clock::now() > w.deadline)
        fail(n, fmt::format("The enumeration exceeded its time budget of {} ms.",
                            w.request.limits.time_budget.count()));
    try {
        switch (n.kind) {
        case NodeKind::And:
            return walk_conjunction(n, f, rest);
        case NodeKind::Or:
            for (const Node& k : n.kids) {
                const bool go_on = walk_node(k, f, rest);
                forget_caches();
                if (!go_on) return false;
            }
            return true;
        case NodeKind::Exists: {
            std::vector<Value> sets = bound_sets(n, f);
            return for_each_binding(n, f, sets, 0, [&] {
                const bool go_on = walk_node(n.kids[0], f, rest);
                forget_caches();
                return go_on;
            });
        }
        case NodeKind::Eq:
            if (auto v = assignable_variable(n.kids[0], f))
                return walk_assignment(*v, eval(n.kids[1], f), rest);
            return walk_condition(n, f, rest);
        case NodeKind::In:
            if (auto v = assignable_variable(n.kids[0], f)) {
                Value s = eval(n.kids[1], f);
                if (!s.is_set())
                    fail(n.kids[1], fmt::format("Attempted to enumerate a value that is not a set: "
                                                "{}",
                                                s.to_string()));
                bool go_on = true;
                s.for_each_element([&](const Value& e) {
                    go_on = walk_assignment(*v, e, rest);
                    return go_on;
                });
                return go_on;
            }
            return walk_condition(n, f, rest);
        case NodeKind::Unchanged:
            return walk_unchanged(n.kids[0], f, rest);
        case NodeKind::If:
            return walk_node(eval_bool(n.kids[0], f, "the condition of IF") ? n.kids[1] : n.kids[2],
                             f, rest);
        case NodeKind::Case: {
            const std::size_t arms = n.flags ? n.kids.size() - 1 : n.kids.size();
            for (std::size_t i = 0; i < arms; i += 2)
                if (eval_bool(n.kids[i], f, "a CASE guard"))
                    return walk_node(n.kids[i + 1], f, rest);
            if (n.flags) return walk_node(n.kids.back(), f, rest);
            fail(n, "Attempted to evaluate a CASE with no conditions true.");
        }
        case NodeKind::Let:
            if (n.count > 0 && n.index < 64) {
                const std::uint32_t end = std::min<std::uint32_t>(n.index + n.count, 64);
                for (std::uint32_t s = n.index; s < end; ++s)
                    f->cached &= ~(std::uint64_t{1} << s);
            }
            return walk_node(n.kids[0], f, rest);
        case NodeKind::CallDef:
            return walk_call(n, f, rest, false);
        case NodeKind::Constant:
            if (spec_.constant_definition(n.index)) return walk_call(n, f, rest, false);
            return walk_condition(n, f, rest);
        case NodeKind::Slot: {
            // An operator argument is walked as the expression it stands for (`NoStutter(A)`).
            Frame* target = walk(f, n.hops);
            if (n.index < target->pending_count && target->pending[n.index])
                return walk_node(*target->pending[n.index], target->caller, rest);
            return walk_condition(n, f, rest);
        }
        case NodeKind::ActionBox: {
            if (!walk_node(n.kids[0], f, rest)) return false;
            forget_caches();
            return walk_unchanged(n.kids[1], f, rest);
        }
        case NodeKind::ActionAngle: {
            Conjunct changed{Conjunct::Kind::Changed, &n.kids[1], f, rest};
            return walk_node(n.kids[0], f, &changed);
        }
        case NodeKind::Cdot:
            return walk_cdot(n, f, rest);
        case NodeKind::Implies:
            if (!eval_bool(n.kids[0], f, "the left side of =>")) return walk_rest(rest);
            return walk_node(n.kids[1], f, rest);
        default:
            return walk_condition(n, f, rest);
        }
    } catch (const EvalFailure&) {
        throw;
    } catch (const EvalError& e) {
        fail(n, e.what());
    }
}

bool Evaluator::walk_conjunction(const Node& n, Frame* f, const Conjunct* rest) {
    const std::size_t count = n.kids.size();
    if (count == 0) return walk_rest(rest);
    std::vector<Conjunct> chain(count - 1);
    const Conjunct* next = rest;
    for (std::size_t i = count - 1; i >= 1; --i) {
        chain[i - 1] = Conjunct{Conjunct::Kind::Walk, &n.kids[i], f, next};
        next = &chain[i - 1];
    }
    return walk_node(n.kids[0], f, next);
}

bool Evaluator::walk_rest(const Conjunct* rest) {
    if (rest == nullptr) return finish_branch();
    ActionWalk& w = *action_walk_;
    ++w.conjuncts_held;
    struct Held {
        std::size_t& count;
        ~Held() { --count; }
    } held{w.conjuncts_held};
    switch (rest->kind) {
    case Conjunct::Kind::Walk:
        return walk_node(*rest->node, rest->frame, rest->next);
    case Conjunct::Kind::Unchanged:
        return walk_unchanged(*rest->node, rest->frame, rest->next);
    case Conjunct::Kind::Changed:
        if (unchanged(*rest->node, rest->frame).as_bool()) return reject(*rest->node, rest->frame);
        return walk_rest(rest->next);
    case Conjunct::Kind::Collect: {
        // A variable A leaves unassigned keeps its value of the pre-state in the intermediate
        // state (TLC: the pre-state copied with A's assignments).
        PartialState middle = ctx_.next_;
        for (std::size_t i = 0; i < middle.size(); ++i)
            if (!middle[i]) middle[i] = (*rest->outer_pre)[i];
        rest->collected->push_back(std::move(middle));
        return true;
    }
    case Conjunct::Kind::RestorePre: {
        ctx_.state_ = *rest->outer_pre;
        forget_caches();
        const bool go_on = walk_rest(rest->next);
        ctx_.state_ = *rest->inner_pre;
        forget_caches();
        return go_on;
    }
    }
    return true;
}

bool Evaluator::finish_branch() {
    ActionWalk& w = *action_walk_;
    const Action& action = *w.request.action;
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < ctx_.next_.size(); ++i)
        if (!ctx_.next_[i]) missing.push_back(ir_.variables[i].name);
    if (!missing.empty()) {
        if (w.request.initial)
            fail(*action.expression,
                 fmt::format("The initial predicate does not assign every variable. The "
                             "following variables are not assigned: {}.",
                             join_names(missing)));
        fail(*action.expression,
             fmt::format("Successor state is not completely specified by action {}. The "
                         "following variables are not assigned: {}.",
                         action.label(), join_names(missing)));
    }
    if (++w.states > w.request.limits.max_states)
        fail(*action.expression,
             fmt::format("The enumeration of {} exceeded its maximum of {} states.",
                         w.request.initial ? std::string("the initial states") : action.label(),
                         w.request.limits.max_states));
    return w.request.on_state ? w.request.on_state(ctx_.next_) : true;
}

bool Evaluator::walk_assignment(std::uint32_t variable, const Value& v, const Conjunct* rest) {
    ctx_.next_[variable] = v;
    const bool go_on = walk_rest(rest);
    ctx_.next_[variable].reset();
    forget_caches();
    return go_on;
}

bool Evaluator::walk_unchanged(const Node& n, Frame* f, const Conjunct* rest) {
    switch (n.kind) {
    case NodeKind::StateVar: {
        if (n.index >= ctx_.state_.size())
            fail(n, fmt::format("UNCHANGED {} needs the value of {} in the pre-state.", n.text,
                                ir_.variables[n.index].name));
        const Value& now = ctx_.state_[n.index];
        if (!ctx_.next_[n.index]) return walk_assignment(n.index, now, rest);
        if (equals(*ctx_.next_[n.index], now)) return walk_rest(rest);
        return reject(n, f);
    }
    case NodeKind::Tuple: {
        const std::size_t count = n.kids.size();
        if (count == 0) return walk_rest(rest);
        std::vector<Conjunct> chain(count - 1);
        const Conjunct* next = rest;
        for (std::size_t i = count - 1; i >= 1; --i) {
            chain[i - 1] = Conjunct{Conjunct::Kind::Unchanged, &n.kids[i], f, next};
            next = &chain[i - 1];
        }
        return walk_unchanged(n.kids[0], f, next);
    }
    case NodeKind::CallDef:
        if (n.kids.empty() && n.count == 0) return walk_call(n, f, rest, true);
        break;
    case NodeKind::Slot: {
        Frame* target = walk(f, n.hops);
        if (n.index < target->pending_count && target->pending[n.index])
            return walk_unchanged(*target->pending[n.index], target->caller, rest);
        break;
    }
    default:
        break;
    }
    if (unchanged(n, f).as_bool()) return walk_rest(rest);
    return reject(n, f);
}

bool Evaluator::walk_call(const Node& n, Frame* f, const Conjunct* rest, bool unchanged_mode) {
    std::uint32_t index = n.index;
    Frame* link = nullptr;
    Frame instance_frame;
    FrameStorage instance_slots(n.kind == NodeKind::Constant ? 0 : n.count);
    if (n.kind == NodeKind::Constant) {
        // A constant the cfg replaces by a definition (`Send <- MCSend`) is a call of it.
        index = *spec_.constant_definition(n.index);
    } else if (n.count > 0) {
        for (std::uint32_t i = 0; i < n.count; ++i)
            instance_slots.data()[i] = eval(n.kids[i], f);
        instance_frame.slots = instance_slots.data();
        link = &instance_frame;
    } else {
        link = walk(f, n.hops);
    }
    const Definition& d = definition(index, link);
    const std::uint32_t instance_args = n.kind == NodeKind::Constant ? 0 : n.count;
    if (d.is_function || !d.body || d.arity() != n.kids.size() - instance_args) {
        if (!unchanged_mode) return walk_condition(n, f, rest);
        if (unchanged(n, f).as_bool()) return walk_rest(rest);
        return reject(n, f);
    }
    enter_call(d.name);
    CallGuard guard{depth_};
    FrameStorage storage(d.frame_size);
    Frame frame{link, storage.data(), 0};
    const std::size_t arity = n.kids.size() - instance_args;
    PendingArgs pending(arity);
    bool any_pending = false;
    for (std::size_t i = 0; i < arity; ++i) {
        const Node& arg = n.kids[instance_args + i];
        if (i >= 64 || arg.kind == NodeKind::Literal || arg.kind == NodeKind::OperatorArg ||
            arg.kind == NodeKind::ExceptAt) {
            storage.data()[i] = eval(arg, f);
        } else {
            pending.data()[i] = &arg;
            any_pending = true;
        }
    }
    if (any_pending) {
        frame.pending = pending.data();
        frame.pending_count = static_cast<std::uint32_t>(arity);
        frame.caller = f;
    }
    action_frames_.push_back(&frame);
    struct Pop {
        std::vector<Frame*>& frames;
        ~Pop() { frames.pop_back(); }
    } pop{action_frames_};
    return unchanged_mode ? walk_unchanged(*d.body, &frame, rest)
                          : walk_node(*d.body, &frame, rest);
}

bool Evaluator::walk_cdot(const Node& n, Frame* f, const Conjunct* rest) {
    const PartialState outer_next = ctx_.next_;
    const std::vector<Value> outer_pre = ctx_.state_;
    std::vector<PartialState> middles;
    ctx_.next_.assign(ctx_.next_.size(), std::nullopt);
    Conjunct collect{Conjunct::Kind::Collect, &n, f, nullptr};
    collect.collected = &middles;
    collect.outer_pre = &outer_pre;
    walk_node(n.kids[0], f, &collect);
    ctx_.next_ = outer_next;
    forget_caches();
    std::vector<std::vector<Value>> seen;
    for (const PartialState& middle : middles) {
        std::vector<Value> inner;
        inner.reserve(middle.size());
        for (const auto& v : middle)
            inner.push_back(*v);
        if (std::find(seen.begin(), seen.end(), inner) != seen.end()) continue;
        seen.push_back(inner);
        ctx_.state_ = inner;
        forget_caches();
        Conjunct restore{Conjunct::Kind::RestorePre, &n, f, rest};
        restore.outer_pre = &outer_pre;
        restore.inner_pre = &inner;
        const bool go_on = walk_node(n.kids[1], f, &restore);
        ctx_.state_ = outer_pre;
        forget_caches();
        if (!go_on) return false;
    }
    return true;
}

bool Evaluator::walk_condition(const Node& n, Frame* f, const Conjunct* rest) {
    if (eval_bool(n, f, "a conjunct of an action")) return walk_rest(rest);
    return reject(n, f);
}

bool Evaluator::reject(const Node& n, Frame* f) {
    ActionWalk& w = *action_walk_;
    FalseConjunct* trace = w.request.trace;
    if (trace == nullptr || (w.recorded && w.conjuncts_held <= trace->conjuncts_before))
        return true;
    w.recorded = true;
    trace->file = n.file < ir_.files.size() ? ir_.files[n.file] : std::string();
    trace->span = n.span;
    trace->conjuncts_before = w.conjuncts_held;
    trace->parts.clear();
    auto value_of = [&](const Node& k, bool primed) {
        const bool saved = primed_;
        primed_ = primed || saved;
        try {
            trace->parts.push_back({k.span, eval(k, f).to_string()});
        } catch (const EvalError&) {
            // An operand that does not evaluate is left out of the trace.
        }
        primed_ = saved;
    };
    if (n.kids.empty()) {
        value_of(n, false);
        value_of(n, true);
    } else if (n.kind != NodeKind::Let && n.kind != NodeKind::Forall &&
               n.kind != NodeKind::Exists) {
        for (const Node& k : n.kids)
            value_of(k, false);
    }
    return true;
}

std::optional<std::uint32_t> Evaluator::assignable_variable(const Node& n, Frame* f) {
    const auto v = action_walk_->request.initial ? variable_of(n, f, 0) : primed_variable(n, f, 0);
    if (v && !ctx_.next_[*v]) return v;
    return std::nullopt;
}

// The expression `n` stands for once zero-argument definitions and pending operator arguments are
// followed (TLC's getVar and getPrimedVar look through both); `f` becomes its frame. Null after
// more than 32 steps.
const Node* Evaluator::unfold(const Node* n, Frame*& f, int& depth) {
    for (; depth <= 32; ++depth) {
        if (n->kind == NodeKind::CallDef) {
            if (!n->kids.empty() || n->count != 0) return n;
            std::uint32_t index = n->index;
            Frame* link = nullptr;
            const Definition& d = definition(index, link);
            if (d.is_function || !d.body || d.arity() != 0) return n;
            n = d.body.get();
            f = nullptr;
        } else if (n->kind == NodeKind::Slot && f != nullptr) {
            Frame* target = walk(f, n->hops);
            if (n->index >= target->pending_count || !target->pending[n->index]) return n;
            n = target->pending[n->index];
            f = target->caller;
        } else {
            return n;
        }
    }
    return nullptr;
}

// `x'`, also through zero-argument definitions and operator arguments (TLC's getPrimedVar).
std::optional<std::uint32_t> Evaluator::primed_variable(const Node& n, Frame* f, int depth) {
    const Node* e = unfold(&n, f, depth);
    if (e == nullptr || e->kind != NodeKind::Prime) return std::nullopt;
    return variable_of(e->kids[0], f, depth + 1);
}

// A state variable, also through zero-argument definitions and operator arguments (TLC's getVar).
std::optional<std::uint32_t> Evaluator::variable_of(const Node& n, Frame* f, int depth) {
    const Node* e = unfold(&n, f, depth);
    if (e == nullptr || e->kind != NodeKind::StateVar) return std::nullopt;
    return e->index;
}

// ---- Splitting the next-state relation (TLC's getActions) ----

void Evaluator::split_action(const Action& whole, std::vector<Action>& out) {
    if (whole.expression == nullptr)
        throw EvalError("internal error: an action without an expression");
    // The pieces are found without a state: only constant-level sets and arguments split.
    ContextRestore restore{ctx_, ctx_.state_, ctx_.next_, ctx_.has_state_};
    ctx_.has_state_ = false;
    ctx_.state_.clear();
    ctx_.next_.clear();
    ActionFrames frames(whole.frames);
    const std::size_t before = split_frames_.size();
    for (std::size_t i = 0; i < frames.frames().size(); ++i)
        split_frames_.emplace_back(&frames.frames()[i],
                                   static_cast<std::uint32_t>(frames.slots(i).size()));
    const Definition* named = nullptr;
    if (!whole.name.empty() && whole.name != kUnnamedAction) {
        for (const Definition& d : ir_.definitions)
            if (d.body.get() == whole.expression) named = &d;
    }
    try {
        split(*whole.expression, frames.innermost(), named, frames.innermost(), out);
    } catch (...) {
        split_frames_.resize(before);
        throw;
    }
    split_frames_.resize(before);
    // A whole action that does not split keeps its own name and parameters.
    if (out.size() == 1 && out[0].expression == whole.expression) {
        out[0].name = whole.name;
        out[0].parameters = whole.parameters;
    }
}

void Evaluator::split(const Node& n, Frame* f, const Definition* named, Frame* named_frame,
                      std::vector<Action>& out) {
    switch (n.kind) {
    case NodeKind::Let:
        if (f != nullptr) f->cached = 0;
        split(n.kids[0], f, named, named_frame, out);
        return;
    case NodeKind::Or:
        for (const Node& k : n.kids)
            split(k, f, named, named_frame, out);
        return;
    case NodeKind::Exists: {
        std::vector<Action> pieces;
        try {
            std::vector<Value> sets = bound_sets(n, f);
            for_each_binding(n, f, sets, 0, [&] {
                split(n.kids[0], f, named, named_frame, pieces);
                return true;
            });
        } catch (const EvalError&) {
            // A state-dependent set: the quantifier stays inside one action, as in TLC.
            add_split_piece(n, f, named, named_frame, out);
            return;
        }
        // \E over an empty set is one action (that never holds), as in TLC.
        if (pieces.empty()) add_split_piece(n, f, named, named_frame, out);
        for (Action& a : pieces)
            out.push_back(std::move(a));
        return;
    }
    case NodeKind::CallDef: {
        if (n.count > 0) break;
        std::uint32_t index = n.index;
        Frame* link = walk(f, n.hops);
        const Definition& d = definition(index, link);
        if (d.is_function || !d.body) break;
        FrameStorage storage(d.frame_size);
        try {
            for (std::size_t i = 0; i < n.kids.size(); ++i)
                storage.data()[i] = eval(n.kids[i], f);
        } catch (const EvalError&) {
            // An argument that depends on the state: the call is one action, named after the
            // operator called (whose parameters have no values here), as TLC names it.
            add_split_piece(n, f, &d, nullptr, out);
            return;
        }
        Frame frame{link, storage.data(), 0};
        split_frames_.emplace_back(&frame, d.frame_size);
        struct Pop {
            std::vector<std::pair<Frame*, std::uint32_t>>& frames;
            ~Pop() { frames.pop_back(); }
        } pop{split_frames_};
        split(*d.body, &frame, &d, &frame, out);
        return;
    }
    default:
        break;
    }
    add_split_piece(n, f, named, named_frame, out);
}

void Evaluator::add_split_piece(const Node& n, Frame* f, const Definition* named,
                                Frame* named_frame, std::vector<Action>& out) {
    Action a;
    a.expression = &n;
    a.name = named != nullptr ? named->name : std::string(kUnnamedAction);
    if (named != nullptr && named_frame != nullptr)
        for (std::size_t i = 0; i < named->arity(); ++i)
            a.parameters.push_back(named_frame->slots[i]);
    for (Frame* fr = f; fr != nullptr; fr = fr->parent) {
        auto it = std::find_if(split_frames_.begin(), split_frames_.end(),
                               [&](const auto& entry) { return entry.first == fr; });
        if (it == split_frames_.end())
            throw EvalError("internal error: an action's frame is not known to the split");
        a.frames.emplace_back(fr->slots, fr->slots + it->second);
    }
    out.push_back(std::move(a));
}

Value Evaluator::enabled(const Node& n, Frame* f) {
    if (!ctx_.has_state_ || primed_)
        fail(n, "ENABLED needs a current state (and cannot be primed).");
    Action action;
    action.name = "ENABLED";
    action.expression = &n.kids[0];
    WalkRequest request;
    request.action = &action;
    request.pre = &ctx_.state_;
    bool found = false;
    request.on_state = [&found](const PartialState&) {
        found = true;
        return false;
    };
    // The walk binds the primed variables afresh; the caller's are restored afterwards.
    ActionWalk* const saved_walk = action_walk_;
    const std::size_t frames_before = action_frames_.size();
    for (Frame* fr = f; fr != nullptr; fr = fr->parent)
        action_frames_.push_back(fr);
    PartialState saved_next;
    saved_next.swap(ctx_.next_);
    ctx_.next_.assign(ir_.variables.size(), std::nullopt);
    ActionWalk walk{request, std::chrono::steady_clock::now() + request.limits.time_budget};
    action_walk_ = &walk;
    auto restore = [&] {
        action_walk_ = saved_walk;
        ctx_.next_.swap(saved_next);
        forget_caches();
        action_frames_.resize(frames_before);
    };
    try {
        walk_node(n.kids[0], f, nullptr);
    } catch (...) {
        restore();
        throw;
    }
    restore();
    return Value::boolean(found);
}

Value Evaluator::value_in_state(const Action& expression, const State& state) {
    if (expression.expression == nullptr)
        throw EvalError("internal error: an expression without a node");
    if (state.size() != ir_.variables.size())
        throw EvalError(fmt::format("The state must give all {} variables.", ir_.variables.size()));
    ContextRestore restore{ctx_, ctx_.state_, ctx_.next_, ctx_.has_state_};
    ctx_.state_ = state;
    ctx_.next_.assign(ir_.variables.size(), std::nullopt);
    ctx_.has_state_ = true;
    ActionFrames frames(expression.frames);
    return eval(*expression.expression, frames.innermost());
}

void walk_action(EvalContext& ctx, const WalkRequest& request) {
    Evaluator evaluator(ctx);
    evaluator.run_action_walk(request);
}

std::vector<Action> split_actions(EvalContext& ctx, const Action& whole) {
    Evaluator evaluator(ctx);
    std::vector<Action> out;
    evaluator.split_action(whole, out);
    return out;
}

Value evaluate_in_state(EvalContext& ctx, const Action& expression, const State& state) {
    Evaluator evaluator(ctx);
    return evaluator.value_in_state(expression, state);
}

} // namespace tlatv::eval
