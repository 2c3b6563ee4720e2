#include "parser/tla_parser.hpp"

#include "parser/error_handler.hpp"
#include "parser/operators.hpp"
#include "parser/tla_lexer.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

// Each nesting level of the input costs a few stack frames; keeping the rarely taken branches
// out of line keeps those frames small (see kMaxNestingDepth for the measured sizes).
#define NOINLINE [[gnu::noinline]]

namespace tlatv::parser {
namespace {

using ast::Expr;
using ast::ExprKind;
using ast::Position;

// Operators written with words are keywords to the lexer but prefix operators to the grammar.
bool is_prefix_word(const Token& t) {
    return t.kind == TokenKind::Keyword &&
           (t.text == "ENABLED" || t.text == "UNCHANGED" || t.text == "SUBSET" ||
            t.text == "UNION" || t.text == "DOMAIN");
}

std::string describe(const Token& t) {
    switch (t.kind) {
    case TokenKind::End:
        return "the end of the input";
    case TokenKind::String:
        return "a string";
    case TokenKind::Number:
    case TokenKind::Decimal:
        return "the number `" + std::string(t.spelling) + "`";
    default:
        return "`" + std::string(t.spelling) + "`";
    }
}

class Parser {
public:
    explicit Parser(const std::vector<Token>& tokens)
        : tokens_(tokens) {}

    ast::Module module(std::string_view file_name) {
        ast::Module m = parse_module();
        set_file(m, std::string(file_name));
        return m;
    }

    Expr whole_expression() {
        Expr e = parse_expr();
        if (peek().kind != TokenKind::End || raw().kind != TokenKind::End)
            fail(raw(), "unexpected " + describe(raw()) + " after the expression");
        return e;
    }

private:
    // ---- Token access ----

    // The next token, or an End token when it lies at or left of the innermost bullet column.
    const Token& peek() const {
        const Token& t = tokens_[pos_];
        if (!bullet_columns_.empty() && t.begin.column <= bullet_columns_.back() &&
            t.kind != TokenKind::End) {
            boundary_.kind = TokenKind::End;
            boundary_.begin = boundary_.end = t.begin;
            boundary_.spelling = t.spelling;
            return boundary_;
        }
        return t;
    }
    const Token& raw() const { return tokens_[pos_]; }
    const Token& peek_at(std::size_t ahead) const {
        std::size_t i = std::min(pos_ + ahead, tokens_.size() - 1);
        const Token& t = tokens_[i];
        if (!bullet_columns_.empty() && t.begin.column <= bullet_columns_.back()) return end_;
        return t;
    }

    const Token& advance() {
        const Token& t = tokens_[pos_];
        if (t.kind != TokenKind::End) ++pos_;
        last_end_ = t.end;
        return t;
    }

    bool at_symbol(std::string_view s) const {
        const Token& t = peek();
        return t.kind == TokenKind::Symbol && t.text == s;
    }
    bool at_keyword(std::string_view k) const {
        const Token& t = peek();
        return t.kind == TokenKind::Keyword && t.text == k;
    }
    bool accept_symbol(std::string_view s) {
        if (!at_symbol(s)) return false;
        advance();
        return true;
    }
    bool accept_keyword(std::string_view k) {
        if (!at_keyword(k)) return false;
        advance();
        return true;
    }

    [[noreturn]] void fail(const Token& at, const std::string& message) const {
        throw SyntaxError(at.begin, message);
    }
    [[noreturn]] void fail_expected(std::string_view what) const {
        std::string message = "expected " + std::string(what) + ", found " + describe(raw());
        if (peek().kind == TokenKind::End && raw().kind != TokenKind::End)
            message += " (it is not right of the enclosing /\\ or \\/ bullet)";
        fail(peek(), message);
    }

    const Token& expect_symbol(std::string_view s, std::string_view where = "") {
        if (!at_symbol(s)) {
            std::string what = "`" + std::string(s) + "`";
            if (!where.empty()) what += " " + std::string(where);
            fail_expected(what);
        }
        return advance();
    }
    const Token& expect_keyword(std::string_view k, std::string_view where = "") {
        if (!at_keyword(k)) {
            std::string what = "`" + std::string(k) + "`";
            if (!where.empty()) what += " " + std::string(where);
            fail_expected(what);
        }
        return advance();
    }
    std::string expect_identifier(std::string_view what) {
        if (peek().kind != TokenKind::Identifier) fail_expected(what);
        return advance().text;
    }

    // ---- Nesting guard ----

    struct DepthGuard {
        Parser& parser;
        explicit DepthGuard(Parser& p)
            : parser(p) {
            if (++parser.depth_ > kMaxNestingDepth) {
                --parser.depth_;
                parser.fail(parser.raw(), "nesting too deep (more than " +
                                              std::to_string(kMaxNestingDepth) + " levels)");
            }
        }
        ~DepthGuard() { --parser.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;
    };

    // Operator chains (a + b + ..., ~~~x, f[1][2]..., x'' ...) build trees as deep as they are
    // long; they count against the same limit as bracketed nesting.
    void check_chain_length(int length) const {
        if (depth_ + length / kChainOperatorsPerLevel > kMaxNestingDepth)
            fail(raw(),
                 "nesting too deep (more than " + std::to_string(kMaxNestingDepth) + " levels)");
    }

    // Parses with no bullet column in force (a nested module, or ASSUME ... PROVE ...).
    struct BulletScope {
        Parser& parser;
        std::vector<std::uint32_t> saved;
        explicit BulletScope(Parser& p)
            : parser(p)
            , saved(std::move(p.bullet_columns_)) {
            parser.bullet_columns_.clear();
        }
        ~BulletScope() { parser.bullet_columns_ = std::move(saved); }
    };

    // ---- Expressions ----

    static Expr leaf(ExprKind kind, const Token& t) {
        Expr e;
        e.kind = kind;
        e.span = {t.begin, t.end};
        return e;
    }

    Expr finish(Expr e, Position begin) {
        e.span = {begin, last_end_};
        return e;
    }

    static Expr apply(std::string name, std::vector<Expr> args, Position begin, Position end) {
        Expr e;
        e.kind = ExprKind::OpApp;
        e.name = std::move(name);
        e.args = std::move(args);
        e.span = {begin, end};
        return e;
    }

