// TLC's printed form of values (what `Value.toString()` prints after `deepNormalize()`).
#include "evaluator/value.hpp"

#include "evaluator/value_internal.hpp"
#include "evaluator/value_node.hpp"
#include "lib/quoted_string.hpp"

#include <algorithm>
#include <cctype>

namespace tlatv::eval {

namespace {

void print(const Value& v, std::string& out);

// A TLA+ identifier: letters, digits and underscores, with at least one letter.
bool is_identifier(std::string_view s) {
    bool has_letter = false;
    for (char c : s) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            has_letter = true;
        } else if (!std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
            return false;
        }
    }
    return has_letter;
}

void print_string_literal(std::string_view s, std::string& out) {
    append_quoted(out, s, QuoteStyle::Tla);
}

void print_list(std::span<const Value> items, std::string_view separator, std::string& out) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        print(items[i], out);
    }
}

// Operands of the symbolic set forms get parentheses when they are themselves compound.
void print_operand(const Value& s, std::string& out) {
    bool atomic = !s.is_set() || s.set_form() == SetForm::Enumerated ||
                  s.set_form() == SetForm::Nat || s.set_form() == SetForm::Int ||
                  s.set_form() == SetForm::String || s.set_form() == SetForm::SeqSet ||
                  s.set_form() == SetForm::FunctionSet || s.set_form() == SetForm::RecordSet;
    if (!atomic) out += '(';
    print(s, out);
    if (!atomic) out += ')';
}

bool finite_without_error(const Value& s) {
    try {
        if (!s.is_finite_set()) return false;
        s.enumerate();
        return true;
    } catch (const EvalError&) {
        return false;
    }
}

void print_set(const Value& s, std::string& out) {
    switch (s.set_form()) {
    case SetForm::Enumerated:
        // An unordered set (which TLC fails to print) prints in its given order, for messages.
        out += '{';
        print_list(s.elements_in_tlc_order(), ", ", out);
        out += '}';
        return;
    case SetForm::Interval:
        if (s.interval_low() > s.interval_high()) {
            out += "{}";
        } else {
            out += fmt::format("{}..{}", s.interval_low(), s.interval_high());
        }
        return;
    case SetForm::Nat:
        out += "Nat";
        return;
    case SetForm::Int:
        out += "Int";
        return;
    case SetForm::String:
        out += "STRING";
        return;
    case SetForm::Any:
        out += "ANY";
        return;
    case SetForm::SeqSet:
        out += "Seq(";
        print(s.base_set(), out);
        out += ')';
        return;
    default:
        break;
    }
    // The remaining forms print their elements when they can be enumerated, as TLC's
    // deepNormalize does, and symbolically otherwise.
    if (finite_without_error(s)) {
        out += '{';
        print_list(s.enumerate(), ", ", out);
        out += '}';
        return;
    }
    switch (s.set_form()) {
    case SetForm::FunctionSet:
        out += '[';
        print(s.function_set_domain(), out);
        out += " -> ";
        print(s.function_set_range(), out);
        out += ']';
        return;
    case SetForm::Subset:
        out += "SUBSET ";
        print_operand(s.base_set(), out);
        return;
    case SetForm::Union:
        out += "UNION ";
        print_operand(s.base_set(), out);
        return;
    case SetForm::RecordSet: {
        out += '[';
        auto fields = s.record_set_fields();
        auto sets = s.record_set_field_sets();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out += ", ";
            out += fields[i];
            out += " : ";
            print(sets[i], out);
        }
        out += ']';
        return;
    }
    case SetForm::Product: {
        auto factors = s.product_factors();
        for (std::size_t i = 0; i < factors.size(); ++i) {
            if (i > 0) out += " \\X ";
            print_operand(factors[i], out);
        }
        return;
    }
    case SetForm::Filter:
        out += "{x \\in ";
        print(s.base_set(), out);
        out += " : ";
        out += s.filter_predicate()->name();
        out += "(x)}";
        return;
    case SetForm::Cup:
    case SetForm::Cap:
    case SetForm::Diff:
        print_operand(s.base_set(), out);
        out += s.set_form() == SetForm::Cup   ? " \\cup "
               : s.set_form() == SetForm::Cap ? " \\cap "
                                              : " \\ ";
        print_operand(s.function_set_range(), out);
        return;
    default:
        out += "<set>";
    }
}

void print_function(const Value& f, std::string& out) {
    if (f.is_lazy_function() && !finite_without_error(f.domain())) {
        out += "[x \\in ";
        print(f.domain(), out);
        out += " |-> ...]";
        return;
    }
    if (f.is_sequence()) {
        out += "<<";
        print_list(f.items(), ", ", out);
        out += ">>";
        return;
    }
    auto keys = f.keys();
    auto vals = f.values();
    // TLC prints a function on strings as a record only when the strings are field names.
    bool field_names = f.is_record() && std::all_of(keys.begin(), keys.end(), [](const Value& k) {
                           return is_identifier(k.as_string());
                       });
    if (field_names) {
        out += '[';
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (i > 0) out += ", ";
            out += keys[i].as_string();
            out += " |-> ";
            print(vals[i], out);
        }
        out += ']';
        return;
    }
    out += '(';
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0) out += " @@ ";
        print(keys[i], out);
        out += " :> ";
        print(vals[i], out);
    }
    out += ')';
}

void print(const Value& v, std::string& out) {
    switch (v.kind()) {
    case Kind::Bool:
        out += v.as_bool() ? "TRUE" : "FALSE";
        return;
    case Kind::Int:
        if (v.is_big_int()) {
            out += to_big_int(v).str();
        } else {
            out += fmt::format("{}", v.as_int_unchecked());
        }
        return;
    case Kind::String:
        print_string_literal(v.as_string(), out);
        return;
    case Kind::ModelValue:
        out += v.model_value_name();
        return;
    case Kind::Set:
        print_set(v, out);
        return;
    case Kind::Function:
        print_function(v, out);
        return;
    case Kind::Operator:
        out += v.as_operator().name();
        return;
    }
}

} // namespace

std::string Value::to_string() const {
    std::string out;
    print(*this, out);
    return out;
}

} // namespace tlatv::eval
