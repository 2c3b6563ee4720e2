// The value handle, the scalar kinds and functions. Sets live in value_set.cpp, the order and
// equality in value_order.cpp, printing in value_print.cpp.
#include "evaluator/value.hpp"
#include "evaluator/value_internal.hpp"
#include "evaluator/value_node.hpp"

#include <algorithm>
#include <charconv>

namespace tlatv::eval {

using namespace detail;

// ---- Handle mechanics ----

Value::Value(const Value& other) noexcept
    : kind_(other.kind_)
    , flags_(other.flags_) {
    int_ = other.int_;
    if (has_node()) retain(node_);
}

Value::Value(Value&& other) noexcept
    : kind_(other.kind_)
    , flags_(other.flags_) {
    int_ = other.int_;
    other.kind_ = Kind::Bool;
    other.flags_ = 0;
    other.int_ = 0;
}

Value& Value::operator=(const Value& other) noexcept {
    if (this != &other) {
        Value copy(other);
        *this = std::move(copy);
    }
    return *this;
}

Value& Value::operator=(Value&& other) noexcept {
    if (this != &other) {
        if (has_node()) release(node_);
        kind_ = other.kind_;
        flags_ = other.flags_;
        int_ = other.int_;
        other.kind_ = Kind::Bool;
        other.flags_ = 0;
        other.int_ = 0;
    }
    return *this;
}

Value::~Value() {
    if (has_node()) release(node_);
}

// ---- Scalars ----

Value Value::boolean(bool b) noexcept {
    Value v;
    v.int_ = 0;
    v.bool_ = b;
    return v;
}

Value Value::integer(std::int64_t i) noexcept {
    Value v;
    v.kind_ = Kind::Int;
    v.int_ = i;
    return v;
}

Value big_integer(const BigInt& i) {
    if (i >= std::numeric_limits<std::int64_t>::min() &&
        i <= std::numeric_limits<std::int64_t>::max())
        return Value::integer(static_cast<std::int64_t>(i));
    return Value(Kind::Int, 1, new BigIntNode(i));
}

BigInt to_big_int(const Value& v) {
    if (!v.is_int()) fail("Expected an integer, but instead got: {}", brief(v));
    if (v.is_big_int()) return node_as<BigIntNode>(v).value;
    return BigInt(v.as_int_unchecked());
}

Value Value::integer_from_decimal(std::string_view digits) {
    std::string_view magnitude = digits;
    bool negative = false;
    if (!magnitude.empty() && magnitude.front() == '-') {
        negative = true;
        magnitude.remove_prefix(1);
    }
    if (magnitude.empty() || !std::all_of(magnitude.begin(), magnitude.end(),
                                          [](char c) { return c >= '0' && c <= '9'; }))
        fail("Not a decimal integer: {}", digits);
    std::int64_t small = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), small);
    if (ec == std::errc() && end == digits.data() + digits.size()) return integer(small);
    // Boost reads digits with a leading zero as octal: drop the zeros (keeping one for zero).
    magnitude.remove_prefix(std::min(magnitude.find_first_not_of('0'), magnitude.size() - 1));
    BigInt big{std::string(magnitude)};
    return big_integer(negative ? BigInt(-big) : big);
}

Value Value::string(std::string_view s) {
    return Value(Kind::String, 0, new StringNode(std::string(s)));
}

Value Value::model_value(std::string_view name) {
    return Value(Kind::ModelValue, 0, new ModelValueNode(std::string(name)));
}

Value Value::op(std::shared_ptr<const Operator> op) {
    if (!op) fail("Internal error: null operator");
    return Value(Kind::Operator, 0, new OperatorNode(std::move(op)));
}

bool Value::is_big_int() const noexcept {
    return kind_ == Kind::Int && (flags_ & 1u);
}

bool Value::as_bool() const {
    if (kind_ != Kind::Bool)
        fail("A non-boolean expression ({}) was used as a condition", brief(*this));
    return bool_;
}

std::int64_t Value::as_int() const {
    if (kind_ != Kind::Int) fail("Expected an integer, but instead got: {}", brief(*this));
    if (is_big_int()) fail("The integer {} is too large for this operation", brief(*this));
    return int_;
}

std::string_view Value::as_string() const {
    if (kind_ != Kind::String) fail("Expected a string, but instead got: {}", brief(*this));
    return node_as<StringNode>(*this).text;
}

