// TLA+ values: one canonical, immutable representation shared read-only across threads.
//
// A `Value` is a 16-byte handle: a kind, and either an inline payload (booleans, 64-bit integers)
// or a pointer to an immutable heap node with an atomic intrusive reference count. Every node
// caches its hash. Equal TLA+ values have one spelling by construction:
//   * tuples, sequences and records ARE functions: `<<1, 2>>` is the function on 1..2 and
//     `[a |-> 1]` the function on {"a"}. Functions whose domain is 1..n (including the empty
//     function) are stored as sequences, with O(1) indexing.
//   * finite sets are sorted by the total order `compare()` and free of duplicates. Intervals and
//     other lazy sets keep a symbolic form (for membership and printing) and enumerate on demand.
//
// TLC semantics (see shared/oracle/expr/README.md): comparing values of different kinds is an
// error (`1 = "a"`, `{1, "a"}`, `<<>> = {}`), except that a model value is unequal to everything
// but itself. All such errors are `EvalError`s.
#pragma once

#include "evaluator/eval_error.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace tlatv::eval {

class Value;

// ---- Evaluation options shared by the value model and the builtins ----

enum class IntMode : std::uint8_t {
    // TLC's integers: results outside [-2^31, 2^31 - 1] are an overflow error. This mode also
    // applies TLC's other limits (a set union of more than 10^6 elements is an error).
    Tlc32,
    Exact, // 64-bit integers that grow into exact big integers instead of overflowing
};

struct EvalOptions {
    IntMode int_mode = IntMode::Tlc32;
    // Receives the values passed to TLC!Print / PrintT. The library itself never prints; when no
    // sink is set, the values are dropped.
    std::function<void(const Value&)> print_sink;
};

// ---- Kinds ----

enum class Kind : std::uint8_t {
    Bool,
    Int, // int64 inline, or an exact big integer (see value_bigint.hpp)
    String,
    ModelValue, // a name; equal only to itself
    Set,        // finite or lazy, see SetForm
    Function,   // includes tuples, sequences and records
    Operator,   // a closure passed as an operator argument (LAMBDA, operator names)
};

// How a set value is held. Only `Enumerated` stores its elements; the others answer membership
// symbolically and enumerate on demand when finite.
enum class SetForm : std::uint8_t {
    Enumerated,  // sorted, unique elements
    Interval,    // a..b
    Nat,         // Nat
    Int,         // Int
    String,      // STRING
    Subset,      // SUBSET S
    Union,       // UNION S
    FunctionSet, // [S -> T]
    RecordSet,   // [a : S, b : T]
    Product,     // S1 \X S2 \X ...
    SeqSet,      // Seq(S)
    Filter,      // {x \in S : P(x)}
    Any,         // TLC!Any: contains every value, prints as ANY
    Cup,         // S \cup T with an infinite operand
    Cap,         // S \cap T with two infinite operands
    Diff,        // S \ T with S infinite
};

// ---- Operators passed as values ----

// An operator argument, e.g. `LAMBDA x : x + 1` or the name of a user operator passed to a
// higher-order operator. The evaluator implements it; builtins such as FoldSet or SelectSeq call
// back through it. `call` may throw EvalError.
class Operator {
public:
    virtual ~Operator() = default;
    virtual Value call(std::span<const Value> args) const = 0;
    virtual std::size_t arity() const = 0;
    // For messages and printing, e.g. "LAMBDA" or the operator's name.
    virtual std::string name() const = 0;
    // TLC gives number and string literals their values up front, and looking up a LAMBDA or
    // definition whose whole body is such a literal yields that value: an operator TLC
    // implements in Java receives the number or string instead of an operator (and refuses it).
    // The literal, or nullptr for any other operator.
    virtual const Value* literal_body() const { return nullptr; }
};

namespace detail {
struct Node; // the reference-counted heap node behind non-inline values (value_node.hpp)
}

class Value {
public:
    // The default value is FALSE (so that containers of values can be resized).
    Value() noexcept
        : kind_(Kind::Bool)
        , flags_(0)
        , int_(0) {}
    Value(const Value& other) noexcept;
    Value(Value&& other) noexcept;
    Value& operator=(const Value& other) noexcept;
    Value& operator=(Value&& other) noexcept;
    ~Value();

    // ---- Construction ----
    static Value boolean(bool b) noexcept;
    static Value integer(std::int64_t i) noexcept;
    // Parses a decimal numeral, possibly with a leading '-'; big values become big integers.
    // Throws EvalError on malformed text. (Checking TLC's 2^31 literal limit is the caller's job.)
    static Value integer_from_decimal(std::string_view digits);
    static Value string(std::string_view s);
    static Value model_value(std::string_view name);