    // The infix operator `t` stands for in infix position, or nullptr.
    static const OperatorInfo* infix_operator(const Token& t) {
        if (t.kind != TokenKind::Symbol) return nullptr;
        return find_operator(t.text, Fixity::Infix);
    }

    const OperatorInfo* prefix_operator(const Token& t) const {
        if (is_prefix_word(t)) return find_operator(t.text, Fixity::Prefix);
        if (t.kind != TokenKind::Symbol) return nullptr;
        if (t.text == "-") return find_operator("-.", Fixity::Prefix);
        if (t.text == "~" || t.text == "[]" || t.text == "<>")
            return find_operator(t.text, Fixity::Prefix);
        return nullptr;
    }

    struct PendingOperator {
        const OperatorInfo* info;
        Position begin;     // of the operator token
        const Token* token; // for messages
    };

    // Combines the operator on top of `ops` with its operands.
    NOINLINE void reduce(std::vector<Expr>& operands, std::vector<PendingOperator>& ops) {
        PendingOperator op = ops.back();
        ops.pop_back();
        if (op.info->fixity == Fixity::Prefix) {
            Expr operand = std::move(operands.back());
            operands.pop_back();
            Position end = operand.span.end;
            std::vector<Expr> args;
            args.push_back(std::move(operand));
            operands.push_back(apply(std::string(op.info->name), std::move(args), op.begin, end));
            return;
        }
        Expr right = std::move(operands.back());
        operands.pop_back();
        Expr left = std::move(operands.back());
        operands.pop_back();
        Position begin = left.span.begin;
        Position end = right.span.end;
        // `\X` is n-ary: a \X b \X c is one product of three sets.
        if (op.info->name == "\\X" && left.kind == ExprKind::OpApp && left.name == "\\X" &&
            !left.parenthesized) {
            left.args.push_back(std::move(right));
            left.span.end = end;
            operands.push_back(std::move(left));
            return;
        }
        std::vector<Expr> args;
        args.push_back(std::move(left));
        args.push_back(std::move(right));
        operands.push_back(apply(std::string(op.info->name), std::move(args), begin, end));
    }

    Expr parse_expr() {
        DepthGuard guard(*this);
        std::vector<Expr> operands;
        std::vector<PendingOperator> ops;
        int chain_length = 0; // operators so far: a chain of n operators nests up to n deep
        while (true) {
            // Prefix operators.
            while (true) {
                const Token& t = peek();
                const OperatorInfo* info = prefix_operator(t);
                if (!info) break;
                // SANY reads `-` after an operator as prefix minus only when that operator
                // does not bind tighter: a * -b needs parentheses.
                if (t.text == "-" && !ops.empty() && ops.back().info->fixity == Fixity::Infix &&
                    ops.back().info->low > info->high)
                    conflict(t, *ops.back().token);
                // `[]` followed by `[`... is still the box operator; `[](` too.
                ops.push_back({info, t.begin, &t});
                advance();
                check_chain_length(++chain_length);
            }
            bool ends_with_postfix = false;
            operands.push_back(parse_operand(ends_with_postfix));
            if (ends_with_postfix && !ops.empty() && ops.back().info->fixity == Fixity::Prefix &&
                ops.back().info->high >= 15)
                conflict(*last_postfix_, *ops.back().token);

            const Token& t = peek();
            const OperatorInfo* info = infix_operator(t);
            if (!info) break;
            while (!ops.empty()) {
                const PendingOperator& top = ops.back();
                if (top.info->low > info->high) {
                    reduce(operands, ops);
                } else if (top.info->high < info->low) {
                    break;
                } else if (top.info->fixity == Fixity::Infix && top.info == info &&
                           (info->left_assoc || info->name == "\\X")) {
                    reduce(operands, ops);
                } else {
                    conflict(t, *top.token);
                }
            }
            ops.push_back({info, t.begin, &t});
            advance();
            check_chain_length(++chain_length);
        }
        while (!ops.empty())
            reduce(operands, ops);
        return std::move(operands.back());
    }

    [[noreturn]] void conflict(const Token& op, const Token& other) const {
        fail(op, "`" + std::string(op.spelling) + "` cannot be combined with `" +
                     std::string(other.spelling) +
                     "` without parentheses (their precedence ranges overlap)");
    }

    // A primary expression followed by postfix operators, field selections and applications.
    // `ends_with_postfix` tells whether a postfix operator (' ^+ ^* ^#) was applied last.
    Expr parse_operand(bool& ends_with_postfix) {
        Expr e = parse_primary();
        for (int chain_length = 1; extend_operand(e, ends_with_postfix);
             check_chain_length(++chain_length)) {
        }
        return e;
    }

    // Applies one postfix operator, `[args]` or `.field` to `e`; false when none follows.
    NOINLINE bool extend_operand(Expr& e, bool& ends_with_postfix) {
        const Token& t = peek();
        if (t.kind != TokenKind::Symbol) return false;
        Position begin = e.span.begin;
        if (t.text == "'" || t.text == "^+" || t.text == "^*" || t.text == "^#") {
            ends_with_postfix = true;
            last_postfix_ = &t;
            advance();
            std::vector<Expr> args;
            args.push_back(std::move(e));
            e = apply(t.text, std::move(args), begin, last_end_);
            return true;
        }
        if (t.text == "[") {
            ends_with_postfix = false;
            advance();
            Expr app;
            app.kind = ExprKind::FunApp;
            app.args.push_back(std::move(e));
            parse_expr_list(app.args);
            expect_symbol("]", "to close the function application");
            e = finish(std::move(app), begin);
            return true;
        }
        if (t.text == "." && peek_at(1).kind == TokenKind::Identifier) {
            ends_with_postfix = false;
            advance();
            Expr dot;
            dot.kind = ExprKind::Dot;
            dot.name = advance().text;
            dot.args.push_back(std::move(e));
            e = finish(std::move(dot), begin);
            return true;
        }
        return false;
    }

    void parse_expr_list(std::vector<Expr>& out) {
        out.push_back(parse_expr());
        while (accept_symbol(","))
            out.push_back(parse_expr());
    }

