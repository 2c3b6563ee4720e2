// What the .cfg grammar produces: the sections in written order, before they are folded into a
// cfg::Config (where repeated keywords are merged or rejected). Internal to the .cfg parser.
#pragma once

#include "parser/cfg_ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

#include <string>
#include <vector>

namespace tlatv::cfg::syntax {

// What follows a constant's name: `<- [M] Op` or `= [M] value`.
struct EntryTail {
    bool replacement = false; // `<-`
    std::string module;       // `[M]`, empty when absent
    Value value;              // for `<-`: a ModelValue naming the replacement operator
};

// One entry of a CONSTANT(S) section.
struct ConstantEntry {
    Name constant;
    std::vector<Value> arguments; // `F(v1, v2) = value`
    EntryTail tail;
    Span span;
};

// A keyword and what follows it. Name sections fill `names`; CONSTANT(S) fills `entries`;
// CHECK_DEADLOCK's TRUE/FALSE is its single name.
struct Section {
    Name keyword;
    std::vector<Name> names;
    std::vector<ConstantEntry> entries;
};

using Sections = std::vector<Section>;

} // namespace tlatv::cfg::syntax

// Spans are not part of the adapted members: the grammar's rules fill them on success.
BOOST_FUSION_ADAPT_STRUCT(tlatv::cfg::Value, kind, text, elements)
BOOST_FUSION_ADAPT_STRUCT(tlatv::cfg::Name, name)
BOOST_FUSION_ADAPT_STRUCT(tlatv::cfg::syntax::EntryTail, replacement, module, value)
BOOST_FUSION_ADAPT_STRUCT(tlatv::cfg::syntax::ConstantEntry, constant, arguments, tail)
BOOST_FUSION_ADAPT_STRUCT(tlatv::cfg::syntax::Section, keyword, names, entries)