    // The function <<items...>> on 1..n.
    static Value tuple(std::vector<Value> items);
    // The function on the field names; fields may come in any order, duplicates are an error.
    static Value record(std::vector<std::pair<std::string, Value>> fields);
    // A function on an explicit finite domain; `values[i]` is the image of the i-th element of
    // `domain` in its canonical (enumeration) order. Throws if the sizes differ or the domain is
    // infinite.
    static Value function(const Value& domain, std::vector<Value> values);
    // A function from parallel key/value lists in any order; duplicate keys are an error.
    static Value function_from_pairs(std::vector<std::pair<Value, Value>> pairs);
    // A function on a possibly infinite domain (e.g. `f[n \in Nat] == ...`) whose images are
    // computed on application by `body` (one argument). Application checks membership in the
    // domain first. Comparing or printing it enumerates the domain, an error when infinite.
    static Value lazy_function(const Value& domain, std::shared_ptr<const Operator> body);

    // A finite set; sorts and deduplicates. When TLC cannot order the elements (kinds it cannot
    // compare, e.g. `{"None", 1}`), the set is kept unordered, as TLC keeps such a set
    // unnormalized: membership searches it in the given order with TLC's equality (so
    // `"None" \in {"None", 1}` is TRUE and `1 \in {"None", 1}` an error), and whatever needs its
    // order (enumeration, cardinality, equality, printing) fails with TLC's compare error.
    static Value set(std::vector<Value> elements);
    static Value empty_set();
    static Value interval(std::int64_t low, std::int64_t high); // empty when low > high
    static Value nat();
    static Value int_set();
    static Value string_set();
    static Value boolean_set(); // {FALSE, TRUE}
    static Value any();
    static Value subset(const Value& base);
    static Value union_of(const Value& set_of_sets);
    static Value function_set(const Value& domain, const Value& range);
    // [f1 : S1, f2 : S2]; fields in any order, duplicates are an error.
    static Value record_set(std::vector<std::pair<std::string, Value>> fields);
    static Value product(std::vector<Value> factors); // S1 \X ... \X Sn, n >= 1
    static Value seq_set(const Value& base);
    // {x \in base : predicate(x)}; predicate is a one-argument operator returning a boolean.
    static Value filter(const Value& base, std::shared_ptr<const Operator> predicate);
    // Set algebra that stays symbolic when an operand is infinite (TLC's SetCup/SetCap/SetDiff);
    // on finite operands these compute the enumerated result.
    static Value set_union(const Value& a, const Value& b);
    static Value set_intersection(const Value& a, const Value& b);
    static Value set_difference(const Value& a, const Value& b);
    // S \cup T kept symbolic without checking the operands, as TLC's SetCupValue: an operand that
    // is not a set is an error only when the union is used (membership tests S first, then T).
    static Value symbolic_union(const Value& a, const Value& b);
    static Value op(std::shared_ptr<const Operator> op);

    // ---- Inspection ----
    Kind kind() const noexcept { return kind_; }
    bool is_bool() const noexcept { return kind_ == Kind::Bool; }
    bool is_int() const noexcept { return kind_ == Kind::Int; }
    bool is_string() const noexcept { return kind_ == Kind::String; }
    bool is_model_value() const noexcept { return kind_ == Kind::ModelValue; }
    bool is_set() const noexcept { return kind_ == Kind::Set; }
    bool is_function() const noexcept { return kind_ == Kind::Function; }
    bool is_operator() const noexcept { return kind_ == Kind::Operator; }
    bool is_big_int() const noexcept; // an Int that does not fit in int64
    // A function whose domain is 1..n, n >= 0 (tuples, sequences, <<>>). A lazy function on a
    // finite domain answers as its materialization, one on an infinite domain answers false.
    bool is_sequence() const noexcept;
    // A function whose domain is a non-empty set of strings (same rule for lazy functions).
    bool is_record() const noexcept;
    // A sequence built as a function (`1 :> 2`, `[i \in 1..2 |-> e]`, Value::function) rather
    // than as a tuple (`<<2>>`, Append, Value::tuple). The same value, equal and printed alike;
    // TLC keeps the two apart (FcnRcdValue, TupleValue) and its Json module's ToJsonObject writes
    // them differently.
    bool built_as_function() const noexcept;
    // A function made by lazy_function (materialized or not).
    bool is_lazy_function() const noexcept;

    // Accessors throw EvalError when the value is of another kind ("Attempted to ...").
    bool as_bool() const;
    std::int64_t as_int() const; // throws for big integers too
    // Precondition: is_int() && !is_big_int().
    std::int64_t as_int_unchecked() const noexcept { return int_; }
    std::string_view as_string() const;
    std::string_view model_value_name() const;
    const Operator& as_operator() const;
    std::shared_ptr<const Operator> operator_ptr() const;