    Expr parse_primary() {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::Number:
        case TokenKind::Decimal:
        case TokenKind::String: {
            Expr e = leaf(t.kind == TokenKind::Number    ? ExprKind::Number
                          : t.kind == TokenKind::Decimal ? ExprKind::Decimal
                                                         : ExprKind::String,
                          t);
            e.text = t.text;
            advance();
            return e;
        }
        case TokenKind::Identifier:
            return parse_name_or_label();
        case TokenKind::ProofStep: { // a step name used as a fact: BY <1>2
            Expr e = leaf(ExprKind::Name, t);
            e.name = t.text;
            advance();
            return e;
        }
        case TokenKind::Keyword:
            return parse_keyword_expression();
        case TokenKind::Symbol:
            return parse_symbol_expression();
        default:
            fail_expected("an expression");
        }
    }

    // Name, Op(args), I!Op, P(x)!Op(y), or a label `lbl:: e`.
    NOINLINE Expr parse_name_or_label() {
        Position begin = peek().begin;
        Expr e;
        e.kind = ExprKind::Name;
        e.name = advance().text;
        if (at_symbol("::")) {
            advance();
            Expr label;
            label.kind = ExprKind::Label;
            label.name = std::move(e.name);
            label.args.push_back(parse_expr());
            return finish(std::move(label), begin);
        }
        parse_arguments(e.args);
        if (at_symbol("::") && is_label_parameter_list(e.args)) {
            advance();
            Expr label;
            label.kind = ExprKind::Label;
            label.name = std::move(e.name);
            for (const Expr& a : e.args)
                label.params.push_back({a.name, 0, a.span});
            label.args.push_back(parse_expr());
            return finish(std::move(label), begin);
        }
        while (at_symbol("!")) {
            advance();
            e.qualifiers.push_back({std::move(e.name), std::move(e.args)});
            e.args.clear();
            const Token& t = peek();
            if (t.kind == TokenKind::Identifier) {
                e.name = advance().text;
                parse_arguments(e.args);
            } else if (t.kind == TokenKind::Symbol && (infix_operator(t) || prefix_operator(t))) {
                e.name = advance().text;
            } else if (t.kind == TokenKind::Number ||
                       (t.kind == TokenKind::Symbol &&
                        (t.text == "<<" || t.text == ">>" || t.text == ":" || t.text == "@"))) {
                // A positional subexpression selector: Inv!2, Def!1!<<, Op!:
                e.name = advance().text;
            } else if (t.kind == TokenKind::Symbol && t.text == "(") {
                // Arguments given to the selected subexpression: Def!2!(self)
                e.name = "()";
                parse_arguments(e.args);
            } else {
                fail_expected("an operator name after `!`");
            }
        }
        if (at_symbol("(") && !e.args.empty())
            fail(peek(), "unexpected `(` after an operator application");
        return finish(std::move(e), begin);
    }

    static bool is_label_parameter_list(const std::vector<Expr>& args) {
        return !args.empty() && std::all_of(args.begin(), args.end(), [](const Expr& a) {
            return a.kind == ExprKind::Name && a.args.empty() && a.qualifiers.empty();
        });
    }

    // `(args)` after an operator name; an argument may be LAMBDA or an operator symbol.
    NOINLINE void parse_arguments(std::vector<Expr>& args) {
        const Token& t = peek();
        // F(+) reaches us as the single token `(+)`, which is also \oplus's ASCII spelling; it
        // is an argument only when glued to the name (`bag (+) other` is the infix operator).
        if (t.kind == TokenKind::Symbol && t.spelling.size() >= 3 && t.spelling.front() == '(' &&
            t.spelling.back() == ')' && t.begin.offset == last_end_.offset) {
            Expr op = leaf(ExprKind::OpRef, t);
            op.name = std::string(canonical_symbol(t.spelling.substr(1, t.spelling.size() - 2)));
            args.push_back(std::move(op));
            advance();
            return;
        }
        if (!at_symbol("(")) return;
        advance();
        do {
            args.push_back(parse_argument());
        } while (accept_symbol(","));
        expect_symbol(")", "to close the argument list");
    }

    Expr parse_argument() {
        const Token& t = peek();
        const Token& next = peek_at(1);
        bool next_ends = next.kind == TokenKind::Symbol && (next.text == "," || next.text == ")");
        if (t.kind == TokenKind::Symbol && next_ends && (infix_operator(t) || prefix_operator(t))) {
            Expr op = leaf(ExprKind::OpRef, t);
            op.name = t.text == "-" ? "-" : t.text;
            advance();
            return op;
        }
        return parse_expr();
    }

    NOINLINE Expr parse_keyword_expression() {
        const Token& t = peek();
        Position begin = t.begin;
        const std::string& k = t.text;
        if (k == "IF") {
            advance();
            Expr e;
            e.kind = ExprKind::If;
            e.args.push_back(parse_expr());
            expect_keyword("THEN", "after the IF condition");
            e.args.push_back(parse_expr());
            expect_keyword("ELSE", "after the THEN branch");
            e.args.push_back(parse_expr());
            return finish(std::move(e), begin);
        }
        if (k == "CASE") return parse_case();
        if (k == "LET") return parse_let();
        if (k == "CHOOSE") {
            advance();
            Expr e;
            e.kind = ExprKind::Choose;
            e.binders.push_back(parse_binder(true));
            expect_symbol(":", "after the CHOOSE variable");
            e.args.push_back(parse_expr());
            return finish(std::move(e), begin);
        }
        if (k == "LAMBDA") {
            advance();
            Expr e;
            e.kind = ExprKind::Lambda;
            do {
                const Token& p = peek();
                e.params.push_back({expect_identifier("a LAMBDA parameter"), 0, {p.begin, p.end}});
            } while (accept_symbol(","));
            expect_symbol(":", "after the LAMBDA parameters");
            e.args.push_back(parse_expr());
            return finish(std::move(e), begin);
        }
        if (k == "WF_" || k == "SF_") {
            advance();
            Expr e;
            e.kind = k == "WF_" ? ExprKind::WF : ExprKind::SF;
            e.args.push_back(parse_subscript());
            expect_symbol("(", "after the fairness subscript");
            e.args.push_back(parse_expr());
            expect_symbol(")", "to close the fairness condition");
            return finish(std::move(e), begin);
        }
        fail(t, "expected an expression, found " + describe(t));
    }

