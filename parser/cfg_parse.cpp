#include "parser/cfg_parse.hpp"

#include "parser/cfg_grammar.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

namespace tlatv::cfg {

namespace {

// Sets and tuples nested deeper than this are refused before parsing: the grammar recurses once
// per level, and a hostile `{{{{...` must give an error, not overflow the stack.
constexpr int kMaxValueNesting = 500;

// Where the sets and tuples of `text` first nest deeper than kMaxValueNesting, or null. Strings
// and comments are skipped.
const char* too_deep_nesting(std::string_view text) {
    int depth = 0;
    int comment_depth = 0; // (* *) comments nest
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == '(' && next == '*') {
            ++comment_depth;
            ++i;
        } else if (comment_depth > 0) {
            if (c == '*' && next == ')') --comment_depth, ++i;
        } else if (c == '\\' && next == '*') {
            while (i < text.size() && text[i] != '\n')
                ++i;
        } else if (c == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
        } else if (c == '{' || (c == '<' && next == '<')) {
            if (++depth > kMaxValueNesting) return text.data() + i;
            if (c == '<') ++i;
        } else if (c == '}' || (c == '>' && next == '>')) {
            depth = std::max(depth - 1, 0);
            if (c == '>') ++i;
        }
    }
    return nullptr;
}

// Folds the sections, in written order, into a Config the way TLC's ModelConfig does: list
// keywords accumulate, single-name keywords and CHECK_DEADLOCK may appear once.
class SectionFolder {
public:
    SectionFolder(grammar::SourceText& source, Config& config)
        : source_(source)
        , config_(config) {}

    void fold(syntax::Section& section) {
        std::string_view const keyword = section.keyword.name;
        if (keyword == "CONSTANT" || keyword == "CONSTANTS") {
            for (auto& entry : section.entries)
                fold_entry(entry);
        } else if (keyword == "INVARIANT" || keyword == "INVARIANTS") {
            append(config_.invariants, section.names);
        } else if (keyword == "PROPERTY" || keyword == "PROPERTIES") {
            append(config_.properties, section.names);
        } else if (keyword == "CONSTRAINT" || keyword == "CONSTRAINTS") {
            append(config_.constraints, section.names);
        } else if (keyword == "ACTION_CONSTRAINT" || keyword == "ACTION_CONSTRAINTS") {
            append(config_.action_constraints, section.names);
        } else if (keyword == "CHECK_DEADLOCK") {
            if (config_.check_deadlock) {
                twice(section.keyword, config_.check_deadlock_span);
                return;
            }
            config_.check_deadlock = section.names.at(0).name == "TRUE";
            config_.check_deadlock_span = section.keyword.span;
        } else {
            set_once(single_slot(keyword), section);
        }
    }

private:
    std::optional<Name>& single_slot(std::string_view keyword) {
        if (keyword == "SPECIFICATION") return config_.specification;
        if (keyword == "INIT") return config_.init;
        if (keyword == "NEXT") return config_.next;
        if (keyword == "VIEW") return config_.view;
        if (keyword == "SYMMETRY") return config_.symmetry;
        if (keyword == "ALIAS") return config_.alias;
        if (keyword == "POSTCONDITION") return config_.postcondition;
        if (keyword == "_PERIODIC") return config_.periodic;
        return config_.rl_reward; // the grammar admits no other keyword
    }

    void set_once(std::optional<Name>& slot, syntax::Section& section) {
        auto& first = first_occurrence_[&slot];
        if (slot) {
            twice(section.keyword, first);
            return;
        }
        slot = std::move(section.names.at(0));
        first = section.keyword.span;
    }

    void twice(Name const& keyword, Span first) {
        source_.errors().push_back(source_.diagnostic_at(
            keyword.span.begin, fmt::format("keyword {} appears twice (first at line {})",
                                            keyword.name, first.begin.line)));
    }

    void fold_entry(syntax::ConstantEntry& entry) {
        if (entry.tail.replacement) {
            if (!entry.arguments.empty()) {
                source_.errors().push_back(source_.diagnostic_at(
                    entry.span.begin,
                    fmt::format("`{}(...)` cannot be replaced with `<-`; write `{} <- Op`",
                                entry.constant.name, entry.constant.name)));
                return;
            }
            config_.replacements.push_back(Replacement{
                std::move(entry.constant), std::move(entry.tail.module),
                Name{std::move(entry.tail.value.text), entry.tail.value.span}, entry.span});
            return;
        }
        config_.assignments.push_back(ConstantAssignment{
            std::move(entry.constant), std::move(entry.arguments), std::move(entry.tail.module),
            std::move(entry.tail.value), entry.span});
    }

