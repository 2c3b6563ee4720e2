// Sequences: Seq, Len, \o, Append, Head, Tail, SubSeq, SelectSeq. As in TLC, Len, \o, Tail and
// SubSeq also accept strings; Head and Append do not.
#include "evaluator/builtins/support.hpp"

namespace tlatv::eval::builtins {

namespace {

bool is_sequence(const Value& v) {
    return v.is_function() && v.is_sequence();
}

Value seq(Args a, const EvalOptions&) {
    if (!a[0].is_set()) bad_argument("Seq", 0, "a set", a[0]);
    return Value::seq_set(a[0]);
}

Value len(Args a, const EvalOptions& o) {
    if (a[0].is_string()) return count_value(static_cast<std::int64_t>(a[0].as_string().size()), o);
    if (!is_sequence(a[0]))
        fail("The argument of Len should be a sequence, but instead it is: {}", brief(a[0]));
    return count_value(static_cast<std::int64_t>(a[0].size()), o);
}

Value concat(Args a, const EvalOptions&) {
    if (!a[0].is_string() && !is_sequence(a[0]))
        fail("Evaluating an expression of the form s \\o t when s is not a sequence: {}",
             brief(a[0]));
    if (a[0].is_string()) {
        if (!a[1].is_string())
            fail("Evaluating an expression of the form t \\o s when s is not a sequence: {}",
                 brief(a[1]));
        return Value::string(std::string(a[0].as_string()) + std::string(a[1].as_string()));
    }
    if (!is_sequence(a[1]))
        fail("Evaluating an expression of the form t \\o s when s is not a sequence: {}",
             brief(a[1]));
    if (a[1].size() == 0) return a[0];
    if (a[0].size() == 0) return a[1];
    std::vector<Value> items(a[0].items().begin(), a[0].items().end());
    items.insert(items.end(), a[1].items().begin(), a[1].items().end());
    return Value::tuple(std::move(items));
}

Value append(Args a, const EvalOptions&) {
    if (!is_sequence(a[0]))
        fail("Evaluating an expression of the form Append(s, v) when s is not a sequence: {}",
             brief(a[0]));
    std::vector<Value> items(a[0].items().begin(), a[0].items().end());
    items.push_back(a[1]);
    return Value::tuple(std::move(items));
}

Value head(Args a, const EvalOptions&) {
    if (!is_sequence(a[0]))
        fail("The argument of Head should be a sequence, but instead it is: {}", brief(a[0]));
    if (a[0].size() == 0) fail("Attempted to apply Head to the empty sequence.");
    return a[0].items()[0];
}

Value tail(Args a, const EvalOptions&) {
    if (a[0].is_string()) {
        if (a[0].as_string().empty()) fail("Attempted to apply Tail to the empty sequence.");
        return Value::string(a[0].as_string().substr(1));
    }
    if (!is_sequence(a[0]))
        fail("The argument of Tail should be a sequence, but instead it is: {}", brief(a[0]));
    auto items = a[0].items();
    if (items.empty()) fail("Attempted to apply Tail to the empty sequence.");
    return Value::tuple(std::vector<Value>(items.begin() + 1, items.end()));
}

Value subseq(Args a, const EvalOptions&) {
    const Value& s = a[0];
    if (!s.is_string() && !is_sequence(s)) bad_argument("SubSeq", 0, "a sequence", s);
    std::int64_t m = small_int_arg("SubSeq", a, 1);
    std::int64_t n = small_int_arg("SubSeq", a, 2);
    std::int64_t length = static_cast<std::int64_t>(s.size());
    if (m > n) return s.is_string() ? Value::string("") : Value::tuple({});
    if (m < 1 || m > length)
        fail("The second argument of SubSeq must be in the domain of its first argument: {} , "
             "but instead it is {}",
             brief(s), m);
    if (n < 1 || n > length)
        fail("The third argument of SubSeq must be in the domain of its first argument: {} , "
             "but instead it is {}",
             brief(s), n);
    if (s.is_string())
        return Value::string(s.as_string().substr(static_cast<std::size_t>(m - 1),
                                                  static_cast<std::size_t>(n - m + 1)));
    auto items = s.items();
    return Value::tuple(std::vector<Value>(items.begin() + (m - 1), items.begin() + n));
}

Value selectseq(Args a, const EvalOptions&) {
    if (!is_sequence(a[0])) bad_argument("SelectSeq", 0, "a sequence", a[0]);
    // TLC (Java) returns an empty sequence before looking at the operator.
    if (a[0].size() == 0) return a[0];
    const Value& test = java_operator_arg("SelectSeq", a, 1, 1);
    std::vector<Value> kept;
    for (const Value& x : a[0].items()) {
        Value r = call(test, {x});
        if (!r.is_bool())
            fail("The second argument of SelectSeq should be a boolean-valued operator, but "
                 "instead it is: <Operator {}>",
                 test.as_operator().name());
        if (r.as_bool()) kept.push_back(x);
    }
    return Value::tuple(std::move(kept));
}

constexpr std::string_view M = "Sequences";

const Builtin kSequences[] = {
    {M, "Seq", 1, seq},       {M, "Len", 1, len},
    {M, "\\o", 2, concat},    {M, "Append", 2, append},
    {M, "Head", 1, head},     {M, "Tail", 1, tail},
    {M, "SubSeq", 3, subseq}, {M, "SelectSeq", 2, selectseq},
};

} // namespace

std::span<const Builtin> sequences_builtins() {
    return kSequences;
}

} // namespace tlatv::eval::builtins