    NOINLINE Expr parse_symbol_expression() {
        const Token& t = peek();
        const std::string& s = t.text;
        if (s == "/\\" || s == "\\/") return parse_bullet_list();
        if (s == "(") return parse_parenthesized();
        if (s == "{") return parse_set();
        if (s == "[") return parse_bracket();
        if (s == "<<") return parse_tuple();
        if (s == "@") {
            advance();
            return leaf(ExprKind::At, t);
        }
        if (s == "\\A" || s == "\\E") return parse_quantifier();
        if (s == "\\AA" || s == "\\EE") return parse_temporal_quantifier();
        fail(t, "expected an expression, found " + describe(t));
    }

    NOINLINE Expr parse_parenthesized() {
        advance();
        Expr e = parse_expr();
        expect_symbol(")", "to close the parenthesis");
        e.parenthesized = true;
        return e;
    }

    // <<a, b>>  or  <<A>>_v
    NOINLINE Expr parse_tuple() {
        const Token& open = advance();
        Expr e;
        e.kind = ExprKind::Tuple;
        if (!at_symbol(">>") && !at_symbol(">>_")) parse_expr_list(e.args);
        if (at_symbol(">>_")) {
            advance();
            if (e.args.size() != 1) fail(open, "`<<A>>_v` needs exactly one action inside");
            e.kind = ExprKind::ActionAngle;
            e.args.push_back(parse_subscript());
            return finish(std::move(e), open.begin);
        }
        expect_symbol(">>", "to close the tuple");
        return finish(std::move(e), open.begin);
    }

    NOINLINE Expr parse_quantifier() {
        const Token& q = advance();
        Expr e;
        e.kind = q.text == "\\A" ? ExprKind::Forall : ExprKind::Exists;
        parse_binders(e.binders, true);
        expect_symbol(":", "after the quantifier bounds");
        e.args.push_back(parse_expr());
        return finish(std::move(e), q.begin);
    }

    NOINLINE Expr parse_temporal_quantifier() {
        const Token& q = advance();
        Expr e;
        e.kind = q.text == "\\AA" ? ExprKind::TemporalForall : ExprKind::TemporalExists;
        ast::Binder b;
        b.span.begin = peek().begin;
        do {
            b.names.push_back(expect_identifier("a variable name"));
        } while (accept_symbol(","));
        b.span.end = last_end_;
        e.binders.push_back(std::move(b));
        expect_symbol(":", "after the temporal quantifier variables");
        e.args.push_back(parse_expr());
        return finish(std::move(e), q.begin);
    }

    // A /\ or \/ bulleted list starting at the current token.
    NOINLINE Expr parse_bullet_list() {
        const Token& first = peek();
        const std::string bullet = first.text;
        const std::uint32_t column = first.begin.column;
        Position begin = first.begin;
        Expr list;
        list.kind = bullet == "/\\" ? ExprKind::ConjList : ExprKind::DisjList;
        while (true) {
            advance(); // the bullet
            bullet_columns_.push_back(column);
            try {
                list.args.push_back(parse_expr());
            } catch (...) {
                bullet_columns_.pop_back();
                throw;
            }
            bullet_columns_.pop_back();
            const Token& next = peek();
            if (next.kind == TokenKind::Symbol && next.text == bullet &&
                next.begin.column == column)
                continue;
            break;
        }
        return finish(std::move(list), begin);
    }

    NOINLINE Expr parse_case() {
        Position begin = advance().begin;
        Expr e;
        e.kind = ExprKind::Case;
        while (true) {
            if (accept_keyword("OTHER")) {
                expect_symbol("->", "after OTHER");
                e.args.push_back(parse_expr());
                e.has_other = true;
                break;
            }
            e.args.push_back(parse_expr());
            expect_symbol("->", "after the CASE condition");
            e.args.push_back(parse_expr());
            if (!accept_symbol("[]")) break;
        }
        return finish(std::move(e), begin);
    }

    NOINLINE Expr parse_let() {
        Position begin = advance().begin;
        Expr e;
        e.kind = ExprKind::Let;
        while (!at_keyword("IN")) {
            if (peek().kind == TokenKind::End) fail_expected("`IN` to end the LET definitions");
            e.units.push_back(parse_let_unit());
        }
        advance();
        e.args.push_back(parse_expr());
        return finish(std::move(e), begin);
    }

    ast::Unit parse_let_unit() {
        if (at_keyword("RECURSIVE")) return {parse_recursive()};
        if (at_keyword("LOCAL")) fail(peek(), "LOCAL is not allowed inside LET");
        return parse_definition(false);
    }

    // {}  {a, b}  {x \in S : P}  {<<x, y>> \in S : P}  {e : x \in S, y \in T}
    NOINLINE Expr parse_set() {
        Position begin = advance().begin;
        Expr e;
        e.kind = ExprKind::SetEnum;
        if (accept_symbol("}")) return finish(std::move(e), begin);
        Expr first = parse_expr();
        if (at_symbol(":")) {
            advance();
            if (auto binder = as_binder(first)) {
                e.kind = ExprKind::SetFilter;
                e.binders.push_back(std::move(*binder));
                e.args.push_back(parse_expr());
            } else {
                e.kind = ExprKind::SetMap;
                e.args.push_back(std::move(first));
                parse_binders(e.binders, false);
            }
            expect_symbol("}", "to close the set");
            return finish(std::move(e), begin);
        }
        e.args.push_back(std::move(first));
        while (accept_symbol(","))
            e.args.push_back(parse_expr());
        expect_symbol("}", "to close the set");
        return finish(std::move(e), begin);
    }

    // `x \in S` or `<<x, y>> \in S` read as an expression, seen again as a bound.
    static std::optional<ast::Binder> as_binder(Expr& e) {
        if (e.kind != ExprKind::OpApp || e.name != "\\in" || e.parenthesized) return std::nullopt;
        Expr& lhs = e.args[0];
        ast::Binder b;
        auto is_plain_name = [](const Expr& n) {
            return n.kind == ExprKind::Name && n.args.empty() && n.qualifiers.empty() &&
                   !n.parenthesized;
        };
        if (is_plain_name(lhs)) {
            b.names.push_back(lhs.name);
        } else if (lhs.kind == ExprKind::Tuple && !lhs.args.empty() &&
                   std::all_of(lhs.args.begin(), lhs.args.end(), is_plain_name)) {
            b.tuple = true;
            for (const Expr& n : lhs.args)
                b.names.push_back(n.name);
        } else {
            return std::nullopt;
        }
        b.span = e.span;
        b.set.push_back(std::move(e.args[1]));
        return b;
    }

