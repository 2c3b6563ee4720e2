#include "parser/ast_printer.hpp"

#include "lib/quoted_string.hpp"

#include <fmt/format.h>

namespace tlatv::parser {
namespace {

class Printer {
public:
    std::string out;

    void expr(const ast::Expr& e) {
        using K = ast::ExprKind;
        switch (e.kind) {
        case K::Name:
            return name(e);
        case K::Number:
        case K::Decimal:
            out += e.text;
            return;
        case K::String:
            string_literal(e.text);
            return;
        case K::At:
            out += '@';
            return;
        case K::OpRef:
            out += "(opref " + e.name + ")";
            return;
        case K::OpApp:
            return node(e.name, e.args);
        case K::ConjList:
            return node("/\\list", e.args);
        case K::DisjList:
            return node("\\/list", e.args);
        case K::FunApp:
            return node("app", e.args);
        case K::Dot:
            out += "(. ";
            expr(e.args[0]);
            out += ' ' + e.name + ')';
            return;
        case K::Tuple:
            return node("tuple", e.args);
        case K::SetEnum:
            return node("set", e.args);
        case K::SetFilter:
            out += "(filter ";
            binders(e.binders);
            out += ' ';
            expr(e.args[0]);
            out += ')';
            return;
        case K::SetMap:
            out += "(setmap ";
            expr(e.args[0]);
            out += ' ';
            binders(e.binders);
            out += ')';
            return;
        case K::FunCons:
            out += "(fun ";
            binders(e.binders);
            out += ' ';
            expr(e.args[0]);
            out += ')';
            return;
        case K::FunSet:
            return node("funset", e.args);
        case K::RecordCons:
        case K::RecordSet:
            out += e.kind == K::RecordCons ? "(record" : "(recordset";
            for (std::size_t i = 0; i < e.fields.size(); ++i) {
                out += " (" + e.fields[i] + ' ';
                expr(e.args[i]);
                out += ')';
            }
            out += ')';
            return;
        case K::Except:
            out += "(except ";
            expr(e.args[0]);
            for (const ast::ExceptClause& c : e.clauses) {
                out += " (!";
                for (const ast::ExceptStep& s : c.path) {
                    if (s.is_field) {
                        out += " ." + s.field;
                    } else {
                        out += " [";
                        list(s.index);
                        out += ']';
                    }
                }
                out += ' ';
                expr(c.value[0]);
                out += ')';
            }
            out += ')';
            return;
        case K::ActionBox:
            return node("[]_", e.args);
        case K::ActionAngle:
            return node("<<>>_", e.args);
        case K::WF:
            return node("WF", e.args);
        case K::SF:
            return node("SF", e.args);
        case K::Forall:
            return quantifier("forall", e);
        case K::Exists:
            return quantifier("exists", e);
        case K::Choose:
            return quantifier("choose", e);
        case K::TemporalForall:
            return quantifier("AA", e);
        case K::TemporalExists:
            return quantifier("EE", e);
        case K::If:
            return node("if", e.args);
        case K::Case:
            out += "(case";
            for (std::size_t i = 0; i + 1 < e.args.size(); i += 2) {
                out += ' ';
                expr(e.args[i]);
                out += " -> ";
                expr(e.args[i + 1]);
            }
            if (e.has_other) {
                out += " (other ";
                expr(e.args.back());
                out += ')';
            }
            out += ')';
            return;
        case K::Let:
            out += "(let (";
            for (std::size_t i = 0; i < e.units.size(); ++i) {
                if (i > 0) out += ' ';
                unit(e.units[i]);
            }
            out += ") ";
            expr(e.args[0]);
            out += ')';
            return;
        case K::Lambda:
            out += "(lambda ";
            params(e.params);
            out += ' ';
            expr(e.args[0]);
            out += ')';
            return;
        case K::Label:
            out += "(label " + e.name + ' ';
            if (!e.params.empty()) {
                params(e.params);
                out += ' ';
            }
            expr(e.args[0]);
            out += ')';
            return;
        }
    }