std::string_view Value::model_value_name() const {
    if (kind_ != Kind::ModelValue)
        fail("Expected a model value, but instead got: {}", brief(*this));
    return node_as<ModelValueNode>(*this).name;
}

const Operator& Value::as_operator() const {
    if (kind_ != Kind::Operator) fail("Expected an operator, but instead got: {}", brief(*this));
    return *node_as<OperatorNode>(*this).op;
}

std::shared_ptr<const Operator> Value::operator_ptr() const {
    if (kind_ != Kind::Operator) fail("Expected an operator, but instead got: {}", brief(*this));
    return node_as<OperatorNode>(*this).op;
}

// ---- Functions ----

namespace {

Value make_sequence(std::vector<Value> items, bool built_as_function = false) {
    auto* n = new FunctionNode;
    n->sequence = true;
    n->built_as_function = built_as_function;
    n->vals = std::move(items);
    return Value(Kind::Function, 0, n);
}

// Builds a function from keys already sorted and unique, choosing the sequence form when the
// keys are exactly 1..n.
Value make_function(std::vector<Value> keys, std::vector<Value> vals) {
    bool is_one_to_n = true;
    for (std::size_t i = 0; i < keys.size() && is_one_to_n; ++i)
        is_one_to_n = keys[i].is_int() && !keys[i].is_big_int() &&
                      keys[i].as_int_unchecked() == static_cast<std::int64_t>(i + 1);
    if (is_one_to_n) return make_sequence(std::move(vals), true);
    auto* n = new FunctionNode;
    n->keys = std::move(keys);
    n->vals = std::move(vals);
    return Value(Kind::Function, 0, n);
}

const FunctionNode& function_node(const Value& f) {
    if (!f.is_function()) fail("Expected a function, but instead got: {}", brief(f));
    if (f.flags() & kLazyFunctionFlag) {
        const auto& lazy = node_as<LazyFunctionNode>(f);
        std::call_once(lazy.once, [&] {
            if (!lazy.domain.is_finite_set())
                fail("Attempted to enumerate the function on the infinite domain {}",
                     brief(lazy.domain));
            std::vector<Value> vals;
            for (const Value& x : lazy.domain.enumerate()) {
                const Value arg[1] = {x};
                vals.push_back(lazy.body->call(arg));
            }
            lazy.materialized = Value::function(lazy.domain, std::move(vals));
        });
        return node_as<FunctionNode>(lazy.materialized);
    }
    return node_as<FunctionNode>(f);
}

bool both_strings_sorted_unique(const std::vector<std::pair<std::string, Value>>& fields) {
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (!(fields[i - 1].first < fields[i].first)) return false;
    return true;
}

} // namespace

Value Value::tuple(std::vector<Value> items) {
    return make_sequence(std::move(items));
}

Value Value::record(std::vector<std::pair<std::string, Value>> fields) {
    if (!both_strings_sorted_unique(fields)) {
        std::sort(fields.begin(), fields.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        for (std::size_t i = 1; i < fields.size(); ++i)
            if (fields[i - 1].first == fields[i].first)
                fail("The field {} appears twice in a record", fields[i].first);
    }
    if (fields.empty()) return make_sequence({});
    std::vector<Value> keys;
    std::vector<Value> vals;
    keys.reserve(fields.size());
    vals.reserve(fields.size());
    for (auto& [name, v] : fields) {
        keys.push_back(Value::string(name));
        vals.push_back(std::move(v));
    }
    auto* n = new FunctionNode;
    n->keys = std::move(keys);
    n->vals = std::move(vals);
    return Value(Kind::Function, 0, n);
}

Value Value::function(const Value& domain, std::vector<Value> values) {
    if (!domain.is_set()) fail("The domain of a function must be a set, not {}", brief(domain));
    if (domain.set_form() == SetForm::Interval) {
        std::int64_t low = domain.interval_low(), high = domain.interval_high();
        std::size_t n = low > high ? 0 : static_cast<std::size_t>(high - low + 1);
        if (n != values.size()) fail("Internal error: function domain and values differ in size");
        if (low == 1 || n == 0) return make_sequence(std::move(values), true);
    }
    auto keys = domain.enumerate();
    if (keys.size() != values.size())
        fail("Internal error: function domain and values differ in size");
    return make_function(std::vector<Value>(keys.begin(), keys.end()), std::move(values));
}

Value Value::function_from_pairs(std::vector<std::pair<Value, Value>> pairs) {
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& x, const auto& y) { return compare(x.first, y.first) < 0; });
    std::vector<Value> keys;
    std::vector<Value> vals;
    keys.reserve(pairs.size());
    vals.reserve(pairs.size());
    for (auto& [k, v] : pairs) {
        if (!keys.empty() && compare(keys.back(), k) == 0)
            fail("The argument {} appears twice in a function", brief(k));
        keys.push_back(std::move(k));
        vals.push_back(std::move(v));
    }
    return make_function(std::move(keys), std::move(vals));
}