    // One bound: x, y \in S | <<x, y>> \in S | x (when unbounded ones are allowed).
    // For CHOOSE (`single`), only one name.
    ast::Binder parse_binder(bool allow_unbounded, bool one_name_only = true) {
        ast::Binder b;
        Position begin = peek().begin;
        if (accept_symbol("<<")) {
            b.tuple = true;
            do {
                b.names.push_back(expect_identifier("a variable name in the tuple"));
            } while (accept_symbol(","));
            expect_symbol(">>", "to close the tuple of variables");
        } else {
            b.names.push_back(expect_identifier("a bound variable name"));
            while (!one_name_only && at_symbol(",") && peek_at(1).kind == TokenKind::Identifier &&
                   is_name_list_continuation()) {
                advance();
                b.names.push_back(advance().text);
            }
        }
        if (accept_symbol("\\in")) {
            b.set.push_back(parse_expr());
        } else if (!allow_unbounded) {
            fail_expected("`\\in` and a set after the bound variable");
        }
        b.span = {begin, last_end_};
        return b;
    }

    // At `, y`: is y another name of the same bound (x, y \in S) rather than a new bound?
    // It is when the names run on to `\in`, or, for unbounded lists, to `:`.
    bool is_name_list_continuation() const {
        std::size_t i = 1;
        while (true) {
            const Token& name = peek_at(i);
            if (name.kind != TokenKind::Identifier) return false;
            const Token& after = peek_at(i + 1);
            if (after.kind != TokenKind::Symbol) return false;
            if (after.text == ",") {
                i += 2;
                continue;
            }
            return after.text == "\\in" || after.text == ":";
        }
    }

    void parse_binders(std::vector<ast::Binder>& out, bool allow_unbounded) {
        do {
            out.push_back(parse_binder(allow_unbounded, false));
        } while (accept_symbol(","));
    }

    // Parses a subscript: _v in [A]_v, <<A>>_v, WF_v(A).
    NOINLINE Expr parse_subscript() {
        const Token& t = peek();
        if (t.kind == TokenKind::Identifier) {
            Position begin = t.begin;
            Expr e = leaf(ExprKind::Name, t);
            e.name = advance().text;
            while (at_symbol("!") && peek_at(1).kind == TokenKind::Identifier) {
                advance();
                e.qualifiers.push_back({std::move(e.name), {}});
                e.name = advance().text;
            }
            return finish(std::move(e), begin);
        }
        if (t.kind == TokenKind::Symbol && (t.text == "<<" || t.text == "("))
            return parse_primary();
        fail_expected("a subscript (a variable, a tuple or a parenthesized expression)");
    }

    // Everything that starts with `[`.
    NOINLINE Expr parse_bracket() {
        const Token& open = peek();
        Position begin = open.begin;
        advance();
        const Token& t = peek();
        const Token& next = peek_at(1);
        // [a |-> e, ...] and [a : S, ...]
        if (t.kind == TokenKind::Identifier && next.kind == TokenKind::Symbol &&
            (next.text == "|->" || next.text == ":")) {
            Expr e;
            e.kind = next.text == "|->" ? ExprKind::RecordCons : ExprKind::RecordSet;
            const std::string separator = next.text;
            do {
                e.fields.push_back(expect_identifier("a field name"));
                expect_symbol(separator, "after the field name");
                e.args.push_back(parse_expr());
            } while (accept_symbol(","));
            expect_symbol("]", e.kind == ExprKind::RecordCons ? "to close the record"
                                                              : "to close the record set");
            return finish(std::move(e), begin);
        }
        // [x \in S, y \in T |-> e]
        if (looks_like_function_constructor()) {
            Expr e;
            e.kind = ExprKind::FunCons;
            parse_binders(e.binders, false);
            expect_symbol("|->", "after the function bounds");
            e.args.push_back(parse_expr());
            expect_symbol("]", "to close the function");
            return finish(std::move(e), begin);
        }
        Expr first = parse_expr();
        if (accept_symbol("->")) {
            Expr e;
            e.kind = ExprKind::FunSet;
            e.args.push_back(std::move(first));
            e.args.push_back(parse_expr());
            expect_symbol("]", "to close the function set");
            return finish(std::move(e), begin);
        }
        if (accept_keyword("EXCEPT")) {
            Expr e;
            e.kind = ExprKind::Except;
            e.args.push_back(std::move(first));
            do {
                e.clauses.push_back(parse_except_clause());
            } while (accept_symbol(","));
            expect_symbol("]", "to close the EXCEPT");
            return finish(std::move(e), begin);
        }
        if (accept_symbol("]_")) {
            Expr e;
            e.kind = ExprKind::ActionBox;
            e.args.push_back(std::move(first));
            e.args.push_back(parse_subscript());
            return finish(std::move(e), begin);
        }
        fail_expected("`]_`, `->`, `|->` or EXCEPT in the bracket expression");
    }

    // After `[`: x \in S ... |->  or  x, y \in S ... |->  or  <<x, y>> \in S ... |->
    bool looks_like_function_constructor() const {
        std::size_t i = 0;
        if (peek_at(0).kind == TokenKind::Symbol && peek_at(0).text == "<<") {
            ++i;
            while (peek_at(i).kind == TokenKind::Identifier && peek_at(i + 1).text == ",")
                i += 2;
            if (peek_at(i).kind != TokenKind::Identifier || peek_at(i + 1).text != ">>")
                return false;
            i += 2;
        } else {
            while (peek_at(i).kind == TokenKind::Identifier && peek_at(i + 1).text == ",")
                i += 2;
            if (peek_at(i).kind != TokenKind::Identifier) return false;
            ++i;
        }
        const Token& in = peek_at(i);
        return in.kind == TokenKind::Symbol && in.text == "\\in";
    }

    ast::ExceptClause parse_except_clause() {
        expect_symbol("!", "to start an EXCEPT clause");
        ast::ExceptClause clause;
        while (true) {
            if (at_symbol(".")) {
                advance();
                ast::ExceptStep step;
                step.is_field = true;
                step.field = expect_identifier("a field name after `!.`");
                clause.path.push_back(std::move(step));
            } else if (at_symbol("[")) {
                advance();
                ast::ExceptStep step;
                parse_expr_list(step.index);
                expect_symbol("]", "to close the EXCEPT index");
                clause.path.push_back(std::move(step));
            } else {
                break;
            }
        }
        if (clause.path.empty()) fail_expected("`.field` or `[index]` after `!` in EXCEPT");
        expect_symbol("=", "after the EXCEPT path");
        clause.value.push_back(parse_expr());
        return clause;
    }