    static void append(std::vector<Name>& into, std::vector<Name>& names) {
        for (auto& name : names)
            into.push_back(std::move(name));
    }

    grammar::SourceText& source_;
    Config& config_;
    std::map<std::optional<Name> const*, Span> first_occurrence_;
};

} // namespace

ConfigParse parse_config(std::string_view text, std::string_view file_name) {
    grammar::SourceText source(text, file_name);
    syntax::Sections sections;
    auto first = text.data();
    auto const last = text.data() + text.size();
    auto const parser =
        grammar::x3::with<grammar::source_tag>(std::ref(source))[grammar::config_grammar()];

    if (const char* deep = too_deep_nesting(text)) {
        ConfigParse result;
        result.errors.push_back(source.diagnostic_at(
            deep, fmt::format("values nested more than {} deep", kMaxValueNesting)));
        return result;
    }
    bool parsed = false;
    try {
        parsed = grammar::x3::phrase_parse(first, last, parser, grammar::Skipper{}, sections);
    } catch (std::exception const& failure) {
        // The grammar reports expectation failures itself; anything else is a bug, but bad
        // input must still come back as a diagnostic.
        source.errors().push_back(
            source.diagnostic_at(first, std::string("internal error: ") + failure.what()));
    }
    ConfigParse result;
    if (!parsed || first != last) {
        if (source.errors().empty())
            source.errors().push_back(source.diagnostic_at(first, "cannot parse configuration"));
        result.errors = std::move(source.errors());
        return result;
    }

    Config config;
    config.file = std::string(file_name);
    SectionFolder folder(source, config);
    for (auto& section : sections)
        folder.fold(section);
    if (!source.errors().empty()) {
        result.errors = std::move(source.errors());
        return result;
    }
    result.config = std::move(config);
    return result;
}

namespace {

std::string_view trim_line_end(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.remove_suffix(1);
    return line;
}

// Whether `line` is `----* CONFIG name ----*` (at least four dashes on each side).
bool is_config_header(std::string_view line, std::string_view config_name) {
    line = trim_line_end(line);
    auto dashes = [&line]() {
        std::size_t count = 0;
        while (count < line.size() && line[count] == '-')
            ++count;
        line.remove_prefix(count);
        return count;
    };
    auto blanks = [&line]() {
        std::size_t count = 0;
        while (count < line.size() && (line[count] == ' ' || line[count] == '\t'))
            ++count;
        line.remove_prefix(count);
        return count;
    };
    if (dashes() < 4) return false;
    blanks();
    if (!line.starts_with("CONFIG")) return false;
    line.remove_prefix(6);
    if (blanks() == 0 || !line.starts_with(config_name)) return false;
    line.remove_prefix(config_name.size());
    blanks();
    return dashes() >= 4 && line.empty();
}

} // namespace

ConfigParse parse_embedded_config(std::string_view tla_text, std::string_view config_name,
                                  std::string_view file_name) {
    // Everything outside the block is blanked (line breaks kept) so positions stay the file's.
    std::string blanked(tla_text.size(), ' ');
    bool inside = false;
    bool found = false;
    std::size_t begin = 0;
    while (begin < tla_text.size()) {
        std::size_t end = tla_text.find('\n', begin);
        if (end == std::string_view::npos) end = tla_text.size();
        std::string_view const line = tla_text.substr(begin, end - begin);
        if (inside && line.starts_with("=====")) break;
        if (inside) {
            blanked.replace(begin, line.size(), line);
        } else if (!found && is_config_header(line, config_name)) {
            inside = found = true;
        }
        if (end < tla_text.size()) blanked[end] = '\n';
        begin = end + 1;
    }
    if (!found) {
        ConfigParse result;
        result.errors.push_back(
            Diagnostic{std::string(file_name),
                       0,
                       0,
                       fmt::format("no `---- CONFIG {} ----` block in the file", config_name),
                       {}});
        return result;
    }
    return parse_config(blanked, file_name);
}

} // namespace tlatv::cfg
