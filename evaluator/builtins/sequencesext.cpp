// SequencesExt (CommunityModules): every operator, with the meaning of its TLA+ definition and
// the errors TLC reports for it. Operators defined through Len, SubSeq and \o accept strings as
// those do.
#include "evaluator/builtins/support.hpp"

#include <algorithm>
#include <numeric>

namespace tlatv::eval::builtins {

namespace {

// ---- The Sequences operators, reused with their exact errors ----

const Builtin& sequences_op(std::string_view name) {
    return *find_builtin("Sequences", name);
}

Value len_of(const Value& s) {
    return sequences_op("Len").fn(std::span(&s, 1), {});
}

std::int64_t length(const Value& s) {
    return len_of(s).as_int();
}

Value sub_seq(const Value& s, std::int64_t m, std::int64_t n) {
    const Value args[] = {s, Value::integer(m), Value::integer(n)};
    return sequences_op("SubSeq").fn(std::span<const Value>(args), {});
}

Value concat(const Value& s, const Value& t) {
    const Value args[] = {s, t};
    return sequences_op("\\o").fn(std::span<const Value>(args), {});
}

Value append(const Value& s, const Value& e) {
    const Value args[] = {s, e};
    return sequences_op("Append").fn(std::span<const Value>(args), {});
}

const Value& seq_arg(std::string_view op, Args a, std::size_t index) {
    if (!a[index].is_function() || !a[index].is_sequence())
        fail("The argument of {} should be a sequence, but instead it is: {}", op, brief(a[index]));
    return a[index];
}

// A sequence or a string, as a list of items (one-character strings for strings).
struct SeqLike {
    std::vector<Value> items;
    bool is_string = false;