    // ---- Definitions ----

    // A parameter of a definition: x, F(_, _), _ + _, -. _, _ ^+
    ast::Param parse_param() {
        const Token& t = peek();
        ast::Param p;
        Position begin = t.begin;
        if (t.kind == TokenKind::Identifier) {
            p.name = advance().text;
            if (accept_symbol("(")) {
                do {
                    expect_symbol("_", "(an operator parameter's argument placeholder)");
                    ++p.arity;
                } while (accept_symbol(","));
                expect_symbol(")", "to close the operator parameter");
            }
        } else if (t.kind == TokenKind::Symbol && t.text == "_") {
            advance();
            const Token& op = peek();
            if (infix_operator(op) && peek_at(1).kind == TokenKind::Symbol &&
                peek_at(1).text == "_") {
                p.name = advance().text;
                advance();
                p.arity = 2;
            } else if (op.kind == TokenKind::Symbol && find_operator(op.text, Fixity::Postfix)) {
                p.name = advance().text;
                p.arity = 1;
            } else {
                fail_expected("an operator symbol in the parameter");
            }
        } else if (const OperatorInfo* prefix = prefix_operator(t)) {
            advance();
            p.name = std::string(prefix->name);
            expect_symbol("_", "after the prefix operator parameter");
            p.arity = 1;
        } else if (t.kind == TokenKind::Symbol && t.text == "-.") {
            advance();
            p.name = "-.";
            expect_symbol("_", "after the prefix operator parameter");
            p.arity = 1;
        } else {
            fail_expected("a parameter name");
        }
        p.span = {begin, last_end_};
        return p;
    }

    // Is the current token the start of a definition (used to end DEFINE lists in proofs)?
    bool at_definition_start() const {
        const Token& t = peek();
        const Token& n = peek_at(1);
        if (t.kind == TokenKind::Identifier) {
            if (n.kind != TokenKind::Symbol) return false;
            if (n.text == "==" || n.text == "(" || n.text == "[")
                return n.text == "==" || scan_to_double_equals(1);
            if (infix_operator(n) || find_operator(n.text, Fixity::Postfix))
                return scan_to_double_equals(1);
            return false;
        }
        if (prefix_operator(t) || (t.kind == TokenKind::Symbol && t.text == "-."))
            return n.kind == TokenKind::Identifier && peek_at(2).text == "==";
        return false;
    }

    // Whether `==` follows soon, before anything that cannot be part of a definition's header
    // (a heuristic used only inside proofs, where definitions and expressions mix).
    bool scan_to_double_equals(std::size_t from) const {
        for (std::size_t i = from; i < from + 64; ++i) {
            const Token& t = peek_at(i);
            if (t.kind == TokenKind::End || t.kind == TokenKind::Keyword ||
                t.kind == TokenKind::ProofStep || t.kind == TokenKind::DashLine ||
                t.kind == TokenKind::EqualsLine)
                return false;
            if (t.kind == TokenKind::Symbol && t.text == "==") return true;
        }
        return false;
    }

    // Op == e | Op(params) == e | f[x \in S] == e | a ++ b == e | -. a == e | a ^+ == e
    // | I == INSTANCE M ... | P(x) == INSTANCE M ...
    ast::Unit parse_definition(bool local) {
        DepthGuard guard(*this);
        const Token& t = peek();
        Position begin = t.begin;
        std::string name;
        std::vector<ast::Param> params;
        if (t.kind == TokenKind::Identifier) {
            const Token& n = peek_at(1);
            if (n.kind == TokenKind::Symbol && n.text == "[") {
                return {parse_function_definition(local)};
            }
            bool infix_def = infix_operator(n) && peek_at(2).kind == TokenKind::Identifier &&
                             peek_at(3).kind == TokenKind::Symbol && peek_at(3).text == "==";
            bool postfix_def = n.kind == TokenKind::Symbol &&
                               find_operator(n.text, Fixity::Postfix) && n.text != "'" &&
                               peek_at(2).kind == TokenKind::Symbol && peek_at(2).text == "==";
            if (infix_def) {
                const Token& left = advance();
                params.push_back({left.text, 0, {left.begin, left.end}});
                name = advance().text;
                const Token& right = advance();
                params.push_back({right.text, 0, {right.begin, right.end}});
            } else if (postfix_def) {
                const Token& operand = advance();
                params.push_back({operand.text, 0, {operand.begin, operand.end}});
                name = advance().text;
            } else {
                name = advance().text;
                if (accept_symbol("(")) {
                    do {
                        params.push_back(parse_param());
                    } while (accept_symbol(","));
                    expect_symbol(")", "to close the parameter list");
                }
            }
        } else if (const OperatorInfo* prefix = prefix_operator(t);
                   prefix || (t.kind == TokenKind::Symbol && t.text == "-.")) {
            advance();
            name = prefix ? std::string(prefix->name) : "-.";
            const Token& operand = peek();
            params.push_back({expect_identifier("the operand of the prefix operator definition"),
                              0,
                              {operand.begin, operand.end}});
        } else {
            fail_expected("a definition");
        }
        if (!at_symbol("==")) fail_expected("`==` after the operator name");
        advance();
        if (at_keyword("INSTANCE")) {
            ast::InstanceDef def;
            def.name = std::move(name);
            def.params = std::move(params);
            def.instance = parse_instance(local);
            def.local = local;
            def.span = {begin, last_end_};
            return {std::move(def)};
        }
        ast::OperatorDef def;
        def.name = std::move(name);
        def.params = std::move(params);
        def.body = parse_expr();
        def.local = local;
        def.span = {begin, last_end_};
        return {std::move(def)};
    }

    ast::FunctionDef parse_function_definition(bool local) {
        Position begin = peek().begin;
        ast::FunctionDef def;
        def.name = advance().text;
        expect_symbol("[");
        parse_binders(def.binders, false);
        expect_symbol("]", "to close the function bounds");
        if (!at_symbol("==")) fail_expected("`==` after the function's bounds");
        advance();
        def.body = parse_expr();
        def.local = local;
        def.span = {begin, last_end_};
        return def;
    }