Value Value::lazy_function(const Value& domain, std::shared_ptr<const Operator> body) {
    if (!domain.is_set()) fail("The domain of a function must be a set, not {}", brief(domain));
    if (!body) fail("Internal error: null function body");
    auto* n = new LazyFunctionNode;
    n->domain = domain;
    n->body = std::move(body);
    return Value(Kind::Function, kLazyFunctionFlag, n);
}

bool Value::is_lazy_function() const noexcept {
    return kind_ == Kind::Function && (flags_ & kLazyFunctionFlag);
}

namespace {

// The eager form of a function: itself, or for a lazy function on a finite domain its
// materialization; nullptr for a lazy function on an infinite domain or whose images fail.
const FunctionNode* eager_node(const Value& f) noexcept {
    if (!(f.flags() & kLazyFunctionFlag)) return &node_as<FunctionNode>(f);
    try {
        if (!node_as<LazyFunctionNode>(f).domain.is_finite_set()) return nullptr;
        return &function_node(f);
    } catch (const EvalError&) {
        return nullptr;
    }
}

} // namespace

bool Value::is_sequence() const noexcept {
    if (kind_ != Kind::Function) return false;
    const FunctionNode* n = eager_node(*this);
    return n && n->sequence;
}

bool Value::built_as_function() const noexcept {
    if (kind_ != Kind::Function) return false;
    const FunctionNode* n = eager_node(*this);
    return n && n->sequence && n->built_as_function;
}

bool Value::is_record() const noexcept {
    if (kind_ != Kind::Function) return false;
    const FunctionNode* n = eager_node(*this);
    return n && !n->sequence && !n->keys.empty() && n->keys.front().is_string() &&
           n->keys.back().is_string();
}

Value Value::domain() const {
    if (kind_ != Kind::Function)
        fail("Attempted to compute the domain of the non-function {}", brief(*this));
    if (flags_ & kLazyFunctionFlag) return node_as<LazyFunctionNode>(*this).domain;
    const auto& n = node_as<FunctionNode>(*this);
    if (n.sequence)
        return n.vals.empty() ? empty_set() : interval(1, static_cast<std::int64_t>(n.vals.size()));
    std::call_once(n.domain_once, [&] { n.domain = set_from_sorted(n.keys); });
    return n.domain;
}

std::size_t Value::size() const {
    switch (kind_) {
    case Kind::Function:
        return function_node(*this).vals.size();
    case Kind::Set:
        return static_cast<std::size_t>(cardinality());
    case Kind::String:
        return as_string().size();
    default:
        fail("Attempted to compute the size of {}", brief(*this));
    }
}

const Value* Value::find(const Value& arg) const {
    const auto& n = function_node(*this);
    if (n.sequence) {
        if (!arg.is_int() || arg.is_big_int()) return nullptr;
        std::int64_t i = arg.as_int_unchecked();
        if (i < 1 || static_cast<std::size_t>(i) > n.vals.size()) return nullptr;
        return &n.vals[static_cast<std::size_t>(i - 1)];
    }
    auto it = std::lower_bound(n.keys.begin(), n.keys.end(), arg,
                               [](const Value& k, const Value& a) { return compare(k, a) < 0; });
    if (it == n.keys.end() || compare(*it, arg) != 0) return nullptr;
    return &n.vals[static_cast<std::size_t>(it - n.keys.begin())];
}

