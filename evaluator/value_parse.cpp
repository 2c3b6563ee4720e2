#include "evaluator/value_parse.hpp"
#include "evaluator/value_internal.hpp"

#include <cctype>

namespace tlatv::eval {

namespace {

class ValueReader {
public:
    explicit ValueReader(std::string_view text)
        : text_(text) {}

    Value read_all() {
        Value v = value();
        skip_space();
        if (pos_ != text_.size()) error("unexpected text");
        return v;
    }

private:
    // Reading recurses once per nesting level: deeper text is an error, not a stack overflow.
    static constexpr int kMaxNesting = 500;
    // Longer text is cut in messages.
    static constexpr std::size_t kMaxQuoted = 200;

    std::string_view text_;
    std::size_t pos_ = 0;
    int depth_ = 0;

    [[noreturn]] void error(std::string_view what) const {
        if (text_.size() > kMaxQuoted)
            fail("Cannot read the value at offset {}: {} in {}...", pos_, what,
                 text_.substr(0, kMaxQuoted));
        fail("Cannot read the value at offset {}: {} in {}", pos_, what, text_);
    }

    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
    }

    bool peek(std::string_view token) {
        skip_space();
        return text_.substr(pos_, token.size()) == token;
    }

    bool accept(std::string_view token) {
        if (!peek(token)) return false;
        pos_ += token.size();
        return true;
    }

    void expect(std::string_view token) {
        if (!accept(token)) error(fmt::format("expected '{}'", token));
    }

    std::string identifier() {
        skip_space();
        std::size_t start = pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
            ++pos_;
        if (start == pos_) error("expected a name");
        return std::string(text_.substr(start, pos_ - start));
    }

    bool at_identifier() {
        skip_space();
        return pos_ < text_.size() &&
               (std::isalpha(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_');
    }

    Value value() {
        if (++depth_ > kMaxNesting)
            error(fmt::format("values nested more than {} deep", kMaxNesting));
        Value v = term();
        if (accept("..")) {
            Value high = term();
            if (!v.is_int() || !high.is_int()) error("interval bounds must be integers");
            v = Value::interval(v.as_int(), high.as_int());
        }
        --depth_;
        return v;
    }

    std::vector<Value> list(std::string_view close) {
        std::vector<Value> items;
        if (accept(close)) return items;
        do {
            items.push_back(value());
        } while (accept(","));
        expect(close);
        return items;
    }

    Value string_literal() {
        std::string s;
        ++pos_; // opening quote
        for (;;) {
            if (pos_ >= text_.size()) error("unterminated string");
            char c = text_[pos_++];
            if (c == '"') return Value::string(s);
            if (c != '\\') {
                s += c;
                continue;
            }
            if (pos_ >= text_.size()) error("unterminated escape");
            char e = text_[pos_++];
            switch (e) {
            case 'n':
                s += '\n';
                break;
            case 't':
                s += '\t';
                break;
            case 'r':
                s += '\r';
                break;
            case 'f':
                s += '\f';
                break;
            default:
                s += e;
            }
        }
    }

    Value number() {
        std::size_t start = pos_;
        if (text_[pos_] == '-') ++pos_;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
        return Value::integer_from_decimal(text_.substr(start, pos_ - start));
    }

    Value bracket() {
        // [a |-> 1, ...] or [S -> T]
        std::size_t save = pos_;
        if (at_identifier()) {
            std::string name = identifier();
            if (accept("|->")) {
                std::vector<std::pair<std::string, Value>> fields;
                fields.emplace_back(name, value());
                while (accept(",")) {
                    std::string field = identifier();
                    expect("|->");
                    fields.emplace_back(field, value());
                }
                expect("]");
                return Value::record(std::move(fields));
            }
            pos_ = save;
        }
        Value domain = value();
        expect("->");
        Value range = value();
        expect("]");
        return Value::function_set(domain, range);
    }

    Value parenthesized() {
        Value first = value();
        if (!accept(":>")) {
            expect(")");
            return first;
        }
        std::vector<std::pair<Value, Value>> pairs;
        pairs.emplace_back(first, value());
        while (accept("@@")) {
            Value key = value();
            expect(":>");
            pairs.emplace_back(key, value());
        }
        expect(")");
        return Value::function_from_pairs(std::move(pairs));
    }

    Value term() {
        skip_space();
        if (pos_ >= text_.size()) error("unexpected end");
        char c = text_[pos_];
        if (c == '"') return string_literal();
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '-' && pos_ + 1 < text_.size() &&
             std::isdigit(static_cast<unsigned char>(text_[pos_ + 1]))))
            return number();
        if (accept("<<")) return Value::tuple(list(">>"));
        if (accept("{")) return Value::set(list("}"));
        if (accept("[")) return bracket();
        if (accept("(")) return parenthesized();
        std::string name = identifier();
        if (name == "TRUE") return Value::boolean(true);
        if (name == "FALSE") return Value::boolean(false);
        if (name == "Nat") return Value::nat();
        if (name == "Int") return Value::int_set();
        if (name == "STRING") return Value::string_set();
        if (name == "ANY") return Value::any();
        if (name == "SUBSET") return Value::subset(value());
        if (name == "Seq") {
            expect("(");
            Value base = value();
            expect(")");
            return Value::seq_set(base);
        }
        return Value::model_value(name);
    }
};

} // namespace

Value parse_value(std::string_view text) {
    return ValueReader(text).read_all();
}

} // namespace tlatv::eval
