// The TLA+ operator symbols: every accepted spelling (ASCII and Unicode), the one canonical
// spelling each maps to, and the precedence and associativity of each canonical operator.
//
// The AST names every symbolic operator by its canonical spelling, so the resolver and the
// evaluator only ever see the names in the "canonical" column below. Synonyms follow SANY:
//
//   canonical   also written as
//   /\          \land  ∧
//   \/          \lor   ∨
//   ~           \lnot  \neg  ¬
//   =>          ⇒
//   <=>         \equiv  ⇔  ≡
//   #           /=  ≠
//   \leq        =<  <=  ≤
//   \geq        >=  ≥
//   \in         ∈           \notin  ∉
//   \cup        \union  ∪   \cap    \intersect  ∩
//   \subseteq   ⊆           \subset ⊂   \supseteq ⊇   \supset ⊃
//   \X          \times  ×
//   \o          \circ  ∘
//   \oplus      (+)  ⊕      \ominus (-)  ⊖   \odot (.)  ⊙   \oslash (/)  ⊘   \otimes (\X)  ⊗
//   \div        ÷           \cdot  ⋅
//   []          □           <>  ◇
//   ~>          ↝           -+->  ⇸
//   \A          ∀           \E  ∃     \AA  \EE (temporal quantifiers)
//   <<  >>      ⟨  ⟩        |->  ↦    ->  →    <-  ←    ==  ≜
//   \sqsubseteq ⊑  \sqsupseteq ⊒  \sqsubset ⊏  \sqsupset ⊐  \sqcap ⊓  \sqcup ⊔  \uplus ⊎
//   \prec ≺  \succ ≻  \preceq ⪯  \succeq ⪰  \sim ∼  \simeq ≃  \approx ≈  \cong ≅  \asymp ≍
//   \doteq ≐  \propto ∝  \ll ≪  \gg ≫  \wr ≀  \star ⋆  \bullet •  \bigcirc ◯
//   |-  ⊢   -|  ⊣   |=  ⊨   =|  ⫤   ...  …   ..  ‥   :=  ≔   ::=  ⩴   !!  ‼   ??  ⁇
//   ||  ‖   ^+  ⁺   \bullet ● •
//
// Prefix minus is canonically `-.` (the name a definition `-. a == ...` gives it); infix minus
// is `-`. Unary operators written with words (DOMAIN, SUBSET, UNION, ENABLED, UNCHANGED) are named
// by the word.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace tlatv::parser {

// One way of writing a symbol, and the canonical spelling it stands for.
struct Spelling {
    std::string_view text;
    std::string_view canonical;
};

// Every symbol the lexer recognises: operators, punctuation and their Unicode forms.
std::span<const Spelling> symbol_spellings();

enum class Fixity : std::uint8_t { Prefix, Infix, Postfix };

// Precedence ranges as SANY has them: an operator binds tighter than another when its whole
// range lies above the other's. Two operators whose ranges overlap cannot be mixed without
// parentheses, except the same left-associative infix operator repeated. SUBSET, UNION and
// DOMAIN are 10-13; prefix minus (12) cannot follow an operator whose range lies above 12
// (`a * -b` is an error, as in SANY); a postfix operator (15) cannot follow ENABLED, UNCHANGED,
// [] or <> (4-15) directly.
struct OperatorInfo {
    std::string_view name; // canonical spelling
    Fixity fixity;
    std::uint8_t low;
    std::uint8_t high;
    bool left_assoc;
};

// The operator of the given fixity whose canonical spelling is `name`, or nullptr.
const OperatorInfo* find_operator(std::string_view name, Fixity fixity);

// The canonical spelling of `text` if it is a symbol spelling, else `text` itself.
std::string_view canonical_symbol(std::string_view text);

} // namespace tlatv::parser