    ast::Instance parse_instance(bool local) {
        Position begin = expect_keyword("INSTANCE").begin;
        ast::Instance inst;
        inst.module = expect_identifier("a module name after INSTANCE");
        inst.local = local;
        if (accept_keyword("WITH")) {
            do {
                const Token& t = peek();
                ast::Substitution sub;
                if (t.kind == TokenKind::Identifier) {
                    sub.name = advance().text;
                } else if (t.kind == TokenKind::Symbol &&
                           (infix_operator(t) || prefix_operator(t) || t.text == "-." ||
                            find_operator(t.text, Fixity::Postfix))) {
                    sub.name = t.text;
                    advance();
                } else {
                    fail_expected("a constant or variable name in the WITH substitution");
                }
                expect_symbol("<-", "in the substitution");
                const Token& v = peek();
                const Token& after = peek_at(1);
                // An operator symbol alone (Op <- +) substitutes the operator itself; it is
                // alone when nothing on its line continues it.
                bool lone_symbol =
                    v.kind == TokenKind::Symbol && (infix_operator(v) || prefix_operator(v)) &&
                    ((after.kind == TokenKind::Symbol && after.text == ",") ||
                     after.kind == TokenKind::End || after.begin.line != v.begin.line);
                if (lone_symbol) {
                    sub.value = leaf(ExprKind::OpRef, v);
                    sub.value.name = v.text;
                    advance();
                } else {
                    sub.value = parse_expr();
                }
                sub.span = {t.begin, last_end_};
                inst.substitutions.push_back(std::move(sub));
            } while (accept_symbol(","));
        }
        inst.span = {begin, last_end_};
        return inst;
    }

    ast::RecursiveDecl parse_recursive() {
        Position begin = expect_keyword("RECURSIVE").begin;
        ast::RecursiveDecl decl;
        do {
            decl.operators.push_back(parse_param());
        } while (accept_symbol(","));
        decl.span = {begin, last_end_};
        return decl;
    }

    // ---- Modules ----

    static void set_file(ast::Module& m, const std::string& file) {
        m.file = file;
        for (ast::Unit& u : m.units)
            if (auto* nested = std::get_if<std::shared_ptr<ast::Module>>(&u.node))
                set_file(**nested, file);
    }

    ast::Module parse_module() {
        DepthGuard guard(*this);
        BulletScope scope(*this);
        ast::Module m;
        const Token& start = peek();
        if (start.kind != TokenKind::DashLine) fail_expected("`---- MODULE`");
        advance();
        expect_keyword("MODULE", "after `----`");
        m.name = expect_identifier("a module name after MODULE");
        if (peek().kind != TokenKind::DashLine) fail_expected("`----` after the module name");
        advance();
        if (accept_keyword("EXTENDS")) {
            do {
                m.extends.push_back(expect_identifier("a module name after EXTENDS"));
            } while (accept_symbol(","));
        }
        while (true) {
            const Token& t = peek();
            if (t.kind == TokenKind::EqualsLine) {
                advance();
                break;
            }
            if (t.kind == TokenKind::End) fail_expected("`====` to end module " + m.name);
            if (t.kind == TokenKind::DashLine) {
                if (peek_at(1).kind == TokenKind::Keyword && peek_at(1).text == "MODULE") {
                    m.units.push_back({std::make_shared<ast::Module>(parse_module())});
                } else {
                    advance();
                }
                continue;
            }
            parse_module_unit(m.units);
        }
        m.span = {start.begin, last_end_};
        return m;
    }

    void parse_module_unit(std::vector<ast::Unit>& units) {
        const Token& t = peek();
        Position begin = t.begin;
        if (t.kind == TokenKind::Keyword) {
            const std::string& k = t.text;
            if (k == "LOCAL") {
                advance();
                if (at_keyword("INSTANCE")) {
                    units.push_back({parse_instance(true)});
                } else {
                    units.push_back(parse_definition(true));
                }
                return;
            }
            if (k == "CONSTANT" || k == "CONSTANTS") {
                advance();
                ast::ConstantDecl decl;
                do {
                    decl.constants.push_back(parse_param());
                } while (accept_symbol(","));
                decl.span = {begin, last_end_};
                units.push_back({std::move(decl)});
                return;
            }
            if (k == "VARIABLE" || k == "VARIABLES") {
                advance();
                ast::VariableDecl decl;
                do {
                    const Token& v = peek();
                    decl.variables.push_back(
                        {expect_identifier("a variable name"), 0, {v.begin, v.end}});
                } while (accept_symbol(","));
                decl.span = {begin, last_end_};
                units.push_back({std::move(decl)});
                return;
            }
            if (k == "ASSUME" || k == "ASSUMPTION" || k == "AXIOM") {
                advance();
                ast::Assumption a;
                if (peek().kind == TokenKind::Identifier && peek_at(1).text == "==") {
                    a.name = advance().text;
                    advance();
                }
                a.body = parse_expr();
                a.span = {begin, last_end_};
                units.push_back({std::move(a)});
                return;
            }
            if (k == "THEOREM" || k == "LEMMA" || k == "PROPOSITION" || k == "COROLLARY") {
                units.push_back({parse_theorem()});
                return;
            }
            if (k == "RECURSIVE") {
                units.push_back({parse_recursive()});
                return;
            }
            if (k == "INSTANCE") {
                units.push_back({parse_instance(false)});
                return;
            }
            if (k == "USE" || k == "HIDE") {
                advance();
                parse_use_body();
                return;
            }
        }
        if (t.kind == TokenKind::Identifier || t.kind == TokenKind::Symbol) {
            units.push_back(parse_definition(false));
            return;
        }
        fail_expected("a definition, a declaration or `====`");
    }

    // ---- Theorems and proofs (parsed for syntax, then dropped) ----

    ast::Theorem parse_theorem() {
        Position begin = advance().begin;
        ast::Theorem th;
        if (peek().kind == TokenKind::Identifier && peek_at(1).text == "==") {
            th.name = advance().text;
            advance();
        }
        if (at_keyword("ASSUME")) {
            parse_assume_prove();
        } else {
            th.body.push_back(parse_expr());
        }
        th.span = {begin, last_end_};
        if (at_proof_start()) parse_proof(0);
        return th;
    }

