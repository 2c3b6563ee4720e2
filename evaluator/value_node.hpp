// The heap nodes behind non-inline values. Internal to the value model and the builtins.
#pragma once

#include "evaluator/value.hpp"
#include "evaluator/value_bigint.hpp"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace tlatv::eval::detail {

struct Node {
    mutable std::atomic<std::uint32_t> refs{1};
    // 0 means "not computed yet"; a computed hash of 0 is stored as 1.
    mutable std::atomic<std::size_t> cached_hash{0};
    virtual ~Node() = default;
};

inline void retain(const Node* n) noexcept {
    n->refs.fetch_add(1, std::memory_order_relaxed);
}
inline void release(const Node* n) noexcept {
    if (n->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete n;
}

struct BigIntNode final : Node {
    BigInt value;
    explicit BigIntNode(BigInt v)
        : value(std::move(v)) {}
};

struct StringNode final : Node {
    std::string text;
    explicit StringNode(std::string t)
        : text(std::move(t)) {}
};

struct ModelValueNode final : Node {
    std::string name;
    explicit ModelValueNode(std::string n)
        : name(std::move(n)) {}
};

struct OperatorNode final : Node {
    std::shared_ptr<const Operator> op;
    explicit OperatorNode(std::shared_ptr<const Operator> o)
        : op(std::move(o)) {}
};

// Value flags for Kind::Function.
inline constexpr std::uint8_t kLazyFunctionFlag = 2;

// An eagerly known function. Sequences (domain 1..n) keep only their items; other functions keep
// their domain elements sorted and the images aligned.
struct FunctionNode final : Node {
    bool sequence = false;
    // A sequence built as a function (see Value::built_as_function).
    bool built_as_function = false;
    std::vector<Value> keys; // empty for sequences (see sequence_keys)
    std::vector<Value> vals;
    mutable std::once_flag keys_once;
    mutable std::vector<Value> sequence_keys;
    mutable std::once_flag domain_once;
    mutable Value domain; // the set of keys, built on first DOMAIN
};

struct LazyFunctionNode final : Node {
    Value domain;
    std::shared_ptr<const Operator> body;
    mutable std::once_flag once;
    mutable Value materialized; // the eager function, built on first need
};

struct SetNode : Node {
    SetForm form;
    explicit SetNode(SetForm f)
        : form(f) {}
    mutable std::once_flag enumerate_once;
    mutable std::vector<Value> enumerated; // cache for lazy finite sets
};

struct EnumSetNode final : SetNode {
    // Sorted by compare() and unique; for an unordered set, in the order they were given.
    std::vector<Value> elements;
    // Set when TLC cannot order the elements (`{"None", 1}`): TLC keeps such a set unnormalized,
    // searches it linearly, and fails with this compare error when anything needs its order.
    std::unique_ptr<const std::string> unordered_error;
    EnumSetNode()
        : SetNode(SetForm::Enumerated) {}
};

struct IntervalNode final : SetNode {
    std::int64_t low;
    std::int64_t high; // low > high means empty (kept as given for printing)
    IntervalNode(std::int64_t l, std::int64_t h)
        : SetNode(SetForm::Interval)
        , low(l)
        , high(h) {}
};

// Every other lazy set: the meaning of the members depends on `form`.
//   Subset, Union, SeqSet: a = base.   FunctionSet: a = domain, b = range.
//   Product: parts = factors.           RecordSet: fields + parts (aligned, sorted by field).
//   Filter: a = base, predicate.        Nat, Int, String, Any: nothing.
struct LazySetNode final : SetNode {
    Value a;
    Value b;
    std::vector<Value> parts;
    std::vector<std::string> fields;
    std::shared_ptr<const Operator> predicate;
    explicit LazySetNode(SetForm f)
        : SetNode(f) {}
};

template <typename T>
const T& node_as(const Value& v) {
    return static_cast<const T&>(*v.node());
}

} // namespace tlatv::eval::detail