    // ---- Sets ----
    SetForm set_form() const; // throws unless a set
    // True when the set is finite (intervals, enumerated sets, SUBSET of finite, ...).
    bool is_finite_set() const;
    // An enumerated set whose elements TLC cannot order (see set()). False for other values.
    bool is_unordered_set() const noexcept;
    // The elements in TLC's iteration order without ordering them: for an unordered set, the
    // order it was built in (duplicates kept); for any other set, enumerate().
    std::span<const Value> elements_in_tlc_order() const;
    // Membership, answered without enumerating where possible. Throws EvalError where TLC does
    // (e.g. 1 \in STRING, "a" \in Nat, <<1, 2>> \in Seq(Seq(Nat))). Throws unless a set.
    bool contains(const Value& element) const;
    // The elements of a finite set in canonical order. Lazy sets are enumerated once and the
    // result cached; infinite sets throw EvalError.
    std::span<const Value> enumerate() const;
    // Calls fn on each element in canonical order without caching; fn returns false to stop.
    // Useful for large intervals. Infinite sets throw.
    void for_each_element(const std::function<bool(const Value&)>& fn) const;
    // Cardinality of a finite set; throws for infinite sets. Sizes beyond int64 throw.
    std::int64_t cardinality() const;
    // The same set as an Enumerated set (a no-op for enumerated sets).
    Value normalized() const;
    // For intervals: the bounds.
    std::int64_t interval_low() const;
    std::int64_t interval_high() const;
    // For SUBSET / UNION / Seq / Filter: the base set; for Filter the predicate. For Cup, Cap and
    // Diff: the left operand here and the right one in function_set_range().
    const Value& base_set() const;
    std::shared_ptr<const Operator> filter_predicate() const;
    // For [S -> T]: domain S and range T. For products: the factors. For record sets: fields.
    const Value& function_set_domain() const;
    const Value& function_set_range() const;
    std::span<const Value> product_factors() const;
    std::span<const std::string> record_set_fields() const; // sorted by name
    std::span<const Value> record_set_field_sets() const;   // aligned with the fields

    // ---- Functions (incl. tuples, sequences, records) ----
    // The domain as a set value (an interval 1..n for sequences).
    Value domain() const;
    // Functions: number of elements of the domain. Also finite sets (cardinality), strings (bytes).
    std::size_t size() const;
    // Function application. Out-of-domain arguments throw "Attempted to apply function ...".
    Value apply(const Value& arg) const;
    // Application that reports absence instead of throwing; nullptr when not in the domain.
    const Value* find(const Value& arg) const;
    // Sequences: the items in order (index i holds s[i + 1]).
    std::span<const Value> items() const;
    // Any function: the domain elements in canonical order and the aligned images. For
    // sequences, keys() materializes 1..n once and caches it.
    std::span<const Value> keys() const;
    std::span<const Value> values() const;
    // Records: the field value for a name, or nullptr.
    const Value* field(std::string_view name) const;
    // A copy of this function with f[arg] = v (arg must be in the domain; else throws). A lazy
    // function on an infinite domain stays lazy.
    Value with_updated(const Value& arg, Value v) const;

    // ---- Equality, order, hashing, printing ----
    // Structural identity: never throws, values of different kinds are simply not identical.
    // Finite lazy sets are compared with their enumerated forms. For hash containers.
    friend bool operator==(const Value& a, const Value& b);
    std::size_t hash() const;

    std::string to_string() const; // TLC's printed form

    // Internal: access to the node (value_node.hpp); nullptr for inline values.
    const detail::Node* node() const noexcept { return has_node() ? node_ : nullptr; }
    explicit Value(Kind kind, std::uint8_t flags, detail::Node* adopted) noexcept
        : kind_(kind)
        , flags_(flags)
        , node_(adopted) {}
    std::uint8_t flags() const noexcept { return flags_; }

private:
    Kind kind_;
    std::uint8_t flags_; // Int: 1 = big integer (node_ valid)
    union {
        bool bool_;
        std::int64_t int_;
        detail::Node* node_;
    };
    bool has_node() const noexcept { return kind_ >= Kind::String || (flags_ & 1u); }
};

// TLA+ `=`: TLC's equality. Throws EvalError when TLC does (comparing an integer with a string,
// a set with a function, an infinite set with another set it cannot decide, ...). A model value
// is unequal to any other value without error.
bool equals(const Value& a, const Value& b);

// TLC's total order on comparable values: integers ascending, FALSE < TRUE, strings by bytes,
// sets / functions first by size and then element by element. Negative, zero or positive.
// Throws EvalError on values TLC cannot compare (different kinds, infinite sets, operators).
int compare(const Value& a, const Value& b);

struct ValueHash {
    std::size_t operator()(const Value& v) const { return v.hash(); }
};

// Throws TLC's compare error when `v` holds, at any depth, a set whose elements TLC cannot order
// (see Value::set): TLC orders every set of a value it prints or stores, so such a value is an
// error there. No effect on other values.
void require_ordered(const Value& v);

// Short description of a value's kind for messages: "integer", "string", "set", ...
std::string_view kind_name(const Value& v);

} // namespace tlatv::eval

template <>
struct fmt::formatter<tlatv::eval::Value> : fmt::formatter<std::string_view> {
    template <typename FormatContext>
    auto format(const tlatv::eval::Value& v, FormatContext& ctx) const {
        return fmt::formatter<std::string_view>::format(v.to_string(), ctx);
    }
};

template <>
struct std::hash<tlatv::eval::Value> {
    std::size_t operator()(const tlatv::eval::Value& v) const { return v.hash(); }
};