    Value pack() const {
        if (!is_string) return Value::tuple(items);
        std::string s;
        for (const Value& c : items)
            s += c.as_string();
        return Value::string(s);
    }
};

SeqLike seq_like(std::string_view op, Args a, std::size_t index) {
    if (a[index].is_string()) return {items_of(a[index]), true};
    const Value& s = seq_arg(op, a, index);
    return {std::vector<Value>(s.items().begin(), s.items().end()), false};
}

SeqLike seq_like_value(std::string_view op, const Value& v) {
    return seq_like(op, std::span(&v, 1), 0);
}

// A part items[begin, end) of a sequence or string, of the same kind.
Value part(const SeqLike& s, std::size_t begin, std::size_t end) {
    SeqLike p{std::vector<Value>(s.items.begin() + static_cast<std::ptrdiff_t>(begin),
                                 s.items.begin() + static_cast<std::ptrdiff_t>(end)),
              s.is_string};
    return p.pack();
}

bool same_items(std::span<const Value> x, std::span<const Value> y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!equals(x[i], y[i])) return false;
    return true;
}

Value index_value(std::size_t i) {
    return Value::integer(static_cast<std::int64_t>(i));
}

// ---- Conversions ----

Value to_set(Args a, const EvalOptions&) {
    if (!a[0].is_function())
        fail("Attempted to apply the operator DOMAIN to a non-function (a {})", kind_name(a[0]));
    auto vals = a[0].values();
    return Value::set(std::vector<Value>(vals.begin(), vals.end()));
}

Value to_bag(Args a, const EvalOptions&) {
    if (!a[0].is_function())
        fail("Attempted to apply the operator DOMAIN to a non-function (a {})", kind_name(a[0]));
    std::vector<std::pair<Value, Value>> counts;
    for (const Value& x : a[0].values()) {
        auto it = std::find_if(counts.begin(), counts.end(),
                               [&](const auto& p) { return equals(p.first, x); });
        if (it == counts.end())
            counts.emplace_back(x, Value::integer(1));
        else
            it->second = Value::integer(it->second.as_int() + 1);
    }
    return Value::function_from_pairs(std::move(counts));
}

std::span<const Value> finite_elements(std::string_view op, const Value& s) {
    if (!s.is_set() || !s.is_finite_set())
        fail("Applying {} to the following value, which is not a finite set: {}", op, brief(s));
    return s.enumerate();
}

Value set_to_seq(Args a, const EvalOptions&) {
    auto elems = finite_elements("SetToSeq", a[0]);
    return Value::tuple(std::vector<Value>(elems.begin(), elems.end()));
}

std::vector<Value> permutations_of(std::span<const Value> elems) {
    std::vector<std::size_t> index(elems.size());
    std::iota(index.begin(), index.end(), 0);
    std::vector<Value> result;
    do {
        std::vector<Value> items;
        for (std::size_t i : index)
            items.push_back(elems[i]);
        result.push_back(Value::tuple(std::move(items)));
    } while (std::next_permutation(index.begin(), index.end()));
    return result;
}

Value set_to_seqs(Args a, const EvalOptions&) {
    auto elems = finite_elements("SetToSeqs", a[0]);
    if (elems.size() > 10) fail("SetToSeqs: too many permutations of {} elements", elems.size());
    return Value::set(permutations_of(elems));
}

Value set_to_sort_seq(Args a, const EvalOptions&) {
    auto elems = finite_elements("SetToSortSeq", a[0]);
    const Value& op = operator_arg("SetToSortSeq", a, 1, 2);
    return Value::tuple(
        sorted_by_operator(std::vector<Value>(elems.begin(), elems.end()), op, "SetToSortSeq"));
}

Value set_to_all_k_permutations(Args a, const EvalOptions&) {
    if (!a[0].is_set() || !a[0].is_finite_set())
        fail("Attempted to compute the number of elements in the overridden value {}.",
             brief(a[0]));
    std::vector<Value> result;
    const Value subsets = Value::subset(a[0]);
    for (const Value& subset : subsets.enumerate()) {
        auto perms = permutations_of(subset.enumerate());
        result.insert(result.end(), perms.begin(), perms.end());
    }
    return Value::set(std::move(result));
}

// [1..n -> s]: enumerated when s is finite, symbolic (like TLC's) otherwise.
Value tuples_of_length(const Value& s, std::int64_t n) {
    Value tuples = Value::function_set(n <= 0 ? Value::empty_set() : Value::interval(1, n), s);
    return s.is_finite_set() ? tuples.normalized() : tuples;
}

Value tuple_of(Args a, const EvalOptions&) {
    return tuples_of_length(set_arg("TupleOf", a, 0), small_int_arg("TupleOf", a, 1));
}

Value seq_of(Args a, const EvalOptions&) {
    const Value& s = finite_set_arg("SeqOf", a, 0);
    std::int64_t n = small_int_arg("SeqOf", a, 1);
    std::vector<Value> all;
    for (std::int64_t m = 0; m <= n; ++m) {
        const Value tuples_set = tuples_of_length(s, m);
        auto tuples = tuples_set.enumerate();
        all.insert(all.end(), tuples.begin(), tuples.end());
    }
    return Value::set(std::move(all));
}

// ---- Queries ----

Value contains(Args a, const EvalOptions&) {
    for (const Value& x : seq_arg("Contains", a, 0).items())
        if (equals(x, a[1])) return Value::boolean(true);
    return Value::boolean(false);
}

Value is_sorted(Args a, const EvalOptions&) {
    auto items = seq_arg("IsSorted", a, 0).items();
    const Value& op = operator_arg("IsSorted", a, 1, 2);
    for (std::size_t i = 0; i < items.size(); ++i)
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (!call_predicate(op, {items[i], items[j]}, "IsSorted")) return Value::boolean(false);
    return Value::boolean(true);
}

// 1-based index of the first (or last) item satisfying test among items[from-1 .. to-1], or 0.
std::int64_t select_index(std::span<const Value> items, std::size_t from, std::size_t to,
                          const Value& test, bool last, std::string_view op) {
    std::int64_t found = 0;
    for (std::size_t i = from; i <= to && i <= items.size(); ++i) {
        if (call_predicate(test, {items[i - 1]}, op)) {
            found = static_cast<std::int64_t>(i);
            if (!last) break;
        }
    }
    return found;
}

Value select_in_seq(Args a, const EvalOptions&) {
    auto items = seq_arg("SelectInSeq", a, 0).items();
    const Value& test = java_operator_arg("SelectInSeq", a, 1, 1);
    return Value::integer(select_index(items, 1, items.size(), test, false, "SelectInSeq"));
}

Value select_last_in_seq(Args a, const EvalOptions&) {
    auto items = seq_arg("SelectLastInSeq", a, 0).items();
    const Value& test = java_operator_arg("SelectLastInSeq", a, 1, 1);
    return Value::integer(select_index(items, 1, items.size(), test, true, "SelectLastInSeq"));
}

Value select_in_sub_seq(std::string_view op, Args a, bool last) {
    auto items = seq_arg(op, a, 0).items();
    std::int64_t from = small_int_arg(op, a, 1);
    std::int64_t to = small_int_arg(op, a, 2);
    const Value& test = operator_arg(op, a, 3, 1);
    auto n = static_cast<std::int64_t>(items.size());
    if (from > to) return Value::integer(0);
    if (from < 1 || from > n)
        fail("The second argument of {} must be in the domain of its first argument: {} , but "
             "instead it is {}",
             op, brief(a[0]), from);
    if (to < 1 || to > n)
        fail("The third argument of {} must be in the domain of its first argument: {} , but "
             "instead it is {}",
             op, brief(a[0]), to);
    return Value::integer(select_index(items, static_cast<std::size_t>(from),
                                       static_cast<std::size_t>(to), test, last, op));
}

Value select_in_sub_seq_first(Args a, const EvalOptions&) {
    return select_in_sub_seq("SelectInSubSeq", a, false);
}
Value select_in_sub_seq_last(Args a, const EvalOptions&) {
    return select_in_sub_seq("SelectLastInSubSeq", a, true);
}

// ---- Constructions ----

Value reverse(Args a, const EvalOptions&) {
    auto items = seq_arg("Reverse", a, 0).items();
    return Value::tuple(std::vector<Value>(items.rbegin(), items.rend()));
}

Value remove(Args a, const EvalOptions&) {
    std::vector<Value> kept;
    for (const Value& x : seq_arg("Remove", a, 0).items())
        if (!equals(x, a[1])) kept.push_back(x);
    return Value::tuple(std::move(kept));
}

Value replace_all(Args a, const EvalOptions&) {
    std::vector<Value> items;
    for (const Value& x : seq_arg("ReplaceAll", a, 0).items())
        items.push_back(equals(x, a[1]) ? a[2] : x);
    return Value::tuple(std::move(items));
}

Value insert_at(Args a, const EvalOptions&) {
    const Value& s = a[0];
    std::int64_t i = small_int_arg("InsertAt", a, 1);
    Value front = sub_seq(s, 1, i - 1);
    Value back = sub_seq(s, i, length(s));
    return concat(concat(front, Value::tuple({a[2]})), back);
}

Value replace_at(Args a, const EvalOptions&) {
    const Value& s = seq_arg("ReplaceAt", a, 0);
    if (!s.find(a[1])) return s;
    return s.with_updated(a[1], a[2]);
}

// TLC's ReplaceAt is [s EXCEPT ![i] = e]: e is evaluated only when i is in the domain of s.
bool replace_at_uses(std::size_t index, std::span<const Value> earlier) {
    if (index < 2) return true;
    return !earlier[0].is_function() || earlier[0].find(earlier[1]) != nullptr;
}

Value remove_at_index(const Value& s, std::int64_t i) {
    return concat(sub_seq(s, 1, i - 1), sub_seq(s, i + 1, length(s)));
}

Value remove_at(Args a, const EvalOptions&) {
    return remove_at_index(a[0], small_int_arg("RemoveAt", a, 1));
}

Value remove_first(Args a, const EvalOptions&) {
    auto items = seq_arg("RemoveFirst", a, 0).items();
    for (std::size_t i = 0; i < items.size(); ++i)
        if (equals(items[i], a[1])) return remove_at_index(a[0], static_cast<std::int64_t>(i + 1));
    return a[0];
}

Value remove_first_match(Args a, const EvalOptions&) {
    auto items = seq_arg("RemoveFirstMatch", a, 0).items();
    const Value& test = operator_arg("RemoveFirstMatch", a, 1, 1);
    std::int64_t i = select_index(items, 1, items.size(), test, false, "RemoveFirstMatch");
    return i == 0 ? a[0] : remove_at_index(a[0], i);
}

Value cons(Args a, const EvalOptions&) {
    return concat(Value::tuple({a[0]}), a[1]);
}
Value snoc(Args a, const EvalOptions&) {
    return append(a[1], a[0]);
}
Value front(Args a, const EvalOptions&) {
    return sub_seq(a[0], 1, length(a[0]) - 1);
}

Value last(Args a, const EvalOptions&) {
    const Value& s = a[0];
    if (!s.is_function()) fail("A non-function (a {}) was applied as a function.", kind_name(s));
    return s.apply(len_of(s));
}

// ---- Prefixes and suffixes ----

bool is_prefix_items(std::span<const Value> s, std::span<const Value> t) {
    return s.size() <= t.size() && same_items(s, t.subspan(0, s.size()));
}

Value is_prefix(Args a, const EvalOptions&) {
    auto s = seq_like("IsPrefix", a, 0);
    auto t = seq_like("IsPrefix", a, 1);
    return Value::boolean(is_prefix_items(s.items, t.items));
}

Value is_strict_prefix(Args a, const EvalOptions&) {
    auto s = seq_like("IsStrictPrefix", a, 0);
    auto t = seq_like("IsStrictPrefix", a, 1);
    return Value::boolean(is_prefix_items(s.items, t.items) && !equals(a[0], a[1]));
}

bool is_suffix_items(std::span<const Value> s, std::span<const Value> t) {
    return s.size() <= t.size() && same_items(s, t.subspan(t.size() - s.size()));
}

Value is_suffix(Args a, const EvalOptions&) {
    auto s = seq_arg("IsSuffix", a, 0).items();
    auto t = seq_arg("IsSuffix", a, 1).items();
    return Value::boolean(is_suffix_items(s, t));
}

Value is_strict_suffix(Args a, const EvalOptions&) {
    auto s = seq_arg("IsStrictSuffix", a, 0).items();
    auto t = seq_arg("IsStrictSuffix", a, 1).items();
    return Value::boolean(is_suffix_items(s, t) && !equals(a[0], a[1]));
}

std::vector<Value> prefixes_of(const SeqLike& s) {
    std::vector<Value> result;
    for (std::size_t n = 0; n <= s.items.size(); ++n)
        result.push_back(part(s, 0, n));
    return result;
}

Value prefixes(Args a, const EvalOptions&) {
    return Value::set(prefixes_of(seq_like("Prefixes", a, 0)));
}

Value suffixes(Args a, const EvalOptions&) {
    auto items = seq_arg("Suffixes", a, 0).items();
    std::vector<Value> result;
    for (std::size_t n = 0; n <= items.size(); ++n)
        result.push_back(Value::tuple(std::vector<Value>(items.end() - n, items.end())));
    return Value::set(std::move(result));
}

std::vector<Value> common_prefixes_of(std::string_view op, const Value& set) {
    auto seqs = finite_set_arg(op, std::span(&set, 1), 0).enumerate();
    std::vector<SeqLike> parsed;
    std::vector<Value> candidates;
    for (const Value& s : seqs) {
        if (!s.is_string() && !(s.is_function() && s.is_sequence()))
            bad_argument(op, 0, "a set of sequences", set);
        parsed.push_back(seq_like_value(op, s));
        auto p = prefixes_of(parsed.back());
        candidates.insert(candidates.end(), p.begin(), p.end());
    }
    std::vector<Value> common;
    const Value candidate_set = Value::set(std::move(candidates));
    for (const Value& p : candidate_set.enumerate()) {
        SeqLike prefix = seq_like_value(op, p);
        bool all = std::all_of(parsed.begin(), parsed.end(), [&](const SeqLike& s) {
            return is_prefix_items(prefix.items, s.items);
        });
        if (all) common.push_back(p);
    }
    return common;
}

Value common_prefixes(Args a, const EvalOptions&) {
    return Value::set(common_prefixes_of("CommonPrefixes", a[0]));
}

Value longest_common_prefix(Args a, const EvalOptions&) {
    auto common = common_prefixes_of("LongestCommonPrefix", a[0]);
    if (common.empty())
        fail("Attempted to compute the value of an expression of form CHOOSE x \\in S: P, but "
             "no element of S satisfied P.");
    return *std::max_element(common.begin(), common.end(),
                             [](const Value& x, const Value& y) { return x.size() < y.size(); });
}

// ---- Arithmetic and folds ----

Value seq_mod(Args a, const EvalOptions& o) {
    const Builtin& mod = *find_builtin("Naturals", "%");
    Value r = mod.fn(a, o);
    return r == Value::integer(0) ? a[1] : r;
}

Value fold_seq(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldSeq", a, 0, 2);
    return fold_values_right(op, a[1], function_arg("FoldSeq", a, 2).values());
}

Value fold_left(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldLeft", a, 0, 2);
    return fold_values_left(op, a[1], seq_arg("FoldLeft", a, 2).items());
}

Value fold_right_items(const Value& op, std::span<const Value> items, Value base) {
    Value acc = std::move(base);
    for (auto it = items.rbegin(); it != items.rend(); ++it)
        acc = call(op, {*it, acc});
    return acc;
}

Value fold_right(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldRight", a, 0, 2);
    return fold_right_items(op, seq_arg("FoldRight", a, 1).items(), a[2]);
}

std::vector<Value> indices_of(const Value& s) {
    std::vector<Value> indices;
    for (std::size_t i = 1; i <= s.size(); ++i)
        indices.push_back(index_value(i));
    return indices;
}

Value fold_left_domain(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldLeftDomain", a, 0, 2);
    return fold_values_left(op, a[1], indices_of(seq_arg("FoldLeftDomain", a, 2)));
}

Value fold_right_domain(Args a, const EvalOptions&) {
    const Value& op = operator_arg("FoldRightDomain", a, 0, 2);
    return fold_right_items(op, indices_of(seq_arg("FoldRightDomain", a, 1)), a[2]);
}

// ---- Combining sequences ----

Value flatten_seq(Args a, const EvalOptions&) {
    auto items = seq_arg("FlattenSeq", a, 0).items();
    if (items.empty()) return a[0];
    Value acc = items[0];
    for (std::size_t i = 1; i < items.size(); ++i)
        acc = concat(acc, items[i]);
    return acc;
}

Value zip(Args a, const EvalOptions&) {
    auto s = seq_arg("Zip", a, 0).items();
    auto t = seq_arg("Zip", a, 1).items();
    std::vector<Value> pairs;
    for (std::size_t i = 0; i < std::min(s.size(), t.size()); ++i)
        pairs.push_back(Value::tuple({s[i], t[i]}));
    return Value::tuple(std::move(pairs));
}

Value interleave(Args a, const EvalOptions&) {
    auto s = seq_arg("Interleave", a, 0).items();
    auto t = seq_arg("Interleave", a, 1).items();
    if (s.size() != t.size()) fail("Attempted to evaluate a CASE with no conditions true.");
    if (s.empty()) return Value::tuple({Value::tuple({}), Value::tuple({})});
    std::vector<Value> result;
    for (std::size_t i = 0; i < s.size(); ++i) {
        result.push_back(Value::tuple({s[i]}));
        result.push_back(Value::tuple({t[i]}));
    }
    return Value::tuple(std::move(result));
}

std::vector<Value> contiguous_parts(const SeqLike& s) {
    std::vector<Value> result{part(s, 0, 0)};
    for (std::size_t i = 0; i < s.items.size(); ++i)
        for (std::size_t j = i + 1; j <= s.items.size(); ++j)
            result.push_back(part(s, i, j));
    return result;
}

Value sub_seqs(Args a, const EvalOptions&) {
    return Value::set(contiguous_parts(seq_like("SubSeqs", a, 0)));
}

Value all_sub_seqs(Args a, const EvalOptions&) {
    auto items = seq_arg("AllSubSeqs", a, 0).items();
    if (items.size() > 20) fail("AllSubSeqs: too many subsequences of {} elements", items.size());
    std::vector<Value> result;
    for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << items.size()); ++mask) {
        std::vector<Value> picked;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (mask & (std::uint64_t{1} << i)) picked.push_back(items[i]);
        result.push_back(Value::tuple(std::move(picked)));
    }
    return Value::set(std::move(result));
}