Value Value::apply(const Value& arg) const {
    if (kind_ != Kind::Function)
        fail("Attempted to apply the non-function {} to an argument", brief(*this));
    if (flags_ & kLazyFunctionFlag) {
        const auto& lazy = node_as<LazyFunctionNode>(*this);
        if (!lazy.domain.contains(arg))
            fail("Attempted to apply function to an argument not in its domain: {}", brief(arg));
        const Value args[1] = {arg};
        return lazy.body->call(args);
    }
    const auto& n = node_as<FunctionNode>(*this);
    if (n.sequence) {
        if (!arg.is_int())
            fail("Attempted to access tuple at a non integral index: {}", brief(arg));
        if (const Value* v = find(arg)) return *v;
        fail("Attempted to access index {} of tuple {} which is out of bounds.", brief(arg),
             brief(*this));
    }
    if (is_record()) {
        if (!arg.is_string())
            fail("Attempted to access record by a non-string argument: {}", brief(arg));
        if (const Value* v = find(arg)) return *v;
        fail("Attempted to access nonexistent field '{}' of record {}", arg.as_string(),
             brief(*this));
    }
    if (const Value* v = find(arg)) return *v;
    fail("Attempted to apply function to an argument not in its domain: {}[{}]", brief(*this),
         brief(arg));
}

std::span<const Value> Value::items() const {
    const auto& n = function_node(*this);
    if (!n.sequence) fail("Expected a sequence, but instead got: {}", brief(*this));
    return n.vals;
}

std::span<const Value> Value::keys() const {
    const auto& n = function_node(*this);
    if (!n.sequence) return n.keys;
    std::call_once(n.keys_once, [&] {
        n.sequence_keys.reserve(n.vals.size());
        for (std::size_t i = 1; i <= n.vals.size(); ++i)
            n.sequence_keys.push_back(integer(static_cast<std::int64_t>(i)));
    });
    return n.sequence_keys;
}

std::span<const Value> Value::values() const {
    return function_node(*this).vals;
}

const Value* Value::field(std::string_view name) const {
    if (!is_record()) return nullptr;
    const auto& n = node_as<FunctionNode>(*this);
    auto it =
        std::lower_bound(n.keys.begin(), n.keys.end(), name,
                         [](const Value& k, std::string_view s) { return k.as_string() < s; });
    if (it == n.keys.end() || it->as_string() != name) return nullptr;
    return &n.vals[static_cast<std::size_t>(it - n.keys.begin())];
}

namespace {

// The images of a lazy function with one argument replaced (EXCEPT on an infinite domain).
class OverriddenImage final : public Operator {
public:
    OverriddenImage(Value arg, Value image, std::shared_ptr<const Operator> rest)
        : arg_(std::move(arg))
        , image_(std::move(image))
        , rest_(std::move(rest)) {}
    Value call(std::span<const Value> args) const override {
        return args[0] == arg_ ? image_ : rest_->call(args);
    }
    std::size_t arity() const override { return 1; }
    std::string name() const override { return rest_->name(); }

private:
    Value arg_;
    Value image_;
    std::shared_ptr<const Operator> rest_;
};

} // namespace

Value Value::with_updated(const Value& arg, Value v) const {
    if (is_lazy_function()) {
        const auto& lazy = node_as<LazyFunctionNode>(*this);
        if (!lazy.domain.is_finite_set()) {
            if (!lazy.domain.contains(arg))
                fail("Attempted to update function {} at an argument not in its domain: {}",
                     brief(*this), brief(arg));
            return lazy_function(lazy.domain,
                                 std::make_shared<OverriddenImage>(arg, std::move(v), lazy.body));
        }
    }
    const auto& n = function_node(*this);
    const Value* slot = find(arg);
    if (!slot)
        fail("Attempted to update function {} at an argument not in its domain: {}", brief(*this),
             brief(arg));
    auto* copy = new FunctionNode;
    copy->sequence = n.sequence;
    copy->built_as_function = n.built_as_function;
    copy->keys = n.keys;
    copy->vals = n.vals;
    copy->vals[static_cast<std::size_t>(slot - n.vals.data())] = std::move(v);
    return Value(Kind::Function, 0, copy);
}

std::string_view kind_name(const Value& v) {
    switch (v.kind()) {
    case Kind::Bool:
        return "boolean";
    case Kind::Int:
        return "integer";
    case Kind::String:
        return "string";
    case Kind::ModelValue:
        return "model value";
    case Kind::Set:
        return "set";
    case Kind::Function:
        return v.is_sequence() ? "sequence" : v.is_record() ? "record" : "function";
    case Kind::Operator:
        return "operator";
    }
    return "value";
}

std::string brief(const Value& v) {
    constexpr std::size_t kLimit = 300;
    std::string s = v.to_string();
    if (s.size() > kLimit) {
        s.resize(kLimit);
        s += "...";
    }
    return s;
}

} // namespace tlatv::eval