    void module(const ast::Module& m, int indent) {
        std::string pad(std::size_t(indent) * 2, ' ');
        out += pad + "(module " + m.name;
        if (!m.extends.empty()) {
            out += " (extends";
            for (const std::string& x : m.extends)
                out += ' ' + x;
            out += ')';
        }
        for (const ast::Unit& u : m.units) {
            out += '\n';
            if (auto* nested = std::get_if<std::shared_ptr<ast::Module>>(&u.node)) {
                module(**nested, indent + 1);
            } else {
                out += pad + "  ";
                unit(u);
            }
        }
        out += ')';
    }

private:
    void name(const ast::Expr& e) {
        std::string full;
        bool qualifier_args = false;
        for (const ast::Qualifier& q : e.qualifiers) {
            full += q.name;
            if (!q.args.empty()) {
                qualifier_args = true;
                Printer inner;
                inner.list(q.args);
                full += '(' + inner.out + ')';
            }
            full += '!';
        }
        full += e.name;
        if (e.args.empty() && !qualifier_args && e.qualifiers.empty()) {
            out += full;
            return;
        }
        node(full, e.args);
    }

    void node(const std::string& head, const std::vector<ast::Expr>& args) {
        out += '(' + head;
        for (const ast::Expr& a : args) {
            out += ' ';
            expr(a);
        }
        out += ')';
    }

    void list(const std::vector<ast::Expr>& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) out += ' ';
            expr(items[i]);
        }
    }

    void string_literal(const std::string& s) { append_quoted(out, s, QuoteStyle::Tla); }

    void binders(const std::vector<ast::Binder>& bs) {
        out += '(';
        for (std::size_t i = 0; i < bs.size(); ++i) {
            if (i > 0) out += ' ';
            const ast::Binder& b = bs[i];
            out += b.tuple ? "(<<" : "(";
            for (std::size_t j = 0; j < b.names.size(); ++j)
                out += (j > 0 ? " " : "") + b.names[j];
            out += b.tuple ? ">>" : "";
            if (!b.set.empty()) {
                out += " \\in ";
                expr(b.set[0]);
            }
            out += ')';
        }
        out += ')';
    }

    void quantifier(const char* head, const ast::Expr& e) {
        out += '(' + std::string(head) + ' ';
        binders(e.binders);
        out += ' ';
        expr(e.args[0]);
        out += ')';
    }

    void params(const std::vector<ast::Param>& ps) {
        out += '(';
        for (std::size_t i = 0; i < ps.size(); ++i) {
            if (i > 0) out += ' ';
            out += ps[i].name;
            if (ps[i].arity > 0) out += '/' + std::to_string(ps[i].arity);
        }
        out += ')';
    }

    void instance(const ast::Instance& inst) {
        out += "(instance " + inst.module;
        for (const ast::Substitution& s : inst.substitutions) {
            out += " (<- " + s.name + ' ';
            expr(s.value);
            out += ')';
        }
        out += ')';
    }

    void unit(const ast::Unit& u) {
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, ast::OperatorDef>) {
                    out += node.local ? "(local-def " : "(def ";
                    out += node.name + ' ';
                    params(node.params);
                    out += ' ';
                    expr(node.body);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::FunctionDef>) {
                    out += node.local ? "(local-fundef " : "(fundef ";
                    out += node.name + ' ';
                    binders(node.binders);
                    out += ' ';
                    expr(node.body);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::InstanceDef>) {
                    out += node.local ? "(local-instance-def " : "(instance-def ";
                    out += node.name + ' ';
                    params(node.params);
                    out += ' ';
                    instance(node.instance);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::Instance>) {
                    if (node.local) out += "(local ";
                    instance(node);
                    if (node.local) out += ')';
                } else if constexpr (std::is_same_v<T, ast::ConstantDecl>) {
                    out += "(constants ";
                    params(node.constants);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::VariableDecl>) {
                    out += "(variables ";
                    params(node.variables);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::RecursiveDecl>) {
                    out += "(recursive ";
                    params(node.operators);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::Assumption>) {
                    out += "(assume " + (node.name.empty() ? std::string("_") : node.name) + ' ';
                    expr(node.body);
                    out += ')';
                } else if constexpr (std::is_same_v<T, ast::Theorem>) {
                    out += "(theorem " + (node.name.empty() ? std::string("_") : node.name) + ')';
                } else {
                    module(*node, 0);
                }
            },
            u.node);
    }
};

} // namespace

std::string to_sexpr(const ast::Expr& expr) {
    Printer p;
    p.expr(expr);
    return std::move(p.out);
}

std::string to_sexpr(const ast::Module& module) {
    Printer p;
    p.module(module, 0);
    return std::move(p.out);
}

} // namespace tlatv::parser