// 0-based start of the first occurrence of s as a contiguous part of t, or -1.
std::ptrdiff_t first_occurrence(std::span<const Value> s, std::span<const Value> t,
                                std::size_t from = 0) {
    if (s.size() > t.size()) return -1;
    for (std::size_t i = from; i + s.size() <= t.size(); ++i)
        if (same_items(s, t.subspan(i, s.size()))) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

Value index_first_sub_seq(Args a, const EvalOptions&) {
    auto s = seq_like("IndexFirstSubSeq", a, 0);
    auto t = seq_like("IndexFirstSubSeq", a, 1);
    // TLC looks s up in a set of parts of t: a string and a sequence cannot be compared.
    if (s.is_string != t.is_string) equals(part(s, 0, 0), part(t, 0, 0));
    std::ptrdiff_t i = first_occurrence(s.items, t.items);
    if (i < 0)
        fail("Attempted to compute the value of an expression of form CHOOSE x \\in S: P, but "
             "no element of S satisfied P.");
    return Value::integer(i + 1);
}

Value replace_sub_seq_at(Args a, const EvalOptions&) {
    std::int64_t i = small_int_arg("ReplaceSubSeqAt", a, 0);
    const Value& r = a[1];
    const Value& s = a[2];
    const Value& t = a[3];
    Value prefix = sub_seq(t, 1, i - 1);
    Value suffix = sub_seq(t, i + length(s), length(t));
    return concat(concat(prefix, r), suffix);
}

Value replace_first_sub_seq(Args a, const EvalOptions&) {
    auto r = seq_like("ReplaceFirstSubSeq", a, 0);
    auto s = seq_like("ReplaceFirstSubSeq", a, 1);
    auto t = seq_like("ReplaceFirstSubSeq", a, 2);
    std::ptrdiff_t i = first_occurrence(s.items, t.items);
    if (i < 0) return a[2];
    SeqLike out{{}, t.is_string};
    out.items.assign(t.items.begin(), t.items.begin() + i);
    out.items.insert(out.items.end(), r.items.begin(), r.items.end());
    out.items.insert(out.items.end(),
                     t.items.begin() + i + static_cast<std::ptrdiff_t>(s.items.size()),
                     t.items.end());
    return out.pack();
}

Value replace_all_sub_seqs(Args a, const EvalOptions&) {
    auto r = seq_like("ReplaceAllSubSeqs", a, 0);
    auto s = seq_like("ReplaceAllSubSeqs", a, 1);
    auto t = seq_like("ReplaceAllSubSeqs", a, 2);
    if (equals(a[1], a[2])) return a[0];
    if (equals(a[0], a[1])) return a[2];
    SeqLike out{{}, t.is_string};
    if (s.items.empty()) {
        for (const Value& x : t.items) {
            out.items.insert(out.items.end(), r.items.begin(), r.items.end());
            out.items.push_back(x);
        }
        return out.pack();
    }
    std::size_t pos = 0;
    for (;;) {
        std::ptrdiff_t i = first_occurrence(s.items, t.items, pos);
        if (i < 0) break;
        out.items.insert(out.items.end(), t.items.begin() + static_cast<std::ptrdiff_t>(pos),
                         t.items.begin() + i);
        out.items.insert(out.items.end(), r.items.begin(), r.items.end());
        pos = static_cast<std::size_t>(i) + s.items.size();
    }
    out.items.insert(out.items.end(), t.items.begin() + static_cast<std::ptrdiff_t>(pos),
                     t.items.end());
    return out.pack();
}

constexpr std::string_view M = "SequencesExt";

const Builtin kSequencesExt[] = {
    {M, "ToSet", 1, to_set},
    {M, "ToBag", 1, to_bag},
    {M, "SetToSeq", 1, set_to_seq},
    {M, "SetToSeqs", 1, set_to_seqs},
    {M, "SetToSortSeq", 2, set_to_sort_seq},
    {M, "SetToAllKPermutations", 1, set_to_all_k_permutations},
    {M, "TupleOf", 2, tuple_of},
    {M, "SeqOf", 2, seq_of},
    {M, "BoundedSeq", 2, seq_of},
    {M, "Contains", 2, contains},
    {M, "IsSorted", 2, is_sorted},
    {M, "Reverse", 1, reverse},
    {M, "Remove", 2, remove},
    {M, "ReplaceAll", 3, replace_all},
    {M, "SelectInSeq", 2, select_in_seq},
    {M, "SelectInSubSeq", 4, select_in_sub_seq_first},
    {M, "SelectLastInSeq", 2, select_last_in_seq},
    {M, "SelectLastInSubSeq", 4, select_in_sub_seq_last},
    {M, "InsertAt", 3, insert_at},
    {M, "ReplaceAt", 3, replace_at, replace_at_uses},
    {M, "RemoveAt", 2, remove_at},
    {M, "RemoveFirst", 2, remove_first},
    {M, "RemoveFirstMatch", 2, remove_first_match},
    {M, "Cons", 2, cons},
    {M, "Snoc", 2, snoc},
    {M, "Front", 1, front},
    {M, "Last", 1, last},
    {M, "IsPrefix", 2, is_prefix},
    {M, "IsStrictPrefix", 2, is_strict_prefix},
    {M, "IsSuffix", 2, is_suffix},
    {M, "IsStrictSuffix", 2, is_strict_suffix},
    {M, "Prefixes", 1, prefixes},
    {M, "CommonPrefixes", 1, common_prefixes},
    {M, "LongestCommonPrefix", 1, longest_common_prefix},
    {M, "Suffixes", 1, suffixes},
    {M, "SeqMod", 2, seq_mod},
    {M, "FoldSeq", 3, fold_seq},
    {M, "FoldLeft", 3, fold_left},
    {M, "FoldRight", 3, fold_right},
    {M, "FoldLeftDomain", 3, fold_left_domain},
    {M, "FoldRightDomain", 3, fold_right_domain},
    {M, "FlattenSeq", 1, flatten_seq},
    {M, "Zip", 2, zip},
    {M, "Interleave", 2, interleave},
    {M, "SubSeqs", 1, sub_seqs},
    {M, "AllSubSeqs", 1, all_sub_seqs},
    {M, "IndexFirstSubSeq", 2, index_first_sub_seq},
    {M, "ReplaceSubSeqAt", 4, replace_sub_seq_at},
    {M, "ReplaceFirstSubSeq", 3, replace_first_sub_seq},
    {M, "ReplaceAllSubSeqs", 3, replace_all_sub_seqs},
};

} // namespace

std::span<const Builtin> sequencesext_builtins() {
    return kSequencesExt;
}

} // namespace tlatv::eval::builtins