    // An expression or ASSUME ... PROVE ...
    void parse_assertion() {
        if (at_keyword("ASSUME")) {
            parse_assume_prove();
        } else {
            parse_expr();
        }
    }

    void parse_assume_prove() {
        DepthGuard guard(*this);
        expect_keyword("ASSUME");
        BulletScope scope(*this); // the hypotheses are a list, not a bulleted expression
        do {
            if (at_keyword("ASSUME")) {
                parse_assume_prove();
            } else if (at_keyword("NEW") || at_keyword("CONSTANT") || at_keyword("VARIABLE") ||
                       at_keyword("STATE") || at_keyword("ACTION") || at_keyword("TEMPORAL")) {
                parse_new_declaration();
            } else if (at_definition_start()) {
                parse_definition(false);
            } else {
                parse_expr();
            }
        } while (accept_symbol(","));
        expect_keyword("PROVE", "after the ASSUME hypotheses");
        parse_expr();
    }

    // NEW x | NEW x \in S | NEW CONSTANT x | NEW VARIABLE x | NEW ACTION A | NEW F(_, _)
    void parse_new_declaration() {
        accept_keyword("NEW");
        for (std::string_view level : {"CONSTANT", "VARIABLE", "STATE", "ACTION", "TEMPORAL"})
            if (accept_keyword(level)) break;
        parse_param();
        if (accept_symbol("\\in")) parse_expr();
    }

    bool at_proof_start() const {
        const Token& t = peek();
        if (t.kind == TokenKind::ProofStep) return true;
        return t.kind == TokenKind::Keyword &&
               (t.text == "PROOF" || t.text == "BY" || t.text == "OBVIOUS" || t.text == "OMITTED");
    }

    // The level of a step token `<n>...`; `<*>` continues the current level, `<+>` opens one.
    static int step_level(const Token& t, int current) {
        char c = t.spelling[1];
        if (c == '*') return current;
        if (c == '+') return current + 1;
        // Saturates, so that `<99999999999>` cannot overflow (no proof is that deep).
        constexpr int max_level = 1'000'000;
        int level = 0;
        for (std::size_t i = 1;
             i < t.spelling.size() && t.spelling[i] >= '0' && t.spelling[i] <= '9'; ++i)
            level = std::min(level * 10 + (t.spelling[i] - '0'), max_level);
        return level;
    }

    // A proof below a statement at step level `parent` (0 for a theorem).
    void parse_proof(int parent) {
        DepthGuard guard(*this);
        accept_keyword("PROOF");
        if (accept_keyword("OBVIOUS") || accept_keyword("OMITTED")) return;
        if (accept_keyword("BY")) {
            parse_use_body();
            return;
        }
        if (peek().kind != TokenKind::ProofStep)
            fail_expected("BY, OBVIOUS, OMITTED or a proof step");
        const Token& first = peek();
        int level = first.spelling[1] == '*' ? parent + 1 : step_level(first, parent);
        if (level <= parent) fail(first, "a proof step must be at a deeper level than its parent");
        while (peek().kind == TokenKind::ProofStep) {
            const Token& step = peek();
            int this_level = step.spelling[1] == '*' || step.spelling[1] == '+'
                                 ? level
                                 : step_level(step, level);
            if (this_level != level) break;
            advance();
            bool qed = parse_step_body();
            if (at_proof_start() &&
                (peek().kind != TokenKind::ProofStep || step_level(peek(), level) > level ||
                 peek().spelling[1] == '+'))
                parse_proof(level);
            if (qed) return;
        }
    }

    // The statement after a step token. Returns true for QED.
    bool parse_step_body() {
        if (accept_keyword("QED")) return true;
        if (accept_keyword("SUFFICES")) {
            parse_assertion();
        } else if (accept_keyword("HAVE")) {
            parse_expr();
        } else if (accept_keyword("TAKE")) {
            std::vector<ast::Binder> binders;
            parse_binders(binders, true);
        } else if (accept_keyword("WITNESS")) {
            std::vector<Expr> witnesses;
            parse_expr_list(witnesses);
        } else if (accept_keyword("PICK")) {
            std::vector<ast::Binder> binders;
            parse_binders(binders, true);
            expect_symbol(":", "after the PICK variables");
            parse_expr();
        } else if (accept_keyword("CASE")) {
            parse_expr();
        } else if (accept_keyword("USE") || accept_keyword("HIDE")) {
            parse_use_body();
        } else if (accept_keyword("DEFINE")) {
            do {
                parse_definition(false);
            } while (at_definition_start());
        } else if (at_keyword("INSTANCE")) {
            parse_instance(false);
        } else if (at_definition_start()) {
            parse_definition(false);
        } else {
            parse_assertion();
        }
        return false;
    }

    // The facts and definitions after BY, USE or HIDE: [ONLY] e1, MODULE M, ... [DEF(S) d1, ...]
    void parse_use_body() {
        accept_keyword("ONLY");
        auto parse_fact = [&] {
            if (accept_keyword("MODULE")) {
                expect_identifier("a module name");
                return;
            }
            const Token& t = peek();
            if (t.kind == TokenKind::Symbol && (infix_operator(t) || prefix_operator(t)) &&
                !(t.text == "-" || t.text == "~" || t.text == "[]" || t.text == "<>")) {
                advance();
                return;
            }
            parse_expr();
        };
        if (!at_keyword("DEF") && !at_keyword("DEFS")) {
            do {
                parse_fact();
            } while (accept_symbol(","));
        }
        if (accept_keyword("DEF") || accept_keyword("DEFS")) {
            do {
                parse_fact();
            } while (accept_symbol(","));
        }
    }

    const std::vector<Token>& tokens_;
    std::size_t pos_ = 0;
    std::vector<std::uint32_t> bullet_columns_;
    mutable Token boundary_;
    const Token* last_postfix_ = nullptr; // the last postfix operator applied, for messages
    Token end_;
    Position last_end_;
    int depth_ = 0;
};

} // namespace

ast::Module parse_module_tokens(const std::vector<Token>& tokens, std::string_view file_name) {
    return Parser(tokens).module(file_name);
}

ast::Expr parse_expression_tokens(const std::vector<Token>& tokens) {
    return Parser(tokens).whole_expression();
}

} // namespace tlatv::parser
